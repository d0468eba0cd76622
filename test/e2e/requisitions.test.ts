/**
 * The Requisitions page in a real browser (Debian Chromium), built by the production refresh from the
 * hand-made company (test/helpers/company.ts): its 8 open openings (2 per department, opened 2026-02-01 and
 * 2026-03-01) are 149 and 121 days old on 2026-06-30, past the 90-day opening-age rule, so the Overview
 * lists 8 alerts. One click on an alert lands on the opening's highlighted row, with JavaScript and without;
 * the filters of the URL are kept in the link, and the linked row stays shown under a filter that excludes it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requisitionsFromColumns, requisitionsReportSchema, requisitionsSnapshotSchema } from '../../pipelines/contract/requisitions.ts';
import { cubeFromIpc } from '../../src/lib/cube.ts';
import { configSchema } from '../../pipelines/lib/config.ts';
import { launchBrowser, type Browser } from '../helpers/browser.ts';
import { fixtureAsOf, fixtureCompany } from '../helpers/company.ts';
import { serveBuiltSite, type ServedSite } from '../helpers/site.ts';

/**
 * The company's files with job owners: job-1 (Engineering) has both, job-2 (Sales) a recruiter written like a
 * spreadsheet formula (the CSV download must defuse it), job-3 (Marketing) a recruiter only.
 */
function withOwners(): Record<string, string> {
  const { files } = fixtureCompany();
  const owners: Record<string, string> = { 'job-1': 'Rita Recruiter,Hank Manager', 'job-2': '=SUM(1+1),', 'job-3': 'Rosa Recruiter,' };
  const jobs = files['jobs.csv']!.trimEnd().split('\n').map((line, i) => (i === 0 ? `${line},recruiter,hiring_manager` : `${line},${owners[line.split(',')[0]!] ?? ','}`));
  return { ...files, 'jobs.csv': `${jobs.join('\n')}\n` };
}

let site: ServedSite;
let base: string;
let browser: Browser;

beforeAll(async () => {
  site = await serveBuiltSite({ inbox: withOwners(), asOf: fixtureAsOf });
  ({ base, browser } = site);
}, 180_000);

afterAll(() => site?.close());

/** The row the URL's fragment targets, its highlight colour and whether it is shown. */
async function targetRow(page: Page) {
  return page.evaluate(() => {
    const row = document.querySelector<HTMLTableRowElement>('tr:target');
    return row && {
      id: row.id,
      hidden: row.hidden,
      background: getComputedStyle(row.cells[0]!).backgroundColor,
      job: [...row.cells].slice(1, 7).map((cell) => cell.textContent),
    };
  });
}

describe('the snapshot', () => {
  it('lists the 8 open openings, oldest first, checked against its schema', () => {
    // requisitions.json and the rows of requisitions.arrow, read back as the build reads them
    const meta = requisitionsSnapshotSchema.parse(JSON.parse(readFileSync(path.join(site.dist, 'data', 'requisitions.json'), 'utf8')));
    const cube = cubeFromIpc(new Uint8Array(readFileSync(path.join(site.dist, 'data', 'requisitions.arrow'))));
    expect(meta.rows).toBe(8);
    const report = requisitionsReportSchema.parse({ ...meta, requisitions: requisitionsFromColumns(cube.columns, cube.length) });
    // opened 2026-02-01: 29 (Feb) + 31 + 30 + 31 + 30 - 1 ... = date_diff 2026-02-01 -> 2026-06-30 = 149; 2026-03-01 -> 121
    expect(report.requisitions.map((r) => [r.openingId, r.daysOpen])).toEqual([
      ['opn-open-0-0', 149], ['opn-open-1-0', 149], ['opn-open-2-0', 149], ['opn-open-3-0', 149],
      ['opn-open-0-1', 121], ['opn-open-1-1', 121], ['opn-open-2-1', 121], ['opn-open-3-1', 121],
    ]);
    // US 40-55: 149 days is above the range
    expect(report.requisitions[0]).toMatchObject({ title: 'Engineering Lead', region: 'US', benchmarkDays: [40, 55], benchmarkStatus: 'above' });
  });
});

describe('from an alert to the job, in one click', () => {
  it('with JavaScript: the Overview alert links to the highlighted row, keeping the filters', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${base}?department=Sales`);
    await page.waitForSelector('body[data-drawn="department=Sales"]');
    const link = page.locator('a[data-alert-link="opn-open-0-0"]');
    expect(await link.textContent()).toBe('Opening opn-open-0-0 — Engineering Lead (Engineering, US; recruiter Rita Recruiter, hiring manager Hank Manager) has been open 149 days');
    // the island keeps the URL's filters in the link (as in the navigation)
    const href = new URL((await link.getAttribute('href'))!, base);
    expect(href.pathname + href.search + href.hash).toBe('/requisitions/?department=Sales#opening-opn-open-0-0');
    await link.click();
    await page.waitForURL(/requisitions\/\?department=Sales#opening-opn-open-0-0$/);
    await page.waitForSelector('body[data-drawn="department=Sales"]');
    // the Engineering opening stays shown under the Sales filter (it is the one linked to), highlighted
    expect(await targetRow(page)).toEqual({ id: 'opening-opn-open-0-0', hidden: false, background: 'rgb(255, 244, 214)',
      job: ['Engineering Lead', 'Engineering', 'US', 'senior', 'Rita Recruiter', 'Hank Manager'],
    });
    // the other rows follow the filter: Sales' two openings, plus the linked one
    const shown = await page.locator('tr[data-requisition]:not([hidden])').evaluateAll((rows) => rows.map((r) => r.id));
    expect(shown).toEqual(['opening-opn-open-0-0', 'opening-opn-open-1-0', 'opening-opn-open-1-1']);
    expect(await page.locator('[data-requisitions-count]').textContent()).toBe('3');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('without JavaScript: the same link lands on the same highlighted row', async () => {
    const noScript = await launchBrowser({ javaScript: false });
    try {
      const page = await noScript.context.newPage();
      await page.goto(base);
      const link = page.locator('a[data-alert-link="opn-open-2-1"]');
      expect(await link.textContent()).toBe('Opening opn-open-2-1 — Marketing Lead (Marketing, LatAm; recruiter Rosa Recruiter) has been open 121 days');
      expect(await link.getAttribute('href')).toBe('/requisitions/#opening-opn-open-2-1');
      await link.click();
      await page.waitForURL(/requisitions\/#opening-opn-open-2-1$/);
      expect(await targetRow(page)).toEqual({ id: 'opening-opn-open-2-1', hidden: false, background: 'rgb(255, 244, 214)',
        job: ['Marketing Lead', 'Marketing', 'LatAm', 'senior', 'Rosa Recruiter', '—'],
      });
      // every row is in the HTML
      expect(await page.locator('tr[data-requisition]').count()).toBe(8);
      await page.close();
    } finally {
      await noScript.close();
    }
  });
});

describe('the table', () => {
  it('sorts by a column and downloads the filtered rows as formula-safe CSV', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${base}requisitions/?region=EU`);
    await page.waitForSelector('body[data-drawn="region=EU"]');
    // Sales' job is in DE (EU): its two openings
    expect(await page.locator('tr[data-requisition]:not([hidden])').count()).toBe(2);
    await page.locator('th[data-sort] button', { hasText: 'Days open' }).click(); // ascending
    const ids = await page.locator('tr[data-requisition]:not([hidden])').evaluateAll((rows) => rows.map((r) => r.id));
    expect(ids).toEqual(['opening-opn-open-1-1', 'opening-opn-open-1-0']);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a[data-requisitions-csv]').click()]);
    const lines = readFileSync((await download.path())!, 'utf8').trim().split('\n');
    expect(lines[0]).toMatch(/^opening_id,job_id,title,department,region,level,recruiter,hiring_manager,opened_at,days_open,/);
    // the shown rows, in the order shown (days open ascending)
    expect(lines.map((l) => l.split(',')[0])).toEqual(['opening_id', 'opn-open-1-1', 'opn-open-1-0']);
    // the recruiter written as a formula is text in a spreadsheet (an apostrophe before it)
    expect(lines[1]!.split(',').slice(6, 8)).toEqual(["'=SUM(1+1)", '']);
    expect(lines[1]!.split(',').slice(8, 10)).toEqual(['2026-03-01', '121']);
    await page.close();
  });
});

describe('privacy.owners "hide"', () => {
  it('leaves every owner name out of the snapshot, the pages and the alerts', async () => {
    const hidden = await serveBuiltSite({ inbox: withOwners(), asOf: fixtureAsOf, config: configSchema.parse({ privacy: { owners: 'hide' } }) });
    try {
      const all = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? all(path.join(dir, e.name)) : [path.join(dir, e.name)]));
      const content = all(hidden.dist).map((f) => readFileSync(f, 'latin1')).join('\n');
      expect(['Rita Recruiter', 'Hank Manager', 'Rosa Recruiter', '=SUM(1+1)'].filter((name) => content.includes(name))).toEqual([]);
      const page = await hidden.browser.context.newPage();
      await page.goto(`${hidden.base}requisitions/`);
      expect(await page.locator('[data-owners-hidden]').count()).toBe(1);
      expect(await page.locator('table[data-requisitions] th', { hasText: 'Recruiter' }).count()).toBe(0);
      await page.goto(hidden.base);
      expect(await page.locator('a[data-alert-link="opn-open-0-0"]').textContent()).toBe('Opening opn-open-0-0 — Engineering Lead (Engineering, US) has been open 149 days');
      await page.close();
    } finally {
      await hidden.close();
    }
  }, 180_000);
});
