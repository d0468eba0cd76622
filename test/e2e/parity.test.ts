/**
 * Parity, proven (issue 17 Deliver 2): one generated company, one production refresh (runRefresh builds
 * ONE site for this file), and for every filter combination below every number the site shows — KPI tiles
 * (data-metric hooks), chart tables (figure[data-chart] tables, by column name) and the compa-ratio table —
 * equals `metrics --json` for the same filters, as of the same day, after the site's stated rounding
 * (contract/format.ts: rates 1 decimal in tiles, days whole in tiles, table cells via cellText).
 *
 * The CLI side runs the CLI's own request path (parseMetricsArgs -> checkFilters -> prepareMetrics -> metricsFor, with the comparison of metrics --compare) on the
 * published warehouse; once through the real `hirescope metrics --json` process for the default as-of.
 * A site month filter is the CLI's date period: from=YYYY-MM -> --from YYYY-MM-01, to=YYYY-MM -> --to
 * the month's last day.
 */
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMetricsArgs } from '../../pipelines/commands/metrics.ts';
import { checkFilters } from '../../pipelines/commands/filters.ts';
import { cellText, columnKind, days, dollars, integer, percent } from '../../pipelines/contract/format.ts';
import type { Filters, Metrics } from '../../pipelines/contract/metrics.ts';
import { generate } from '../../pipelines/generate/index.ts';
import { configSchema } from '../../pipelines/lib/config.ts';
import { openWarehouse, type Warehouse } from '../../pipelines/lib/duckdb.ts';
import { metricsFor, prepareMetrics } from '../../pipelines/metrics/index.ts';
import { comparisonFor } from '../../pipelines/metrics/compare.ts';
import { changeText } from '../../pipelines/contract/compare.ts';
import { runRefresh } from '../../pipelines/refresh/run.ts';
import { stateLayout } from '../../pipelines/refresh/state.ts';
import { launchBrowser, pageWithErrors, type Browser } from '../helpers/browser.ts';
import { runCli } from '../helpers/processes.ts';
import { serveSite, type SiteServer } from '../helpers/site.ts';
import { tempDir, writeFiles } from '../helpers/tmp.ts';

const config = configSchema.parse({});
const tmp = tempDir('hs-parity-');
const layout = stateLayout(tmp.dir);
// The refresh time is pinned: freshness is judged against it (2026-10-20, 20 days after the last event).
const refreshedAt = new Date('2026-10-20T08:00:00Z');
let site: SiteServer;
let base: string;
let browser: Browser;
let warehouse: Warehouse;
let siteAsOf: string;

/** A site filter combination (the URL's query string) and how the page is driven to it. */
interface Combo {
  readonly query: string;
  /** set through the dropdowns instead of the URL */
  readonly dropdowns?: readonly [string, string][];
  /** the page refuses to guess: a notice says what is wrong (and the numbers are the empty ones) */
  readonly notice?: RegExp;
}

// Each dimension alone, pairs, triples, periods, empty results, values in another case, unknown values,
// a reversed period; a few set with the dropdowns. The generated company (seed 17, scale 0.5) has the
// departments Customer Success, Data, Design, Engineering, Finance, Marketing, People, Product, Sales and
// the regions US, EU, LatAm, APAC; its history runs 2025-04 to 2026-09.
export const combos: readonly Combo[] = [
  { query: '' },
  { query: 'department=Engineering' },
  { query: 'department=Sales' },
  { query: 'department=Marketing' },
  { query: 'department=Product' },
  { query: 'region=US' },
  { query: 'region=EU' },
  { query: 'region=LatAm' },
  { query: 'region=APAC' },
  { query: 'level=senior' },
  { query: 'level=mid' },
  { query: 'level=entry' },
  { query: 'from=2026-01' },
  { query: 'to=2025-12' },
  { query: 'from=2026-04&to=2026-06' },
  { query: 'from=2026-09&to=2026-09' },
  { query: 'department=Engineering&region=US' },
  { query: 'department=Sales&level=senior' },
  { query: 'region=EU&level=mid' },
  { query: 'from=2026-01&to=2026-06&department=Engineering' },
  { query: 'from=2025-10&region=US' },
  { query: 'to=2026-03&level=staff' },
  { query: 'department=Finance&region=APAC&level=executive' },
  { query: 'department=sales' },
  { query: 'region=eu' },
  { query: 'level=SENIOR' },
  { query: 'department=ENGINEERING&region=us' },
  { query: 'department=Nope', notice: /Unknown department "Nope"/ },
  { query: 'region=Mars', notice: /Unknown region "Mars"/ },
  { query: 'from=2026-09&to=2026-01', notice: /The period is empty: From 2026-09 is after To 2026-01/ },
  { query: 'department=Sales&region=EU', dropdowns: [['department', 'Sales'], ['region', 'EU']] },
  { query: 'from=2026-01&level=mid', dropdowns: [['from', '2026-01'], ['level', 'mid']] },
  { query: 'department=Design', dropdowns: [['department', 'Design']] },
  // the job's owners (issue 18), on every hiring page: the generator's staff pools (generate/owners.ts)
  { query: 'recruiter=Maya+Chen' },
  { query: 'hiringManager=Marco+Bianchi' },
  { query: 'department=Marketing&recruiter=Hannah+Schmidt' },
  { query: 'from=2026-01&recruiter=Maya+Chen&hiringManager=Tom+Becker' },
  { query: 'department=Engineering&recruiter=Emma+Johansson' }, // Emma recruits for People and Finance: empty
  { query: 'recruiter=emma+johansson' },
  { query: 'hiringManager=Nobody', notice: /Unknown hiring manager "Nobody"/ },
  { query: 'recruiter=Daniel+Okafor', dropdowns: [['recruiter', 'Daniel Okafor']] },
];

const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/** The CLI arguments of a site query string. */
function cliArgs(query: string): Record<string, string> {
  const params = new URLSearchParams(query);
  const args: Record<string, string> = {};
  for (const key of ['department', 'region', 'level', 'recruiter'] as const) if (params.get(key)) args[key] = params.get(key)!;
  if (params.get('hiringManager')) args['hiring-manager'] = params.get('hiringManager')!;
  if (params.get('from')) args.from = `${params.get('from')}-01`;
  if (params.get('to')) args.to = lastDay(params.get('to')!);
  return args;
}

/**
 * `metrics --json` for the site filters: the CLI's request path. A value the CLI refuses (exit 2: unknown
 * value, reversed period) is computed as given, unresolved: the empty numbers the site shows beside its notice.
 */
async function cliMetrics(query: string): Promise<{ metrics: Metrics; refused: string | null }> {
  const { filters } = parseMetricsArgs(cliArgs(query));
  let checked: Filters = filters;
  let refused: string | null = null;
  try {
    checked = await checkFilters(warehouse, config, filters, siteAsOf);
  } catch (error) {
    refused = (error as Error).message;
  }
  // --publish: the pay figures under the disclosure rules, as the site publishes them (issue 15); --compare:
  // the tiles' comparisons (none for a reversed period, which the site leaves empty)
  const context = await prepareMetrics(warehouse, config, { asOf: siteAsOf, filters: checked, publish: true });
  const reversed = checked.from !== undefined && checked.to !== undefined && checked.from > checked.to;
  const comparison = reversed ? undefined : await comparisonFor(context);
  return { metrics: { ...(await metricsFor(context, checked)), ...(comparison ? { comparison } : {}) }, refused };
}

interface Shown {
  metrics: Record<string, string>;
  status: string | null;
  tables: Record<string, { columns: string[]; rows: string[][] }>;
  compa: string[][];
  notice: string | null;
  ownerNotice: string | null;
  dropdowns: Record<string, string>;
}

/** Everything a page shows, read from its hooks. */
function readShown(page: Page): Promise<Shown> {
  return page.evaluate(() => {
    const metrics: Record<string, string> = {};
    for (const el of document.querySelectorAll<HTMLElement>('[data-metric]')) metrics[el.dataset.metric!] = el.textContent ?? '';
    const tables: Record<string, { columns: string[]; rows: string[][] }> = {};
    for (const figure of document.querySelectorAll<HTMLElement>('figure[data-chart]')) {
      const table = figure.querySelector('[data-chart-table] table')!;
      tables[figure.dataset.chart!] = {
        columns: [...table.querySelectorAll('thead th')].map((th) => th.textContent ?? ''),
        rows: [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
      };
    }
    const compa = [...document.querySelectorAll('[data-compa-body] tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''));
    const dropdowns: Record<string, string> = {};
    for (const select of document.querySelectorAll<HTMLSelectElement>('select[data-filter]')) dropdowns[select.name] = select.selectedOptions[0]?.textContent ?? '';
    return {
      metrics,
      status: document.querySelector('[data-kpi="offer-acceptance"]')?.getAttribute('data-status') ?? null,
      tables,
      compa,
      notice: document.querySelector('[data-filter-notice]')?.textContent ?? null,
      ownerNotice: document.querySelector('[data-owner-notice]')?.textContent ?? null,
      dropdowns,
    };
  });
}

const routes = ['', 'funnel/', 'time-to-fill/', 'offers/', 'sources/', 'pay-bands/'] as const;

/** Open a route with the combination's filters (URL or dropdowns) and wait until the island drew them. */
async function openWith(route: string, combo: Combo): Promise<Page> {
  const { page, errors } = await pageWithErrors(browser);
  if (combo.dropdowns) {
    await page.goto(base + route);
    await page.waitForSelector('body[data-drawn="all"]');
    for (const [key, value] of combo.dropdowns) await page.selectOption(`select[data-filter="${key}"]`, value);
  } else {
    await page.goto(`${base}${route}${combo.query ? `?${combo.query}` : ''}`);
  }
  // the island draws the URL's filters after a first pass: wait for the resolved query string
  await page
    .waitForFunction((q) => document.body.dataset.drawn === (q || 'all'), resolvedQuery(combo.query), { timeout: 30_000 })
    .catch((error: Error) => {
      throw new Error(`?${combo.query} /${route}: never drawn (${error.message}); page errors: ${errors.join(' | ')}`);
    });
  expect(errors).toEqual([]);
  return page;
}

/** The query string the island applies: values in the data's spelling, filter keys in their fixed order. */
function resolvedQuery(query: string): string {
  const spelled: Record<string, string> = { sales: 'Sales', engineering: 'Engineering', eu: 'EU', us: 'US', senior: 'senior', 'emma johansson': 'Emma Johansson' };
  const params = new URLSearchParams(query);
  const out = new URLSearchParams();
  for (const key of ['from', 'to', 'department', 'region', 'level', 'recruiter', 'hiringManager']) {
    const value = params.get(key);
    if (value) out.set(key, spelled[value.toLowerCase()] ?? value);
  }
  return out.toString();
}

const sorted = (rows: string[][]) => [...rows].sort((a, b) => (a.join('|') < b.join('|') ? -1 : 1));

/** Check every number of one route against the metrics. */
function compare(route: string, shown: Shown, m: Metrics, label: string): void {
  // a row as the site's table prints it: each cell by its column's kind (contract/format.ts cellText)
  const as = (id: string) => (row: readonly (string | number | null)[]) => row.map((v, i) => cellText(v, columnKind(shown.tables[id]!.columns[i]!)));
  const oar = m.offerAcceptance;
  const ttf = m.timeToFill;
  if (route === '') {
    const expected: Record<string, string> = {
      'offerAcceptance.rate': percent(oar.rate),
      'timeToFill.medianDays': days(ttf.medianDays),
      'timeToFill.filled': integer(ttf.filled),
      'timeToFill.kmMedianDays': days(ttf.kmMedianDays),
      'timeToFill.open': integer(ttf.open),
      'timeToHire.hires': integer(m.timeToHire.hires),
      ...Object.fromEntries(Object.entries(ttf.openAging).map(([bucket, n]) => [`timeToFill.openAging.${bucket}`, integer(n)])),
      ...(oar.ci95
        ? {
            'offerAcceptance.ci95.0': percent(oar.ci95[0]),
            'offerAcceptance.ci95.1': percent(oar.ci95[1]),
            'offerAcceptance.accepted': integer(oar.accepted),
            'offerAcceptance.declined': integer(oar.declined),
          }
        : { 'offerAcceptance.resolved': integer(oar.accepted + oar.declined) }),
      // each tile against the previous period and a year earlier (metrics --compare), as the tiles write it
      ...(m.comparison
        ? Object.fromEntries(
            (['previous', 'yearEarlier'] as const).flatMap((which) =>
              (
                [
                  ['oar', 'offerAcceptance.points'],
                  ['ttf', 'medianTimeToFillDays'],
                  ['open', 'openOpenings'],
                  ['hires', 'hires'],
                ] as const
              ).map(([kpi, key]) => [`comparison.change.${which}.${key}`, changeText(kpi, m.comparison!.change[which], m.comparison!.figures[which])]),
            ),
          )
        : {}),
    };
    expect(shown.metrics, `${label}: KPI tiles`).toEqual(expected);
    expect(shown.status, `${label}: OAR status`).toBe(oar.status);
    // the monthly trend adds up to the resolved offers that have a resolution month
    const trend = shown.tables['oar-trend']!;
    const sum = (column: string) => trend.rows.reduce((n, r) => n + Number(r[trend.columns.indexOf(column)]!.replaceAll(',', '')), 0);
    expect(sum('accepted') + sum('declined'), `${label}: OAR trend total`).toBe(oar.accepted + oar.declined - m.dataQuality.offersWithoutResolutionDate);
  }
  if (route === '' || route === 'funnel/') {
    expect(shown.tables.funnel!.rows, `${label}: funnel`).toEqual(
      m.funnel.map((s) => as('funnel')([s.stage, s.reached, s.advanced, s.passThrough, s.rejected, s.withdrew, s.other, s.active])),
    );
  }
  if (route === 'funnel/') {
    expect(shown.tables['time-in-stage']!.rows, `${label}: time in stage`).toEqual(m.timeInStage.map((s) => as('time-in-stage')([s.stage, s.stays, s.medianDays])));
  }
  if (route === 'time-to-fill/') {
    const histogram = shown.tables['ttf-distribution']!.rows;
    expect(histogram.reduce((n, r) => n + Number(r[1]!.replaceAll(',', '')), 0), `${label}: filled`).toBe(ttf.filled);
    expect(shown.tables['km-curve']!.rows, `${label}: Kaplan-Meier`).toEqual(ttf.kmCurve.map((p) => as('km-curve')([p.days, p.atRisk, p.events, p.censored, p.survival])));
    expect(shown.tables.regions!.rows, `${label}: regions`).toEqual(
      m.regions.map((r) => as('regions')([r.region, r.filled, r.medianTimeToFillDays, r.benchmarkDays?.[0] ?? null, r.benchmarkDays?.[1] ?? null, r.status])),
    );
    expect(shown.tables['open-aging']!.rows, `${label}: open openings`).toEqual(Object.entries(ttf.openAging).map(([b, n]) => as('open-aging')([b, n])));
  }
  if (route === 'offers/') {
    for (const id of ['oar-by-department', 'oar-by-region', 'oar-by-source']) {
      const t = shown.tables[id]!;
      const total = (c: string) => t.rows.reduce((n, r) => n + Number(r[t.columns.indexOf(c)]!.replaceAll(',', '')), 0);
      expect([total('accepted'), total('declined')], `${label}: ${id} totals`).toEqual([oar.accepted, oar.declined]);
    }
    const s = m.offerSpeed;
    const rate = (g: { accepted: number; declined: number }) => (g.accepted + g.declined ? g.accepted / (g.accepted + g.declined) : null);
    expect(shown.tables['offer-speed']!.rows, `${label}: offer speed`).toEqual([
      as('offer-speed')(['within 2 days', s.within2Days.accepted, s.within2Days.declined, rate(s.within2Days)]),
      as('offer-speed')(['later', s.later.accepted, s.later.declined, rate(s.later)]),
    ]);
  }
  if (route === 'sources/') {
    expect(sorted(shown.tables.sources!.rows), `${label}: sources`).toEqual(
      sorted(m.sources.map((s) => as('sources')([s.source, s.applications, s.hires, s.hireRate, s.offersAccepted, s.offersDeclined]))),
    );
  }
  if (route === 'pay-bands/') {
    // compa-ratio table: region, level, n, P50 (the period does not apply to pay)
    const all = m.payBands.filter((b) => b.roleFamily === 'all');
    expect(sorted(shown.compa.map((r) => r.slice(0, 4))), `${label}: compa-ratios`).toEqual(
      sorted(all.map((b) => [b.region, b.level, b.suppressed ? 'suppressed' : integer(b.n), b.suppressed ? 'suppressed' : dollars(b.p50)])),
    );
  }
}

// A refresh that fails first (an offers file without its status column), an hour before the good one.
const failedAt = new Date('2026-10-20T07:00:00Z');

beforeAll(async () => {
  const bad = path.join(tmp.dir, 'inbox-bad');
  writeFiles(bad, { 'offers.csv': 'offer_id,application_id\nofr-1,app-1\n' });
  await expect(runRefresh(config, { inbox: bad, layout, now: failedAt })).rejects.toThrow(/missing required column status/);
  const inbox = path.join(tmp.dir, 'inbox');
  await generate({ seed: 17, scale: 0.5, outDir: inbox });
  // Three stays in a stage no mapping covers (Culture Chat), for Data quality's unmapped stages.
  appendFileSync(
    path.join(inbox, 'stage_history.csv'),
    ['app-0000001', 'app-0000002', 'app-0000003'].map((app) => `${app},Culture Chat,2025-07-10T10:00:00Z,2025-07-10T11:00:00Z\n`).join(''),
  );
  await runRefresh(config, { inbox, layout, now: refreshedAt });
  site = await serveSite(layout.distLink);
  ({ base, browser } = site);
}, 300_000);

afterAll(async () => {
  await site?.close();
  warehouse?.close();
  tmp.cleanup();
});

describe('one as-of', () => {
  it('the site is as of the day the CLI defaults to (the newest event), and says the data is stale', async () => {
    const page = await browser.context.newPage();
    await page.goto(base);
    siteAsOf = (await page.locator('[data-freshness] strong').textContent())!;
    // the generator writes nothing after its end, 2026-09-30; its newest event falls on that day
    expect(siteAsOf).toBe('2026-09-30');
    // 2026-09-30 -> 2026-10-20 is 20 days, over the default 14
    expect(await page.locator('[data-stale-warning]').textContent()).toContain('the newest event is from 2026-09-30, 20 days before');
    await page.close();
    const cli = await runCli(['metrics', '--json', '--db', layout.warehouseLink]);
    expect(cli.code).toBe(0);
    expect((JSON.parse(cli.stdout) as Metrics).asOf).toBe(siteAsOf);
  }, 60_000);
});

/** Open a route (no console error allowed) and wait until the island has drawn what the URL asks. */
async function openRoute(route: string, drawn?: string): Promise<Page> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(base + route);
  if (drawn !== undefined) await page.waitForSelector(`body[data-drawn="${drawn}"]`, { timeout: 20_000 });
  expect(errors).toEqual([]);
  return page;
}

describe('panels that ignore the filters say so', () => {
  it('alerts are company-wide (as `hirescope alerts`), and say so once a filter is applied', async () => {
    const cli = await runCli(['alerts', '--json', '--db', layout.warehouseLink]);
    expect(cli.code).toBe(0);
    const alerts = (JSON.parse(cli.stdout) as { alerts: { message: string }[] }).alerts.map((a) => a.message);
    const page = await openRoute('', 'all');
    expect(await page.locator('#alerts-title').textContent()).toBe('Active alerts · company-wide');
    expect(await page.locator('[data-scope-note]').isVisible()).toBe(false);
    expect(await page.locator('.alerts li.alert span:not(.badge)').allTextContents()).toEqual(alerts);
    await page.selectOption('select[data-filter="department"]', 'Sales');
    await page.waitForSelector('body[data-drawn="department=Sales"]');
    expect(await page.locator('[data-scope-note]').isVisible()).toBe(true);
    expect(await page.locator('[data-scope-note]').textContent()).toContain('The filters do not apply to alerts');
    // the same alerts, whatever the filter
    expect(await page.locator('.alerts li.alert span:not(.badge)').allTextContents()).toEqual(alerts);
    await page.close();
  }, 60_000);

  it('the compa-ratio table follows the region filter', async () => {
    const page = await openRoute('pay-bands/?region=EU', 'region=EU');
    const rows = await page.locator('[data-compa-body] tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    // metrics --json --publish --region EU on the generated company (published cells, rounded): region,
    // level, n, P50 and compa-ratio; no US, LatAm or APAC row
    expect(rows.map((r) => [r[0], r[1], r[2], r[3], r[5]])).toEqual([
      ['EU', 'entry', '7', '$53,000', '0.91'],
      ['EU', 'mid', '11', '$76,000', '0.93'],
      ['EU', 'senior', '8', '$96,000', '0.88'],
      ['EU', 'staff', '7', '$145,000', '0.98'],
      ['EU', 'principal', '5', '$145,000', '0.86 · below market low'],
      ['EU', 'executive', 'suppressed', 'suppressed', '—'],
    ]);
    await page.close();
  });
});

describe('filters that say what they do', () => {
  it('an unknown department stays in the dropdown, with a notice naming the known ones', async () => {
    const page = await openRoute('?department=Nope', 'department=Nope');
    expect(await page.locator('select[data-filter="department"] option:checked').textContent()).toBe('Nope (unknown)');
    expect(await page.locator('[data-filter-notice]').textContent()).toBe(
      'Unknown department "Nope": nothing matches it. Known: Customer Success, Data, Design, Engineering, Finance, Marketing, People, Product, Sales.',
    );
    // nothing silently empty: the tile says there is nothing, beside the notice
    expect(await page.locator('[data-kpi="offer-acceptance"] [data-kpi-value]').textContent()).toBe('—');
    await page.close();
  });

  it('an unknown region and a reversed period are named; a malformed month is ignored, and said', async () => {
    const mars = await openRoute('funnel/?region=Mars', 'region=Mars');
    expect(await mars.locator('select[data-filter="region"] option:checked').textContent()).toBe('Mars (unknown)');
    expect(await mars.locator('[data-filter-notice]').textContent()).toBe('Unknown region "Mars": nothing matches it. Known: US, EU, LatAm, APAC, Other.');
    await mars.close();
    const reversed = await openRoute('?from=2026-09&to=2026-01', 'from=2026-09&to=2026-01');
    expect(await reversed.locator('[data-filter-notice]').textContent()).toBe('The period is empty: From 2026-09 is after To 2026-01 (give the earlier month first).');
    expect(await reversed.locator('select[data-filter="from"] option:checked').textContent()).toBe('Sep 2026');
    await reversed.close();
    const junk = await openRoute('?from=soon', 'all');
    expect(await junk.locator('[data-filter-notice]').textContent()).toBe('From "soon" is not a month (YYYY-MM): ignored.');
    await junk.close();
  });

  it('a value in another case matches, as in the CLI, and takes the data\'s spelling', async () => {
    const page = await openRoute('?department=sales', 'department=Sales');
    expect(new URL(page.url()).search).toBe('?department=Sales');
    expect(await page.locator('select[data-filter="department"] option:checked').textContent()).toBe('Sales');
    expect(await page.locator('[data-filter-notice]').count()).toBe(0);
    const cli = await runCli(['metrics', '--json', '--db', layout.warehouseLink, '--department', 'sales']);
    const m = JSON.parse(cli.stdout) as Metrics;
    expect(m.filters.department).toBe('Sales');
    expect(await page.locator('[data-kpi="offer-acceptance"] [data-kpi-value]').textContent()).toBe(percent(m.offerAcceptance.rate));
    await page.close();
  }, 60_000);
});

describe('data quality', () => {
  it('names the failed run by its id and time, counts the rows of unmapped stages, and says the data is stale', async () => {
    const page = await openRoute('data-quality/');
    // run id: the run's start (failedAt) and this process's pid
    expect(await page.locator('[data-failed-run-id]').textContent()).toBe(`20261020-070000-${process.pid}`);
    expect(await page.locator('[data-failed-run-at]').textContent()).toBe('2026-10-20 07:00:00 UTC');
    // Culture Chat: 74 stays in the generated stage history (grep -c) + the 3 appended = 77
    expect(await page.locator('[data-unmapped-stage]').allTextContents()).toEqual(['Culture Chat (77 rows)']);
    const freshness = page.locator('[data-freshness-status]');
    expect(await freshness.getAttribute('data-freshness-status')).toBe('stale');
    expect(await freshness.locator('.kpi-value').textContent()).toBe('Stale');
    // 2026-09-30 -> 2026-10-20: 20 days, over 14
    expect(await freshness.locator('.kpi-detail').textContent()).toBe(
      'newest event 2026-09-30, 20 days before the refresh (stale after 14) · as of 2026-09-30 · refreshed 2026-10-20 08:00 UTC',
    );
    await page.close();
  });

  it('keeps the filters of the URL in its links', async () => {
    const page = await openRoute('data-quality/?department=Sales&from=2026-01');
    await page.waitForFunction(() => document.querySelector<HTMLAnchorElement>('a[data-nav]')!.search !== '');
    const hrefs = await page.locator('a[data-nav]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).search));
    expect(new Set(hrefs)).toEqual(new Set(['?from=2026-01&department=Sales']));
    await page.close();
  });
});

describe('parity: every number the site shows equals metrics --json for the same filters', () => {
  it(`holds for the ${combos.length} filter combinations, on the built pages and after a filter change`, async () => {
    siteAsOf ??= '2026-09-30';
    // opened after the CLI process of the test above has let go of the file
    warehouse = await openWarehouse(layout.warehouseLink);
    expect(combos.length).toBeGreaterThanOrEqual(30);
    // The built pages (JavaScript off): the unfiltered numbers as rendered at build time.
    const { metrics: all } = await cliMetrics('');
    const noScript = await launchBrowser({ javaScript: false });
    try {
      for (const route of routes) {
        const page = await noScript.context.newPage();
        await page.goto(base + route);
        compare(route, await readShown(page), all, `built /${route}`);
        await page.close();
      }
    } finally {
      await noScript.close();
    }
    // PARITY_ONLY=q1,q2 runs only those query strings (a debugging aid; unset, every combination runs)
    for (const combo of combos.filter((c) => !process.env.PARITY_ONLY || process.env.PARITY_ONLY.split(',').includes(c.query))) {
      const { metrics, refused } = await cliMetrics(combo.query);
      expect(refused !== null, `${combo.query}: the CLI refuses exactly what the site flags (${refused})`).toBe(combo.notice !== undefined);
      for (const route of routes) {
        // one page at a time: the island hydrates on idle, which a background page may never reach
        // the pay page has no owner dropdown: there an owner combination comes through the URL
        const ownerDropdown = combo.dropdowns?.some(([key]) => key === 'recruiter' || key === 'hiringManager');
        const page = await openWith(route, route === 'pay-bands/' && ownerDropdown ? { query: combo.query } : combo);
        const shown = await readShown(page);
        const label = `?${combo.query} /${route}`;
        if (combo.notice) expect(shown.notice, label).toMatch(combo.notice);
        else expect(shown.notice, label).toBeNull();
        // no dropdown says "All" while its filter is applied
        for (const key of new URLSearchParams(combo.query).keys()) {
          // pay has no owner: the pay page offers no owner dropdown and says the owner filters do not apply
          if (route === 'pay-bands/' && (key === 'recruiter' || key === 'hiringManager')) {
            expect(shown.dropdowns[key], `${label}: no ${key} dropdown`).toBeUndefined();
            expect(shown.ownerNotice, `${label}: owner notice`).toMatch(/pay has no owner/);
            continue;
          }
          expect(shown.dropdowns[key], `${label}: ${key} dropdown`).not.toMatch(/^(All|Beginning|Data date)$/);
        }
        // every hiring page applies the owner filters: none says they do not
        if (route !== 'pay-bands/') expect(shown.ownerNotice, `${label}: owner notice`).toBeNull();
        compare(route, shown, metrics, label);
        await page.close();
      }
    }
  }, 900_000);
});
