/**
 * Issue 19 "Done when": every figure of the pay-gap report on a hand-sized roster, worked out by hand.
 * Real CSV files (test/fixtures/paygap), ingested by the real CLI into a real DuckDB file.
 *
 * The roster at as-of 2026-06-30 (report currency EUR; fx_rates: EUR = 1.25 USD, so b04's USD 104,000 is
 * EUR 83,200; a01's 2026-07-15 row is after as-of, her 2026-01-01 row counts; x01 starts 2026-08-01: out).
 * Hours: 40 (standard) except a03 (fte 0.5 -> 20 h). hourly = annual / (hours x 52); hourly total =
 * (annual + variable) / (hours x 52).
 *
 *   id  sex  cat  annual  hours hourly variable total    id  sex  cat  annual  hours hourly variable total
 *   a01 F    A    41600   40    20     0        20       a07 M    A    56160   40    27     4160     29
 *   a02 F    A    45760   40    22     2080     23       a08 M    A    60320   40    29     2080     30
 *   a03 F    A    24960   20    24     1040     25       a09 M    A    62400   40    30     0        30
 *   a04 F    A    54080   40    26     2080     27       a10 M    A    64480   40    31     4160     33
 *   a05 F    A    58240   40    28     4160     30       a11 M    A    66560   40    32     2080     33
 *   a06 M    A    52000   40    25     2080     26       a12 other A  52000
 *   b01 F    B    72800   40    35     6240     38       b03 M    B    79040   40    38     2080     39
 *   b02 F    B    76960   40    37     0        37       b04 M    B    83200   40    40     0        40
 *   b05 undisclosed (empty gender) B
 * A = "Engineer II" (department Eng), B = default category "sales x senior" (department Sales).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse, type Warehouse } from '../../pipelines/lib/duckdb.ts';
import { payGapReport, payRequest } from '../../pipelines/paygap/index.ts';
import type { PayGapReport } from '../../pipelines/contract/payGap.ts';
import { repoRoot, runCli, tempDir } from '../helpers/tmp.ts';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'paygap');
const base = { asOf: '2026-06-30', currency: 'EUR', minCell: 5 };

describe('pay-gap report on a hand-sized roster', () => {
  const tmp = tempDir();
  const db = path.join(tmp.dir, 'w.duckdb');
  let warehouse: Warehouse;
  let report: PayGapReport;

  beforeAll(async () => {
    const run = runCli(['ingest', path.join(fixtures, 'fx_rates.csv'), path.join(fixtures, 'compensation.csv'), '--db', db, '--json']);
    expect(run.status, run.stderr).toBe(0);
    warehouse = await openWarehouse(db);
    report = await payGapReport(warehouse, base);
  });
  afterAll(() => {
    warehouse?.close();
    tmp.cleanup();
  });

  it('leaves no person-level table behind on the connection', async () => {
    const left = await warehouse.all(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'pg_%'`);
    expect(left).toEqual([]);
  });

  it('counts the workers at as-of by sex', () => {
    // women a01-a05, b01, b02 = 7; men a06-a11, b03, b04 = 8; other a12; undisclosed b05 (no gender given)
    expect(report.workers).toEqual({ women: 7, men: 8, other: 1, undisclosed: 1 });
  });

  it('(a), (c): mean and median gaps of hourly and annual basic pay', () => {
    // hourly women 20 22 24 26 28 35 37: sum 192, mean 192/7; men 25 27 29 30 31 32 38 40: sum 252, mean 31.5
    // mean gap (31.5 - 192/7) / 31.5 = (220.5 - 192) / 220.5 = 28.5 / 220.5 = 0.12925
    expect(report.hourly.meanGap).toBeCloseTo(28.5 / 220.5, 12);
    // medians: women (7) 26; men (8, even) (30 + 31) / 2 = 30.5; gap 4.5 / 30.5 = 0.14754
    expect(report.hourly.medianGap).toBeCloseTo(4.5 / 30.5, 12);
    // annual women sum 374400 (mean 53485.71), men sum 524160 (mean 65520):
    // (65520 - 374400/7) / 65520 = (458640 - 374400) / 458640 = 84240 / 458640 = 9/49 = 0.18367
    expect(report.annual.meanGap).toBeCloseTo(9 / 49, 12);
    // medians: women 24960 41600 45760 [54080] 58240 72800 76960; men (62400 + 64480) / 2 = 63440
    // gap (63440 - 54080) / 63440 = 9360 / 63440 = 0.14754
    expect(report.annual.medianGap).toBeCloseTo(9360 / 63440, 12);
  });

  it('(b), (d), (e): variable pay among receivers and the shares receiving it', () => {
    // receivers: women a02 2080, a03 1040, a04 2080, a05 4160, b01 6240 (5): mean 15600/5 = 3120, median 2080
    // men a06 2080, a07 4160, a08 2080, a10 4160, a11 2080, b03 2080 (6): mean 16640/6 = 2773.33, median 2080
    // mean gap (16640/6 - 3120) / (16640/6) = (16640 - 18720) / 16640 = -0.125 (women ahead); median gap 0
    expect(report.variable.meanGap).toBeCloseTo(-0.125, 12);
    expect(report.variable.medianGap).toBeCloseTo(0, 12);
    // shares: 5 of 7 women, 6 of 8 men
    expect(report.variable.shareWomen).toBeCloseTo(5 / 7, 12);
    expect(report.variable.shareMen).toBeCloseTo(6 / 8, 12);
  });

  it('(f): quartile bands by hourly total pay, ties broken by employee_id across a band boundary', () => {
    // N = 15 ranked: a01 20, a02 23, a03 25, a06 26 | a04 27, a07 29, a05 30, a08 30 | a09 30, a10 33, a11 33,
    // b02 37 | b01 38, b03 39, b04 40. band = floor(4r/15) + 1: r 0-3 -> 1, 4-7 -> 2, 8-11 -> 3, 12-14 -> 4.
    // The three 30s (a05, a08, a09) straddle bands 2 and 3: by employee_id a05 r6, a08 r7 (band 2), a09 r8 (band 3).
    expect(report.quartiles).toEqual([
      { band: 1, women: 3, men: 1, shareWomen: 0.75, shareMen: 0.25 },
      { band: 2, women: 2, men: 2, shareWomen: 0.5, shareMen: 0.5 },
      { band: 3, women: 1, men: 3, shareWomen: 0.25, shareMen: 0.75 },
      { band: 4, women: 1, men: 2, shareWomen: 1 / 3, shareMen: 2 / 3 },
    ]);
  });

  it('(g): categories, one suppressed (2 women, 2 men < 5), joint assessment and cost to close', () => {
    const [a, b] = report.categories;
    // A: women 20 22 24 26 28 (mean 24, median 24); men 25 27 29 30 31 32 (mean 29, median (29+30)/2 = 29.5)
    // basic mean gap 5/29 = 0.17241, median gap 5.5/29.5 = 0.18644. Variable receivers: 4 women (a02-a05)
    // < 5: no variable gap. Hourly total means: women (20+23+25+27+30)/5 = 25, men (26+29+30+30+33+33)/6 =
    // 181/6: gap (181 - 150)/181 = 0.171 >= 0.05 -> joint assessment.
    expect(a).toMatchObject({ category: 'Engineer II', women: 5, men: 6, suppressed: false, variableMeanGap: null, variableMedianGap: null, jointAssessment: true });
    expect(a!.basicMeanGap).toBeCloseTo(5 / 29, 12);
    expect(a!.basicMedianGap).toBeCloseTo(5.5 / 29.5, 12);
    // B (default category role_family x level): 2 women, 2 men -> counts and every value null
    expect(b).toEqual({
      category: 'sales x senior', women: null, men: null, suppressed: true, basicMeanGap: null, basicMedianGap: null,
      variableMeanGap: null, variableMedianGap: null, jointAssessment: false,
    });
    // cost to close: A's annual means women 224640/5 = 44928, men 361920/6 = 60320, gap 0.255 >= 5%:
    // (0.95 x 60320 - 44928) x 5 = (57304 - 44928) x 5 = 61880; B suppressed, left out.
    expect(report.costToClose).toBeCloseTo(61880, 6);
  });

  it('adjusted gap: with category as the one control, the OLS solution of the normal equations', () => {
    // Everyone is in DE and a11 has no hire date: controls = category only. Columns 1, female, B.
    // Normal equations X'X b = X'y with y = ln(hourly), solved here by Cramer's rule.
    expect(report.adjusted.controls).toEqual(['category']);
    const rows: Array<[number, number, number]> = [
      [20, 1, 0], [22, 1, 0], [24, 1, 0], [26, 1, 0], [28, 1, 0], [25, 0, 0], [27, 0, 0], [29, 0, 0], [30, 0, 0],
      [31, 0, 0], [32, 0, 0], [35, 1, 1], [37, 1, 1], [38, 0, 1], [40, 0, 1],
    ];
    const xs = rows.map(([, f, b]) => [1, f, b]);
    const ys = rows.map(([w]) => Math.log(w));
    const xtx = [0, 1, 2].map((i) => [0, 1, 2].map((j) => xs.reduce((s, x) => s + x[i]! * x[j]!, 0)));
    const xty = [0, 1, 2].map((i) => xs.reduce((s, x, k) => s + x[i]! * ys[k]!, 0));
    // X'X = [[15, 7, 4], [7, 7, 2], [4, 2, 4]]
    expect(xtx).toEqual([[15, 7, 4], [7, 7, 2], [4, 2, 4]]);
    const det = (m: number[][]) =>
      m[0]![0]! * (m[1]![1]! * m[2]![2]! - m[1]![2]! * m[2]![1]!) -
      m[0]![1]! * (m[1]![0]! * m[2]![2]! - m[1]![2]! * m[2]![0]!) +
      m[0]![2]! * (m[1]![0]! * m[2]![1]! - m[1]![1]! * m[2]![0]!);
    const d = det(xtx); // 15(28-4) - 7(28-8) + 4(14-28) = 360 - 140 - 56 = 164
    expect(d).toBe(164);
    const withColumn = (j: number) => xtx.map((row, i) => row.map((v, k) => (k === j ? xty[i]! : v)));
    const beta = [0, 1, 2].map((j) => det(withColumn(j)) / d);
    const residuals = ys.map((y, k) => y - (beta[0]! + beta[1]! * xs[k]![1]! + beta[2]! * xs[k]![2]!));
    const s2 = residuals.reduce((s, r) => s + r * r, 0) / (15 - 3);
    // [(X'X)^-1]_female,female = cofactor(1,1) / det = (15 x 4 - 4 x 4) / 164 = 44 / 164
    const se = Math.sqrt((s2 * 44) / 164);
    expect(report.adjusted.gap).toBeCloseTo(1 - Math.exp(beta[1]!), 10);
    expect(report.adjusted.low).toBeCloseTo(1 - Math.exp(beta[1]! + 1.96 * se), 10);
    expect(report.adjusted.high).toBeCloseTo(1 - Math.exp(beta[1]! - 1.96 * se), 10);
    // about 0.150: women earn ~15% less than men of the same category
    expect(report.adjusted.gap!).toBeCloseTo(0.15, 3);
  });

  it('adjusted gap against the closed-form two-group case (department Eng: female the only regressor)', async () => {
    // Filter department = Eng: A only (one category, one country, a11 without hire date): no controls.
    // beta = mean ln(w women) - mean ln(w men); s^2 = pooled residual variance (SS_w + SS_m) / (n - 2);
    // SE = sqrt(s^2 (1/5 + 1/6)).
    const eng = await payGapReport(warehouse, { ...base, department: 'Eng' });
    expect(eng.workers).toEqual({ women: 5, men: 6, other: 1, undisclosed: 0 });
    expect(eng.adjusted.controls).toEqual([]);
    const women = [20, 22, 24, 26, 28].map(Math.log);
    const men = [25, 27, 29, 30, 31, 32].map(Math.log);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const ss = (xs: number[]) => xs.reduce((s, x) => s + (x - mean(xs)) ** 2, 0);
    // ln: women 2.9957 3.0910 3.1781 3.2581 3.3322 (mean 3.17102); men 3.2189 3.2958 3.3673 3.4012 3.4340
    // 3.4657 (mean 3.36382): beta = -0.19280, adjusted gap 1 - exp(-0.19280) = 0.17535
    const beta = mean(women) - mean(men);
    const se = Math.sqrt(((ss(women) + ss(men)) / (11 - 2)) * (1 / 5 + 1 / 6));
    expect(beta).toBeCloseTo(-0.1928, 4);
    expect(eng.adjusted.gap).toBeCloseTo(0.17535, 4);
    expect(eng.adjusted.gap).toBeCloseTo(1 - Math.exp(beta), 12);
    expect(eng.adjusted.low).toBeCloseTo(1 - Math.exp(beta + 1.96 * se), 12);
    expect(eng.adjusted.high).toBeCloseTo(1 - Math.exp(beta - 1.96 * se), 12);
    // and the filtered headline: (29 - 24)/29 as in category A
    expect(eng.hourly.meanGap).toBeCloseTo(5 / 29, 12);
  });

  it('suppresses everything under a filter that leaves fewer than 5 women or men (department Sales)', async () => {
    const sales = await payGapReport(warehouse, { ...base, department: 'Sales' });
    // 2 women, 2 men, 1 undisclosed: counts of workers stay, every figure is null
    expect(sales.workers).toEqual({ women: 2, men: 2, other: 0, undisclosed: 1 });
    expect(sales.hourly).toEqual({ meanGap: null, medianGap: null });
    expect(sales.annual).toEqual({ meanGap: null, medianGap: null });
    expect(sales.variable).toEqual({ meanGap: null, medianGap: null, shareWomen: null, shareMen: null });
    for (const q of sales.quartiles) expect(q).toEqual({ band: q.band, women: null, men: null, shareWomen: null, shareMen: null });
    expect(sales.categories.every((c) => c.suppressed && c.women === null && c.basicMeanGap === null)).toBe(true);
    expect(sales.adjusted).toMatchObject({ gap: null, low: null, high: null });
    expect(sales.costToClose).toBeNull();
  });

  it('Article 7: average hourly and annual pay by sex for one category, suppressed below minCell', async () => {
    const a = await payRequest(warehouse, { ...base, category: 'engineer ii' });
    // women hourly mean 24, annual 224640/5 = 44928; men hourly 29, annual 361920/6 = 60320
    expect(a.suppressed).toBe(false);
    expect(a.women.count).toBe(5);
    expect(a.men.count).toBe(6);
    expect(a.women.meanHourly).toBeCloseTo(24, 9);
    expect(a.men.meanHourly).toBeCloseTo(29, 9);
    expect(a.women.meanAnnual).toBeCloseTo(44928, 6);
    expect(a.men.meanAnnual).toBeCloseTo(60320, 6);
    const b = await payRequest(warehouse, { ...base, category: 'sales x senior' });
    expect(b).toMatchObject({ suppressed: true, women: { count: null, meanHourly: null, meanAnnual: null }, men: { count: null, meanHourly: null, meanAnnual: null } });
  });
});
