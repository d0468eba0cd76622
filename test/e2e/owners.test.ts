/**
 * Issue 18 in a real browser, on the tiny company with owners (test/owners/company.ts) refreshed by the
 * production refresh: the recruiter filter in the URL changes the numbers of the Owners page and of every
 * hiring page (pay and the reasons say they do not split by owner), the Owners page lists the owners with
 * "too few" where a rate rests on under 5 events, and the reasons charts are on the Funnel and Offers pages.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../pipelines/lib/config.ts';
import { pageWithErrors, type Browser } from '../helpers/browser.ts';
import { fixtureAsOf } from '../helpers/company.ts';
import { buildSite, serveBuiltSite, type ServedSite } from '../helpers/site.ts';
import { ownedCompany } from '../owners/company.ts';

let site: ServedSite;
let base: string;
let browser: Browser;

beforeAll(async () => {
  site = await serveBuiltSite({ inbox: ownedCompany(), asOf: fixtureAsOf, prefix: 'hs-owners-site-' });
  ({ base, browser } = site);
}, 240_000);

afterAll(() => site?.close());

async function open(route: string) {
  const { page, errors } = await pageWithErrors(browser);
  await page.goto(base + route, { waitUntil: 'load' });
  await page.waitForSelector('body[data-drawn]', { timeout: 20_000 });
  return { page, errors };
}

/** The cells of a chart's table view, row by row. */
const tableOf = (page: Awaited<ReturnType<typeof open>>['page'], chart: string) =>
  page.locator(`figure[data-chart="${chart}"] tbody tr`).evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));

describe('owners on the site', () => {
  it('the recruiter in the URL changes the Owners page: Sam Sourcer (job-3) and the hiring manager of his job', async () => {
    const { page: everyone, errors } = await open('owners/');
    expect((await tableOf(everyone, 'owners-hiring-managers')).map((r) => r.slice(0, 3))).toEqual([
      ['Hank Manager', '3', '44'], // job-1 + job-5: open 2 + 1, hires 43 + 1
      ['Mona Manager', '4', '30'], // job-2 + job-3: open 2 + 2, hires 16 + 14
      ['Unassigned', '2', '3'], // job-4
    ]);
    const { page, errors: filteredErrors } = await open('owners/?recruiter=Sam+Sourcer');
    expect(await page.locator('select[data-filter="recruiter"]').inputValue()).toBe('Sam Sourcer');
    expect((await tableOf(page, 'owners-recruiters')).map((r) => r[0])).toEqual(['Sam Sourcer']);
    // Sam's only job is job-3, whose hiring manager is Mona: open 2, hires 14 (of her 30)
    expect((await tableOf(page, 'owners-hiring-managers')).map((r) => r.slice(0, 3))).toEqual([['Mona Manager', '2', '14']]);
    expect([...errors, ...filteredErrors]).toEqual([]);
  });

  it('filters every hiring page by owner; pay and the reasons say they do not split by owner; links keep the filter', async () => {
    // Sam's only job is job-3: 20 applications of the 50 + 20 + 20 + 5 + 2 = 97
    const { page, errors } = await open('funnel/?recruiter=Sam+Sourcer');
    expect((await tableOf(page, 'funnel'))[0]!.slice(0, 2)).toEqual(['applied', '20']);
    expect(await page.locator('select[data-filter="recruiter"]').inputValue()).toBe('Sam Sourcer');
    expect(await page.locator('[data-owner-notice]').count()).toBe(0);
    // reasons do not split by owner: the chart says so and shows no company-wide reason as Sam's
    expect(await tableOf(page, 'drop-off-reasons')).toEqual([]);
    expect(await page.locator('figure[data-chart="drop-off-reasons"] svg').textContent()).toContain('not split by recruiter or hiring manager');
    expect(await page.locator('a[data-nav][href*="owners"]').getAttribute('href')).toContain('recruiter=Sam+Sourcer');
    // time to fill of job-3: 14 fills, median 104 days (test/owners/owners.test.ts works them out)
    const ttf = (await open('time-to-fill/?recruiter=Sam+Sourcer')).page;
    const histogram = await tableOf(ttf, 'ttf-distribution');
    expect(histogram.reduce((n, r) => n + Number(r[1]), 0)).toBe(14);
    // offers of job-3: 14 accepted, 6 declined
    const offers = (await open('offers/?recruiter=Sam+Sourcer')).page;
    const byDepartment = await tableOf(offers, 'oar-by-department');
    expect(byDepartment.map((r) => r.slice(0, 4))).toEqual([['Marketing', '20', '14', '6']]);
    // pay has no owner: no owner dropdown, a notice, every pay figure as without the filter
    const pay = (await open('pay-bands/?recruiter=Sam+Sourcer')).page;
    expect(await pay.locator('select[data-filter="recruiter"]').count()).toBe(0);
    expect(await pay.locator('[data-owner-notice]').textContent()).toContain('pay has no owner');
    expect(errors).toEqual([]);
  });

  it('the Owners page lists recruiters with their figures, "too few" under 5 events', async () => {
    const { page, errors } = await open('owners/');
    const rows = await tableOf(page, 'owners-recruiters');
    expect(rows.map((r) => r[0])).toEqual(['Rita Recruiter', 'Sam Sourcer', 'Tess Tiny', 'Unassigned']);
    // Sam: open 2, hires 14, filled 14, median 104 days, 20 offers, rate 0.7
    expect(rows[1]!.slice(0, 7)).toEqual(['Sam Sourcer', '2', '14', '14', '104.0', '20', '0.7000']);
    // Tess: 2 offers -> too few; every pass-through on 2 applications -> too few
    expect(rows[2]!.slice(6)).toEqual(['too few', '—', '—', 'too few', 'too few', 'too few', 'too few', 'too few', '0']);
    // and the chart draws no rate for her: "too few offers" beside her name
    expect(await page.locator('figure[data-chart="owners-recruiters"] svg').textContent()).toContain('too few offers');
    expect(errors).toEqual([]);
  });

  it('shows the reasons on the Funnel and Offers pages', async () => {
    const { page } = await open('funnel/');
    expect(await page.locator('figure[data-chart="drop-off-reasons"] [data-chart-body] svg').count()).toBe(1);
    const offers = (await open('offers/')).page;
    // declined offers: 7 + 4 + 6 + 2 + 1 = 20, all "Accepted another offer"; per cube row (quarter x job) at
    // least 3 candidates keep the text, so the period total names it.
    const rows = await tableOf(offers, 'decline-reasons');
    expect(rows[0]!.slice(0, 4)).toEqual(['period', 'offer', 'declined', 'Accepted another offer']);
  });
});

describe('owners hidden (privacy.owners "hide")', () => {
  it('publishes no owner name anywhere in dist/, and the Owners page says owners are hidden', async () => {
    const config = configSchema.parse({ privacy: { owners: 'hide' } });
    const hidden = await buildSite({ inbox: ownedCompany(), asOf: fixtureAsOf, config, prefix: 'hs-owners-hidden-' });
    try {
      const files = (dir: string): string[] =>
        readdirSync(dir).flatMap((name) => (statSync(path.join(dir, name)).isDirectory() ? files(path.join(dir, name)) : [path.join(dir, name)]));
      const published = files(hidden.dist);
      for (const name of ['Rita Recruiter', 'Sam Sourcer', 'Tess Tiny', 'Hank Manager', 'Mona Manager']) {
        const found = published.filter((f) => readFileSync(f).includes(name));
        expect(found, name).toEqual([]);
      }
      const page = readFileSync(path.join(hidden.dist, 'owners', 'index.html'), 'utf8');
      expect(page).toContain('data-owners-hidden');
      expect(page).toContain('Owners are hidden');
    } finally {
      await hidden.close();
    }
  }, 240_000);
});
