/**
 * Issue 18 Deliver 5 and 6 in a real browser, on the tiny company of test/helpers/compare-company.ts built
 * by the production refresh: the Planner page (rates and a worked example without JavaScript, the form
 * planning in the browser with the module `hirescope plan` uses) and the Overview tiles' comparisons
 * (in the HTML, and redrawn by the filters to the CLI's figures).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, pageWithErrors, type Browser } from '../helpers/browser.ts';
import { compareAsOf, compareCompany } from '../helpers/compare-company.ts';
import { serveBuiltSite, type ServedSite } from '../helpers/site.ts';
import { repoRoot } from '../helpers/tmp.ts';

let site: ServedSite;
let base: string;
let browser: Browser;
let noScript: Browser;

beforeAll(async () => {
  site = await serveBuiltSite({ inbox: compareCompany(), asOf: compareAsOf, prefix: 'hs-planner-site-' });
  ({ base, browser } = site);
  noScript = await launchBrowser({ javaScript: false });
}, 240_000);

afterAll(async () => {
  await noScript?.close();
  await site?.close();
});

const cells = (page: import('playwright-core').Page, stage: string) =>
  page.locator(`[data-plan-table] tr[data-stage="${stage}"] td`).allTextContents();

describe('Planner page', () => {
  it('without JavaScript shows each department’s rates and a worked example plan', async () => {
    const page = await noScript.context.newPage();
    await page.goto(`${base}planner/`);
    // the nav puts Planner before Pay bands
    const nav = await page.locator('a[data-nav]').allTextContents();
    expect(nav.indexOf('Planner')).toBe(nav.indexOf('Pay bands') - 1);
    // Support: 40 / 80 to screen = 50%, Wilson 95% 39.3%-60.7%; stays 3, 4, -, 7, 5 days
    const support = await page.locator('[data-planner-rates] tr[data-department="Support"] td').allTextContents();
    expect(support).toEqual([
      '50.0% (40 / 80; 95% 39.3%–60.7%)',
      '50.0% (20 / 40; 95% 35.2%–64.8%)',
      '50.0% (10 / 20; 95% 29.9%–70.1%)',
      '80.0% (8 / 10; 95% 49.0%–94.3%)',
      '3 d',
      '4 d',
      '—',
      '7 d',
      '5 d',
    ]);
    // the worked example: Sales (40 decided offers, Support 10), 5 hires by 2026-06-30 + 91 days = 2026-09-29.
    // Sales: every application reached an offer, 26 of 40 hired (0.65); no stays, lead 0 days; applications
    // on 07-01 .. 09-29 = 91 days = 13 weeks; offers 5 / 0.65 = 7.69 -> 8 (and 8 onsites, screens,
    // applications at rates 1), 7.69 / 13 = 0.59 a week
    expect(await page.locator('[data-plan]').getAttribute('data-plan')).toBe('Sales|5|2026-09-29');
    expect(await cells(page, 'offers')).toEqual(['8', expect.stringMatching(/^\d+–\d+$/), '0.6', expect.any(String), '2026-07-01']);
    expect((await cells(page, 'applications'))[0]).toBe('8');
    expect(await page.locator('[data-plan-summary]').textContent()).toContain('applications run from 2026-07-01 for 13 weeks');
    await page.close();
  });

  it('plans a target in the browser with the same numbers as hirescope plan', async () => {
    const { page, errors } = await pageWithErrors(browser);
    await page.goto(`${base}planner/`);
    await page.waitForSelector('astro-island:not([ssr])');
    await page.selectOption('[data-plan-input="department"]', 'Support');
    await page.fill('[data-plan-input="hires"]', '6');
    await page.fill('[data-plan-input="by"]', '2026-09-30');
    await page.waitForSelector('[data-plan="Support|6|2026-09-30"]');
    // test/planner/plan.test.ts works these out: 10 weeks; applications 60 (24-296), 6 a week (2.3-29.6), from 07-01
    expect(await cells(page, 'applications')).toEqual(['60', '24–296', '6.0', '2.3–29.6', '2026-07-01']);
    expect(await cells(page, 'screens')).toEqual(['30', '15–117', '3.0', '1.4–11.6', '2026-07-04']);
    expect(await cells(page, 'onsites')).toEqual(['15', '10–41', '1.5', '0.9–4.1', '2026-07-08']);
    // 7.5 offers / 10 weeks = 0.75 -> 0.8
    expect(await cells(page, 'offers')).toEqual(['8', '7–13', '0.8', '0.6–1.2', '2026-07-15']);
    await page.screenshot({ path: path.join(repoRoot, 'test-artifacts', 'planner.png'), fullPage: true });
    // too soon: 19 days from application to hire, the first date with a week of applications is 07-26
    await page.fill('[data-plan-input="by"]', '2026-07-20');
    await expect.poll(() => page.locator('[data-plan-message]').textContent()).toContain('the earliest date with a week of applications is 2026-07-26');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Overview tiles compared with what', () => {
  it('are in the HTML without JavaScript, for the default period', async () => {
    const page = await noScript.context.newPage();
    await page.goto(base);
    // default period: the data's first month (F5 opened March 2025) to June 2026 = 16 months; the 16 before
    // it hold nothing
    const oar = await page.locator('[data-kpi="offer-acceptance"] [data-kpi-compare] li').allTextContents();
    expect(oar).toEqual(['vs previous (Nov 2023 – Feb 2025): no offers to compare', expect.stringMatching(/^vs a year earlier \(Mar 2024 – Jun 2025\): /)]);
    await page.close();
  });

  it('redraw with the filters: Sales from April 2026, as metrics --compare', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${base}?from=2026-04&department=Sales`);
    await page.waitForSelector('body[data-drawn]');
    const lines = async (kpi: string) => page.locator(`[data-kpi="${kpi}"] [data-kpi-compare] li`).allTextContents();
    // test/metrics/compare.test.ts: 90% vs 40% (intervals apart) and vs 75% (overlapping)
    expect(await lines('offer-acceptance')).toEqual([
      'vs previous (Jan 2026 – Mar 2026): +50.0 pts, significant',
      'vs a year earlier (Apr 2025 – Jun 2025): +15.0 pts, not significant',
    ]);
    expect(await lines('time-to-fill')).toEqual(['vs previous (Jan 2026 – Mar 2026): −10 d', 'vs a year earlier (Apr 2025 – Jun 2025): −25 d']);
    expect(await lines('open-openings')).toEqual(['vs previous (Jan 2026 – Mar 2026): ±0', 'vs a year earlier (Apr 2025 – Jun 2025): +1']);
    expect(await lines('hires')).toEqual(['vs previous (Jan 2026 – Mar 2026): +10 (+125%)', 'vs a year earlier (Apr 2025 – Jun 2025): +3 (+20%)']);
    await page.close();
  });
});
