/**
 * The built dashboard in a real browser (Debian Chromium via playwright-core), on a hand-made company:
 * pages load without console errors, charts are in the HTML (JavaScript off too), filters change the
 * numbers and the URL and survive a reload, the OAR tile's status follows the rate, tables and CSV
 * downloads work, and no personal value of the input reaches dist/.
 */
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../pipelines/lib/config.ts';
import { openWarehouse } from '../../pipelines/lib/duckdb.ts';
import { computeMetrics } from '../../pipelines/metrics/index.ts';
import type { Metrics } from '../../pipelines/contract/metrics.ts';
import { launchBrowser, pageWithErrors, type Browser } from '../helpers/browser.ts';
import { fixtureAsOf, fixtureCompany } from '../helpers/company.ts';
import { serveBuiltSite, type ServedSite } from '../helpers/site.ts';
import { repoRoot } from '../helpers/tmp.ts';

const pages = ['', 'funnel/', 'time-to-fill/', 'offers/', 'sources/', 'pay-bands/', 'data-quality/'];
const artifacts = path.join(repoRoot, 'test-artifacts');
const company = fixtureCompany();
// The production refresh (runRefresh) into a state folder of its own: dist is its published symlink.
let site: ServedSite;
let dist: string;
let base: string;
let browser: Browser;
let engine: Metrics;

beforeAll(async () => {
  const config = configSchema.parse({});
  site = await serveBuiltSite({ inbox: company.files, asOf: fixtureAsOf, config });
  ({ dist, base, browser } = site);
  const warehouse = await openWarehouse(site.warehouse);
  try {
    engine = await computeMetrics(warehouse, config, { asOf: fixtureAsOf });
  } finally {
    warehouse.close();
  }
  mkdirSync(artifacts, { recursive: true });
}, 180_000);

afterAll(() => site?.close());

/** Open a page, wait until the island has drawn, and return the page with the console errors seen. */
async function open(route: string) {
  const { page, errors } = await pageWithErrors(browser);
  await page.goto(base + route, { waitUntil: 'load' });
  if (!route.startsWith('data-quality')) await page.waitForSelector('body[data-drawn]', { timeout: 20_000 });
  return { page, errors };
}

describe('every page', () => {
  it('loads with zero console errors and draws its charts', async () => {
    for (const route of pages) {
      const { page, errors } = await open(route);
      expect(errors, `console errors on /${route}`).toEqual([]);
      const charts = await page.locator('[data-chart-body] svg, [data-chart-body] figure').count();
      if (route !== 'data-quality/') expect(charts, `charts on /${route}`).toBeGreaterThan(0);
      await page.screenshot({ path: path.join(artifacts, `${route.replace('/', '') || 'overview'}.png`), fullPage: true });
      await page.close();
    }
  });

  it('has its charts and KPI tiles in the HTML, so they show with JavaScript disabled', async () => {
    const noScript = await launchBrowser({ javaScript: false });
    try {
      for (const route of pages.filter((r) => r !== 'data-quality/')) {
        const page = await noScript.context.newPage();
        await page.goto(base + route);
        expect(await page.locator('[data-chart-body] svg').count(), `svg on /${route}`).toBeGreaterThan(0);
        await page.close();
      }
      const page = await noScript.context.newPage();
      await page.goto(base);
      const tile = page.locator('[data-kpi="offer-acceptance"]');
      // whole company: 76 accepted of 95 resolved = 80.0% -> watch
      expect(await tile.getAttribute('data-status')).toBe('watch');
      expect(await tile.locator('[data-kpi-value]').textContent()).toBe('80.0%');
      expect(await page.locator('[data-kpi="time-to-fill"] [data-kpi-value]').textContent()).not.toBe('—');
      await page.close();
    } finally {
      await noScript.close();
    }
  });
});

describe('the offer acceptance tile', () => {
  it('shows the rate and status the metrics engine computes', async () => {
    const { page } = await open('');
    const tile = page.locator('[data-kpi="offer-acceptance"]');
    expect(await tile.getAttribute('data-status')).toBe(engine.offerAcceptance.status);
    expect(await tile.locator('[data-kpi-value]').textContent()).toBe(`${(engine.offerAcceptance.rate! * 100).toFixed(1)}%`);
    await page.close();
  });

  it.each([
    ['Engineering', 'healthy', '86.0%'],
    ['Sales', 'watch', '80.0%'],
    ['Marketing', 'alarm', '70.0%'],
    ['Design', 'insufficient-data', '60.0%'],
  ])('for %s is %s (%s)', async (department, status, value) => {
    const { page } = await open(`?department=${department}`);
    const tile = page.locator('[data-kpi="offer-acceptance"]');
    expect(await tile.getAttribute('data-status')).toBe(status);
    expect(await tile.locator('[data-kpi-value]').textContent()).toBe(value);
    await page.close();
  });
});

describe('filters', () => {
  it('change the numbers and the URL, and survive a reload', async () => {
    const { page } = await open('offers/');
    const firstRow = async () => page.locator('figure[data-chart="oar-by-department"] tbody tr').count();
    expect(await firstRow()).toBe(4);
    await page.selectOption('select[data-filter="department"]', 'Marketing');
    await page.waitForSelector('body[data-drawn="department=Marketing"]');
    expect(page.url()).toContain('department=Marketing');
    expect(await firstRow()).toBe(1);
    await page.reload();
    await page.waitForSelector('body[data-drawn="department=Marketing"]');
    expect(await page.locator('select[data-filter="department"]').inputValue()).toBe('Marketing');
    expect(await firstRow()).toBe(1);
    // navigation keeps the filters
    expect(await page.locator('a[data-nav][href*="funnel"]').getAttribute('href')).toContain('department=Marketing');
    await page.close();
  });

  it('are usable from the keyboard', async () => {
    const { page } = await open('funnel/');
    await page.focus('select[data-filter="region"]');
    await page.keyboard.press('ArrowDown');
    await page.waitForSelector('body[data-drawn^="region="]');
    expect(page.url()).toMatch(/region=/);
    await page.close();
  });
});

describe('table view and CSV download', () => {
  it('show the numbers behind a chart, safe for spreadsheets', async () => {
    const { page } = await open('offers/');
    const figure = page.locator('figure[data-chart="oar-by-department"]');
    await figure.locator('summary').click();
    expect(await figure.locator('table').isVisible()).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), figure.locator('a[data-chart-csv]').click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.split('\n')[0]).toBe('department,offers,accepted,declined,rate,ci_low,ci_high');
    // Engineering: 43 accepted + 7 declined = 50 offers, rate 43 / 50 = 0.86, its interval to 4 decimals
    expect(text).toMatch(/\nEngineering,50,43,7,0\.86,0\.\d{1,4},0\.\d{1,4}\n/);
    await page.close();
  });
});

describe('privacy', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? files(full) : [full];
    });

  it('publishes no name, email or individual salary anywhere in dist/', () => {
    const all = files(dist);
    expect(all.length).toBeGreaterThan(10);
    const content = all.map((f) => readFileSync(f).toString('latin1')).join('\n');
    const found: string[] = [];
    for (const value of [...company.names, ...company.emails]) if (content.includes(value)) found.push(value);
    // A salary counts as found when it stands as a number of its own (the bundled d3 colour schemes hold
    // long hex strings in which any digit run appears by chance).
    const standalone = (text: string) => new RegExp(`(?<![0-9A-Za-z.,])${text.replaceAll(',', '\\,')}(?![0-9A-Za-z])`);
    const salaries = [...company.salaries, ...Array.from({ length: 95 }, (_, i) => 154321 + (i + 1) * 17)]; // employees and offers
    for (const salary of salaries) {
      for (const form of [String(salary), salary.toLocaleString('en-US')]) if (standalone(form).test(content)) found.push(form);
    }
    expect(found).toEqual([]);
  });
});

describe('budgets', () => {
  it('ships at most 250 KB of gzipped JavaScript on the overview, none of it blocking first paint', async () => {
    const page = await browser.context.newPage();
    const scripts: string[] = [];
    page.on('response', async (response) => {
      if (response.url().endsWith('.js') || (response.headers()['content-type'] ?? '').includes('javascript')) scripts.push(response.url());
    });
    await page.goto(base);
    await page.waitForSelector('body[data-drawn]');
    const total = [...new Set(scripts)]
      .map((url) => path.join(dist, new URL(url).pathname))
      .reduce((sum, file) => sum + gzipSync(readFileSync(file)).byteLength, 0);
    expect(total / 1024).toBeLessThanOrEqual(250);
    // no classic blocking <script src> in the head: Astro's scripts are modules (deferred)
    const blocking = await page.locator('head script[src]:not([type="module"]):not([async]):not([defer])').count();
    expect(blocking).toBe(0);
    await page.close();
  });
});
