/**
 * The Pay equity page (issue 19 Deliver 4) in a real browser (Debian Chromium via playwright-core), built
 * by the production refresh from the hand-made company of the site tests whose roster is replaced by the
 * pay-gap roster of test/fixtures/paygap-site plus five US workers (so both regions are published):
 *   EU: Eng women 50,52,54,56,58,60k, men 55,57,59,61,63,65k (+1 other, 1 undisclosed);
 *       Sales women 40,41,42,43,44k, men 40,42,44,46,48k
 *   US: Eng women 70,72k + 71,73,74k; men 75,77,79k + 76,78k
 * Everyone 40 h a week, so hourly and annual gaps are equal.
 * Company: women 330 + 210 + 360 = 900k / 16 = 56,250; men 360 + 220 + 385 = 965k / 16 = 60,312.5;
 *   mean gap 4,062.5 / 60,312.5 = 0.06736 -> "6.7%".
 * US: women 360k / 5 = 72,000; men 385k / 5 = 77,000; mean gap 5 / 77 = 0.06494 -> "6.5%".
 * Nested differences (company - EU 5 / 5, company - US 11 / 11, Eng - EU x Eng 5 / 5) are all >= 5: no
 * view is withheld.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse } from '../../pipelines/lib/duckdb.ts';
import { payGapReport } from '../../pipelines/paygap/index.ts';
import type { PayGapReport } from '../../pipelines/contract/payGap.ts';
import { launchBrowser, pageWithErrors, type Browser } from '../helpers/browser.ts';
import { fixtureAsOf, fixtureCompany } from '../helpers/company.ts';
import { serveBuiltSite, type ServedSite } from '../helpers/site.ts';
import { repoRoot } from '../helpers/tmp.ts';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'paygap-site');
const extraUs = [
  ['u-w3', 'female', 71000, 2000],
  ['u-w4', 'female', 73000, 2000],
  ['u-w5', 'female', 74000, 0],
  ['u-m4', 'male', 76000, 3000],
  ['u-m5', 'male', 78000, 0],
].map(([id, gender, pay, variable]) => `${id},Mid,US,${pay},EUR,eng,Eng,2026-01-01,${gender},40,,${variable},Engineer,2019-05-01`);

let site: ServedSite;
let base: string;
let browser: Browser;
const engine: Record<'company' | 'US', PayGapReport> = {} as never;

/** A gap as the page's tiles show it: its size to one decimal. */
const shown = (gap: number | null) => (gap === null ? 'suppressed' : `${(Math.abs(gap) * 100).toFixed(1)}%`);

beforeAll(async () => {
  const company = fixtureCompany();
  const roster = readFileSync(path.join(fixtures, 'compensation.csv'), 'utf8');
  site = await serveBuiltSite({
    inbox: {
      ...company.files,
      'compensation.csv': `${roster.trimEnd()}\n${extraUs.join('\n')}\n`,
      'fx_rates.csv': readFileSync(path.join(fixtures, 'fx_rates.csv'), 'utf8'),
    },
    asOf: fixtureAsOf,
    prefix: 'hs-pay-equity-',
  });
  ({ base, browser } = site);
  const warehouse = await openWarehouse(site.warehouse);
  try {
    engine.company = await payGapReport(warehouse, { asOf: fixtureAsOf, currency: 'EUR', minCell: 5 });
    engine.US = await payGapReport(warehouse, { asOf: fixtureAsOf, currency: 'EUR', minCell: 5, region: 'US' });
  } finally {
    warehouse.close();
  }
}, 240_000);

afterAll(() => site?.close());

const tile = (key: string) => `[data-gap="${key}"] [data-gap-value]`;

describe('the Pay equity page', () => {
  it('has the headline figures, charts and tables in the HTML (JavaScript disabled)', async () => {
    // the engine agrees with the hand-worked figures of the header
    expect(engine.company.hourly.meanGap).toBeCloseTo(4062.5 / 60312.5, 12);
    expect(engine.US.hourly.meanGap).toBeCloseTo(5 / 77, 12);
    const noScript = await launchBrowser({ javaScript: false });
    try {
      const page = await noScript.context.newPage();
      await page.goto(`${base}pay-equity/`);
      expect(await page.locator(tile('hourly.meanGap')).textContent()).toBe('6.7%');
      expect(await page.locator('[data-gap="hourly.meanGap"]').getAttribute('data-status')).toBe('watch');
      for (const key of ['hourly.medianGap', 'annual.meanGap', 'annual.medianGap', 'variable.meanGap', 'variable.medianGap'] as const) {
        const [group, field] = key.split('.') as ['hourly' | 'annual' | 'variable', 'meanGap' | 'medianGap'];
        expect(await page.locator(tile(key)).textContent(), key).toBe(shown(engine.company[group][field]));
      }
      // quartile chart and headline chart drawn at build time
      expect(await page.locator('figure[data-chart="pay-quartiles"] [data-chart-body] svg').count()).toBe(1);
      expect(await page.locator('figure[data-chart="pay-gaps"] [data-chart-body] svg').count()).toBe(1);
      // categories: Engineer (women 6 + 5 = 11, men 6 + 5 = 11) and Seller (5 / 5)
      const rows = page.locator('[data-pay-gap-categories] tr');
      expect(await rows.count()).toBe(2);
      expect(await page.locator('[data-pay-gap-categories] tr[data-category="Seller"] td').allTextContents()).toEqual(
        expect.arrayContaining(['Seller', '5', '5']),
      );
      expect(await page.locator('[data-pay-gap-adjusted="gap"]').textContent()).toMatch(/^\d+\.\d% in (men|women)'s favour$/);
      expect(await page.locator('a[data-nav][aria-current="page"]').textContent()).toBe('Pay equity');
      await page.close();
    } finally {
      await noScript.close();
    }
  });

  it("changes to the engine's figures for a region given in the URL", async () => {
    const { page, errors } = await pageWithErrors(browser);
    await page.goto(`${base}pay-equity/?region=US`);
    await page.waitForSelector('body[data-drawn="region=US"]', { timeout: 20_000 });
    expect(await page.locator(tile('hourly.meanGap')).textContent()).toBe('6.5%');
    expect(await page.locator(tile('hourly.medianGap')).textContent()).toBe(shown(engine.US.hourly.medianGap));
    expect(await page.locator(tile('variable.shareWomen')).textContent()).toBe(`${(engine.US.variable.shareWomen! * 100).toFixed(1)}%`);
    expect(await page.locator('[data-pay-gap-scope]').textContent()).toContain('Region US: 5 women, 5 men');
    // US holds only Engineers: 5 women, 5 men
    expect(await page.locator('[data-pay-gap-categories] tr').count()).toBe(1);
    expect(await page.locator('[data-pay-gap-categories] tr td').nth(1).textContent()).toBe('5');
    expect(errors).toEqual([]);
    mkdirSync(path.join(repoRoot, 'test-artifacts'), { recursive: true });
    await page.screenshot({ path: path.join(repoRoot, 'test-artifacts', 'pay-equity-us.png'), fullPage: true });
    await page.close();
  });

  it('downloads the report as CSV with one section per Article 9 letter', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${base}pay-equity/?region=US`);
    await page.waitForSelector('body[data-drawn="region=US"]', { timeout: 20_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a[data-pay-gap-csv]').click()]);
    expect(download.suggestedFilename()).toBe('pay-gap-report-us.csv');
    const text = readFileSync((await download.path())!, 'utf8');
    // the file `hirescope report pay-gap --csv --region US` writes (pipelines/contract/payGapCsv.ts)
    const titles = text.trimEnd().split('\n\n').map((section) => section.split('\n')[0]!.replace(/^"(.*)"$/, '$1'));
    // a head, one section per Article 9(1) letter (a)-(g), the adjusted gap, the cost to close (titles: test/paygap/cli.test.ts)
    expect(titles.map((t) => /^\([a-g]\)/.exec(t)?.[0] ?? t.split(' ')[0])).toEqual(['pay', '(a)', '(b)', '(c)', '(d)', '(e)', '(f)', '(g)', 'adjusted', 'cost']);
    // the US workers (5 women, 5 men) and (a) for US: 5 / 77 = 0.064935...
    expect(text).toContain('\n2026-06-30,EUR,5,5,0,0\n');
    expect(text).toMatch(/\nhourly basic pay,0\.06493506\d*\nannual basic pay,0\.06493506\d*\n/);
    await page.close();
  });

  it('prints as the report: navigation, filters and buttons hidden', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 800, height: 1000 });
    await page.goto(`${base}pay-equity/`);
    await page.waitForSelector('body[data-drawn]', { timeout: 20_000 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header nav').isVisible()).toBe(false);
    expect(await page.locator('form.filters').isVisible()).toBe(false);
    expect(await page.locator('a[data-pay-gap-csv]').isVisible()).toBe(false);
    expect(await page.locator('[data-pay-gap-categories]').isVisible()).toBe(true);
    expect(await page.locator('table.pay-gap-categories').evaluate((t) => getComputedStyle(t).breakInside)).toBe('avoid');
    // the table fits inside its panel on paper (cells wrap)
    const [table, panel] = await page.locator('table.pay-gap-categories').evaluate((t) => [t.getBoundingClientRect().right, t.closest('section')!.getBoundingClientRect().right]);
    expect(table).toBeLessThanOrEqual(panel!);
    await page.close();
  });
});
