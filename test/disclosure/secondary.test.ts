/**
 * Secondary suppression and the published figures of small cells (issue 15), on hand-made rosters: every
 * view the site publishes (pay.json: the company and each department) and `metrics --publish`.
 */
import { describe, expect, it } from 'vitest';
import { harrellDavis } from '../../pipelines/disclosure/rules.ts';
import { prepareMetrics } from '../../pipelines/metrics/index.ts';
import { publishedPayViews } from '../../pipelines/metrics/payBands.ts';
import { csv, withLoadedWarehouse } from '../helpers/warehouse.ts';
import { runCli } from '../helpers/tmp.ts';

const asOf = '2026-06-30';
const rows: string[] = [];
// US senior engineering: department A has 5 people, B one; the company cell has 6.
[100000, 110000, 120000, 130000, 140000].forEach((pay, i) => rows.push(`a${i},Senior,US,${pay},USD,engineering,A`));
rows.push('b0,Senior,US,125000,USD,engineering,B');
// EU senior: 18 engineers and 2 scientists; D has 15 engineers, E 3 engineers and the 2 scientists.
for (let i = 0; i < 18; i++) rows.push(`e${i},Senior,DE,${80000 + i * 2000},USD,engineering,${i < 15 ? 'D' : 'E'}`);
rows.push('s0,Senior,FR,90000,USD,science,E', 's1,Senior,FR,95000,USD,science,E');
const files = { 'compensation.csv': csv('employee_id,level,country,base_salary,currency,role_family,department', rows) };

type Views = Awaited<ReturnType<typeof publishedPayViews>>;
const cell = (views: Views, scope: string | null, roleFamily: string, region: string) =>
  views.get(scope)!.payBands.find((b) => b.roleFamily === roleFamily && b.level === 'senior' && b.region === region);

describe('secondary suppression', () => {
  it('company n = 6, department A n = 5, department B n = 1: A is suppressed too', async () => {
    await withLoadedWarehouse(files, async (warehouse, config) => {
      const views = await publishedPayViews(await prepareMetrics(warehouse, config, { asOf }));
      expect([...views.keys()]).toEqual([null, 'A', 'B', 'D', 'E']);
      // Harrell-Davis median of 100k, 110k, 120k, 125k, 130k, 140k (n = 6: a = b = 3.5), weights
      // 0.024934, 0.165423, 0.309643, 0.309643, 0.165423, 0.024934:
      // 2493.4 + 18196.5 + 37157.2 + 38705.4 + 21505.0 + 3490.8 = 121548.3 -> $1,000 grid: 122,000
      // (the sample median, 122,500, is the average of two salaries; the old site published it to $100)
      const company = { suppressed: false, n: 6, p10: null, p50: 122000, p90: null, roundedTo: 1000, estimator: 'harrell-davis' };
      expect(cell(views, null, 'all', 'US')).toMatchObject(company);
      // engineering is the whole 'all' cell: a difference of 0 people, published with the same figures
      expect(cell(views, null, 'engineering', 'US')).toMatchObject(company);
      // B: 1 person (primary); A: 5 people but 6 - 5 = 1 from the company cell: 2 x P50(company) - P50(A)
      // would give B's salary back, so A is suppressed too — in both its cells
      for (const scope of ['A', 'B']) {
        for (const family of ['all', 'engineering']) {
          expect(cell(views, scope, family, 'US')).toMatchObject({ suppressed: true, n: null, p25: null, p50: null, p75: null, compaRatio: null });
        }
      }
    });
  }, 60_000);

  it('is decided top-down: a cell is compared only with ancestors that stay published', async () => {
    await withLoadedWarehouse(files, async (warehouse, config) => {
      const views = await publishedPayViews(await prepareMetrics(warehouse, config, { asOf }));
      const shown = (scope: string | null, family: string) => {
        const band = cell(views, scope, family, 'EU');
        return band && (band.suppressed ? 'suppressed' : band.n);
      };
      // company: all 20 published; engineering 18 is 2 from all -> suppressed; science 2 < 5 -> suppressed
      expect([shown(null, 'all'), shown(null, 'engineering'), shown(null, 'science')]).toEqual([20, 'suppressed', 'suppressed']);
      // D: all 15 (5 from the company's 20: fine); engineering 15 equals D's all and is 5 from the company's
      // all; it is 3 from the company's engineering cell, but that one is not published: D engineering stays
      expect([shown('D', 'all'), shown('D', 'engineering')]).toEqual([15, 15]);
      // E: all 5 (15 from 20) published; engineering 3 and science 2 are under minCell
      expect([shown('E', 'all'), shown('E', 'engineering'), shown('E', 'science')]).toEqual([5, 'suppressed', 'suppressed']);
      // 20 people: sample quantiles (quantile_cont, position 19 q) on the $100 grid. Sorted (thousands):
      // 80 82 84 86 88 90 90 92 94 95 96 98 100 102 104 106 108 110 112 114
      // P10 1.9 -> 82 + 0.9 * 2 = 83.8; P25 4.75 -> 88 + 0.75 * 2 = 89.5; P50 9.5 -> 95.5;
      // P75 14.25 -> 104 + 0.25 * 2 = 104.5; P90 17.1 -> 110 + 0.1 * 2 = 110.2
      expect(cell(views, null, 'all', 'EU')).toMatchObject({
        estimator: 'sample', roundedTo: 100, p10: 83800, p25: 89500, p50: 95500, p75: 104500, p90: 110200,
      });
    });
  }, 60_000);

  it('metrics --json --publish with a department filter shows that department as the site does', () => {
    return withLoadedWarehouse(files, async (warehouse) => {
      warehouse.close(); // the CLI opens the file itself
      const run = runCli(['metrics', '--db', warehouse.path, '--as-of', asOf, '--department', 'a', '--json', '--publish']);
      expect(run.status).toBe(0);
      const bands = JSON.parse(run.stdout).payBands as { roleFamily: string; region: string; suppressed: boolean }[];
      expect(bands.filter((b) => b.region === 'US').map((b) => [b.roleFamily, b.suppressed])).toEqual([['all', true], ['engineering', true]]);
      // without --publish: the operator's exact figures, primary suppression only (5 people: shown, whole dollars)
      const exact = JSON.parse(runCli(['metrics', '--db', warehouse.path, '--as-of', asOf, '--department', 'a', '--json']).stdout).payBands;
      expect(exact.find((b: { roleFamily: string; region: string }) => b.roleFamily === 'all' && b.region === 'US')).toMatchObject({ n: 5, p50: 120000 });
    });
  }, 60_000);
});

describe('offers against bands, published', () => {
  // 12 senior US engineers, 100k..210k, all in Platform; offers: 6 for Platform jobs, 1 for a Data job.
  const comp = Array.from({ length: 12 }, (_, i) => `p${i},Senior,US,${100000 + i * 10000},USD,engineering,Platform`);
  const amounts = [105000, 108000, 150000, 157000, 199000, 205000, 160000];
  const offerFiles = {
    'compensation.csv': csv('employee_id,level,country,base_salary,currency,role_family,department', comp),
    'jobs.csv': csv('job_id,department,role_family,level,country', ['j1,Platform,Engineering,Senior,US', 'j2,Data,Engineering,Senior,US']),
    'applications.csv': csv('application_id,job_id,applied_at', amounts.map((_, i) => `a${i},${i < 6 ? 'j1' : 'j2'},2026-04-01`)),
    'offers.csv': csv(
      'offer_id,application_id,status,version,created_at,sent_at,resolved_at,start_date,base_salary,currency',
      amounts.map((amount, i) => `o${i},a${i},${i < 2 ? 'declined' : 'accepted'},1,2026-05-01,2026-05-01,2026-05-05,,${amount},USD`),
    ),
  };

  it('place offers against the published P10-P90, a Harrell-Davis median penetration to 2 decimals, nested groups suppressed', async () => {
    await withLoadedWarehouse(offerFiles, async (warehouse, config) => {
      const views = await publishedPayViews(await prepareMetrics(warehouse, config, { asOf }));
      const band = views.get(null)!.payBands.find((b) => b.roleFamily === 'engineering')!;
      // 12 people: Harrell-Davis P10 / P90 (weighted averages of all 12 salaries: 107,386.30 and
      // 202,613.70, symmetric around the mean 155,000) on the $1,000 grid
      expect(band).toMatchObject({ n: 12, p10: 107000, p90: 203000, estimator: 'harrell-davis' });
      // penetration of each offer against the published 107,000-203,000: (offer - 107000) / 96000
      const penetrations = amounts.map((a) => (a - 107000) / 96000);
      const sorted = [...penetrations].sort((a, b) => a - b);
      const company = views.get(null)!.offersVsBands;
      // 7 offers: below 105k; within 108k, 150k, 157k, 160k, 199k; above 205k
      expect(company.cells).toEqual([
        {
          roleFamily: 'engineering', level: 'senior', region: 'US', offers: 7, suppressed: false, below: 1, within: 5, above: 1,
          medianPenetration: Math.round(harrellDavis(sorted, 0.5) * 100) / 100,
        },
      ]);
      // sorted penetrations -0.0208, 0.0104, 0.4479, 0.5208, 0.5521, 0.9583, 1.0208 with the n = 7 weights
      // 0.01015, 0.09812, 0.23863, 0.30620, 0.23863, 0.09812, 0.01015: 0.50331 -> 0.50, not the middle
      // offer's 50000 / 96000 = 0.5208 (which would give back 157,000)
      expect(company.cells[0]!.medianPenetration).toBe(0.5);
      expect(company.overall).toMatchObject({ offers: 7, unbanded: 0, suppressed: false });
      // Platform: 6 banded offers, 1 from the company's 7: its overall row and its cell are suppressed
      const platform = views.get('Platform')!.offersVsBands;
      expect(platform.overall).toMatchObject({ offers: 6, suppressed: true, below: null, within: null, above: null, medianPenetration: null });
      expect(platform.cells).toMatchObject([{ offers: 6, suppressed: true, below: null, medianPenetration: null }]);
    });
  }, 60_000);

  it('compare all offers too: a cell 1 offer short of its overall row (an unbanded offer) is suppressed', async () => {
    // one more offer, for a staff job: no staff band, so it is unbanded; overall 8 offers (7 banded), the cell 7
    const withUnbanded = {
      ...offerFiles,
      'jobs.csv': offerFiles['jobs.csv'] + 'j3,Platform,Engineering,Staff,US\n',
      'applications.csv': offerFiles['applications.csv'] + 'a7,j3,2026-04-01\n',
      'offers.csv': offerFiles['offers.csv'] + 'o7,a7,accepted,1,2026-05-01,2026-05-01,2026-05-05,,250000,USD\n',
    };
    await withLoadedWarehouse(withUnbanded, async (warehouse, config) => {
      const company = (await publishedPayViews(await prepareMetrics(warehouse, config, { asOf }))).get(null)!.offersVsBands;
      expect(company.overall).toMatchObject({ offers: 8, unbanded: 1, suppressed: false, below: 1, within: 5, above: 1, medianPenetration: 0.5 });
      expect(company.cells).toMatchObject([{ offers: 7, suppressed: true, below: null, medianPenetration: null }]);
    });
  }, 60_000);
});
