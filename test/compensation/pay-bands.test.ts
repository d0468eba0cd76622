/** DESIGN §4 pay bands, confidentiality, market comparison and offers against bands, worked by hand. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { csv, metricsOf, withLoadedWarehouse } from '../helpers/warehouse.ts';
import { repoRoot, runCli, tempDir, writeFiles } from '../helpers/tmp.ts';

const comp = ['employee_id,level,country,base_salary,currency,role_family,department,effective_date'];
// Senior US engineering: 12 people at 100k..210k (step 10k); 8 in Platform, 4 in Data.
for (let i = 0; i < 12; i++) comp.push(`us${i},Senior,US,${100000 + i * 10000},USD,Engineering,${i < 8 ? 'Platform' : 'Data'},2026-01-01`);
// us0 earned less before (older row) and gets a raise after asOf (future row): neither counts.
comp.push('us0,Mid-Level,US,90000,USD,Engineering,Platform,2025-01-01', 'us0,Senior,US,300000,USD,Engineering,Platform,2026-08-01');
// Senior EU engineering: 6 people paid 80k..130k EUR at 1.10 USD/EUR -> 88k, 99k, 110k, 121k, 132k, 143k USD.
for (let i = 0; i < 6; i++) comp.push(`eu${i},Sr.,Germany,${80000 + i * 10000},EUR,engineering,Platform,2026-02-01`);
// Mid LatAm engineering: 5 people at 40k..48k USD.
for (let i = 0; i < 5; i++) comp.push(`la${i},L4,BR,${40000 + i * 2000},USD,engineering,Platform,`);
// Mid APAC: 2 people -> always suppressed.
comp.push('ap0,Mid,IN,30000,USD,engineering,Platform,2026-01-01', 'ap1,Mid,SG,40000,USD,engineering,Platform,2026-01-01');

const files = {
  'compensation.csv': comp.join('\n') + '\n',
  // EUR 1.10 until asOf; the July rate is after asOf 2026-06-30 and must not be used.
  'fx_rates.csv': csv('currency,usd_per_unit,as_of', ['EUR,1.05,2025-12-01', 'EUR,1.10,2026-01-01', 'EUR,1.50,2026-07-01']),
  // A user benchmark for senior US engineering takes precedence over the seed's 150k-180k.
  'benchmarks.csv': csv('source,level,region,currency,role_family,low,high,p50', ['Acme survey 2026,senior,US,USD,engineering,140000,180000,160000']),
};
const asOf = '2026-06-30';

describe('pay bands', () => {
  it('publishes percentiles of the latest row per employee in USD, with small cells suppressed', async () => {
    const m = await metricsOf(files, { asOf });
    const cell = (roleFamily: string, level: string, region: string) =>
      m.payBands.find((b) => b.roleFamily === roleFamily && b.level === level && b.region === region);
    // US senior: 100k..210k, n = 12; quantile_cont positions 11 * q:
    // p10 1.1 -> 111000; p25 2.75 -> 127500; p50 5.5 -> 155000; p75 8.25 -> 182500; p90 9.9 -> 199000
    expect(cell('engineering', 'senior', 'US')).toEqual({
      roleFamily: 'engineering', level: 'senior', region: 'US', suppressed: false, n: 12, currency: 'USD',
      p10: 111000, p25: 127500, p50: 155000, p75: 182500, p90: 199000,
      market: { source: 'Acme survey 2026', low: 140000, high: 180000, midpoint: 160000 },
      compaRatio: 155000 / 160000, // 0.96875
      belowMarket: false,
    });
    // 'all' families: the same 12 people
    expect(cell('all', 'senior', 'US')).toMatchObject({ n: 12, p50: 155000, market: { source: 'Acme survey 2026' } });
    // EU senior, n = 6 (< 10: no P10/P90): USD 88k..143k, positions 5 * q:
    // p25 1.25 -> 99000 + 0.25 * 11000 = 101750; p50 2.5 -> 115500; p75 3.75 -> 129250.
    // Market: the seed's EU senior 95k-130k, midpoint 112500 -> compa 115500 / 112500 = 1.02667
    expect(cell('engineering', 'senior', 'EU')).toMatchObject({
      suppressed: false, n: 6, p10: null, p25: 101750, p50: 115500, p75: 129250, p90: null,
      market: { low: 95000, high: 130000, midpoint: 112500 },
      belowMarket: false,
    });
    expect(cell('engineering', 'senior', 'EU')!.compaRatio).toBeCloseTo(115500 / 112500, 12);
    // LatAm mid (L4), n = 5 = minCell: p50 44000 < seed low 50000 -> below market; midpoint 62500 -> 0.704
    expect(cell('engineering', 'mid', 'LatAm')).toMatchObject({ n: 5, p50: 44000, belowMarket: true, compaRatio: 0.704 });
    // APAC mid, n = 2 < 5: suppressed, no n, no percentile, market still shown
    expect(cell('engineering', 'mid', 'APAC')).toMatchObject({
      suppressed: true, n: null, p10: null, p25: null, p50: null, p75: null, p90: null, compaRatio: null, belowMarket: null,
    });
  });

  it('re-applies suppression after a filter', async () => {
    const m = await metricsOf(files, { asOf, filters: { department: 'Data' } });
    // only the 4 Data engineers of US senior remain: 4 < 5 -> suppressed
    expect(m.payBands.find((b) => b.roleFamily === 'engineering' && b.level === 'senior' && b.region === 'US')).toMatchObject({
      suppressed: true,
      n: null,
      p50: null,
    });
    expect(m.payBands.filter((b) => !b.suppressed)).toEqual([]);
  });

  it('honours a larger minCell and never publishes a minimum or maximum', async () => {
    const m = await metricsOf(files, { asOf }, { pay: { minCell: 7, exactFrom: 20 } });
    expect(m.payBands.find((b) => b.roleFamily === 'engineering' && b.region === 'EU')).toMatchObject({ suppressed: true, n: null });
    for (const band of m.payBands) expect(Object.keys(band).some((k) => /min|max/i.test(k))).toBe(false);
  });

  it('falls back to the shipped ECB-derived rate when the user has none', async () => {
    const shipped = readFileSync(path.join(repoRoot, 'data', 'reference', 'fx_rates.csv'), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('GBP,') && line.split(',')[2]! <= asOf)
      .sort((a, b) => a.split(',')[2]!.localeCompare(b.split(',')[2]!))
      .at(-1)!;
    const gbp = Number(shipped.split(',')[1]); // the 2025 annual mean (as_of 2025-05-09)
    const rows = ['employee_id,level,country,base_salary,currency,role_family'];
    for (let i = 0; i < 5; i++) rows.push(`gb${i},Senior,GB,${100000 + i * 1000},GBP,engineering`);
    const m = await metricsOf({ 'compensation.csv': rows.join('\n') + '\n' }, { asOf });
    // p50 = 102000 GBP * rate, rounded to whole dollars
    expect(m.payBands.find((b) => b.roleFamily === 'engineering')!.p50).toBe(Math.round(102000 * gbp));
    expect(m.dataQuality.payRowsWithoutRate).toBe(0);
  });

  it('quarantines a salary in an unknown currency at ingest instead of guessing a rate', async () => {
    const tmp = tempDir();
    try {
      writeFiles(tmp.dir, { 'comp.csv': 'employee_id,level,country,base_salary,currency\ne1,Senior,US,100000,XYZ\ne2,Senior,US,100000,usd\n' });
      const db = path.join(tmp.dir, 'w.duckdb');
      const run = runCli(['ingest', path.join(tmp.dir, 'comp.csv'), '--db', db, '--json']);
      expect(JSON.parse(run.stdout).files[0]).toMatchObject({ rowsRead: 2, rowsLoaded: 1, rowsRejected: 1 });
      const rejects = JSON.parse(runCli(['rejects', '--db', db, '--json']).stdout).rejects;
      expect(rejects).toMatchObject([{ line: 2, column: 'currency', value: 'XYZ', reason: 'unknown_currency' }]);
    } finally {
      tmp.cleanup();
    }
  });
});

describe('offers against bands', () => {
  const offerFiles = {
    ...files,
    'jobs.csv': csv('job_id,role_family,level,country', ['j1,Engineering,Senior,US']),
    'applications.csv': csv('application_id,job_id,applied_at', ['a1,j1,2026-04-01', 'a2,j1,2026-04-01', 'a3,j1,2026-04-01', 'a4,j1,2026-04-01', 'a5,j1,2026-04-01', 'a6,j1,2026-04-01']),
    'offers.csv': csv('offer_id,application_id,status,version,created_at,sent_at,resolved_at,start_date,base_salary,currency', [
      'o1,a1,declined,1,2026-05-01,2026-05-01,2026-05-05,,105000,USD', // below P10 111000
      'o2,a2,declined,1,2026-05-01,2026-05-01,2026-05-05,,108000,USD', // below
      'o3,a3,accepted,1,2026-05-01,2026-05-01,2026-05-05,,150000,USD', // within
      'o4,a4,accepted,1,2026-05-01,2026-05-01,2026-05-05,,155000,USD', // within
      'o5,a5,accepted,1,2026-05-01,2026-05-01,2026-05-05,,199000,USD', // = P90: within
      'o6,a6,accepted,1,2026-05-01,2026-05-01,2026-05-05,,205000,USD', // above P90 199000
    ]),
  };

  it('places each offer in its cell and reports only aggregates', async () => {
    const m = await metricsOf(offerFiles, { asOf }, { pay: { minCell: 3, exactFrom: 20 } });
    // penetration = (offer - 111000) / 88000: -0.0682, -0.0341, 0.4432, 0.5, 1, 1.0682; median (0.4432 + 0.5) / 2
    const median = (39000 / 88000 + 0.5) / 2;
    expect(m.offersVsBands.cells).toEqual([
      { roleFamily: 'engineering', level: 'senior', region: 'US', offers: 6, suppressed: false, below: 2, within: 3, above: 1, medianPenetration: expect.closeTo(median, 12) },
    ]);
    expect(m.offersVsBands.overall).toMatchObject({ offers: 6, unbanded: 0, below: 2, within: 3, above: 1 });
    // acceptance: below 2 offers < minCell 3 -> suppressed; within 3 accepted of 3; above 1 -> suppressed
    expect(m.offersVsBands.overall.acceptance).toEqual({ below: null, within: { accepted: 3, declined: 0, rate: 1 }, above: null });
  });

  it('suppresses a cell with fewer offers than minCell', async () => {
    // default minCell 5: 6 offers in the cell stay visible, but each position group (2, 3, 1) is too small
    const m = await metricsOf(offerFiles, { asOf });
    expect(m.offersVsBands.cells[0]).toMatchObject({ offers: 6, suppressed: false, below: 2, within: 3, above: 1 });
    expect(m.offersVsBands.overall.acceptance).toEqual({ below: null, within: null, above: null });
    // no offer sent from May 2 on: nothing to place
    const few = await metricsOf(offerFiles, { asOf, filters: { from: '2026-05-02' } });
    expect(few.offersVsBands.overall).toMatchObject({ offers: 0, suppressed: true, below: null });
  });
});

describe('hirescope export pay-bands', () => {
  it('writes the published cells as CSV, safe against formula injection', async () => {
    await withLoadedWarehouse(
      { ...files, 'benchmarks.csv': csv('source,level,region,currency,role_family,low,high', ['=HYPERLINK("x"),senior,US,USD,engineering,140000,180000']) },
      async (warehouse) => {
        const tmp = tempDir();
        try {
          warehouse.close(); // the CLI opens the file itself
          const out = path.join(tmp.dir, 'bands.csv');
          const run = runCli(['export', 'pay-bands', '--db', warehouse.path, '--as-of', asOf, '--out', out]);
          expect(run.status).toBe(0);
          const text = readFileSync(out, 'utf8');
          const lines = text.trim().split('\n');
          expect(lines[0]).toBe('role_family,level,region,suppressed,n,currency,p10,p25,p50,p75,p90,market_source,market_low,market_high,market_midpoint,compa_ratio,below_market,rounded_to,estimator');
          // the market source that looks like a formula is neutralised with an apostrophe
          expect(text).toContain(`"'=HYPERLINK(""x"")"`);
          expect(text).not.toMatch(/(^|,)=/m);
          // a suppressed cell: no n, no percentile
          expect(lines.some((l) => l.startsWith('engineering,mid,APAC,true,,USD,,,,,,'))).toBe(true);
          // the site's published cells, not the exact ones. US senior, 100k..210k (n = 12 < 20): Harrell-Davis
          // P10..P90 107,386.30 / 124,993.87 / 155,000 / 185,006.13 / 202,613.70 on the $1,000 grid;
          // compa-ratio 155000 / 160000 = 0.96875 -> 0.97
          expect(lines).toContain(`engineering,senior,US,false,12,USD,107000,125000,155000,185000,203000,"'=HYPERLINK(""x"")",140000,180000,160000,0.97,false,1000,harrell-davis`);
          // EU senior, 88k..143k (n = 6): P25 99,083.88 -> 99,000; P50 115,500 -> 116,000 (half up); P75
          // 131,916.12 -> 132,000; seed market 95k-130k, midpoint 112,500: 116000 / 112500 = 1.0311 -> 1.03
          const eu = lines.find((l) => l.startsWith('engineering,senior,EU,'));
          expect(eu).toMatch(/^engineering,senior,EU,false,6,USD,,99000,116000,132000,,.*Seed article.*,95000,130000,112500,1\.03,false,1000,harrell-davis$/);
        } finally {
          tmp.cleanup();
        }
      },
    );
  });
});
