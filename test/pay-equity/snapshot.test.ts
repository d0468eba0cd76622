/**
 * Issue 19 Deliver 4: the snapshot's pay_gap.json for a hand-made roster (test/fixtures/paygap-site,
 * ingested by the real CLI into a real DuckDB file, written by the real writeSnapshot) holds the engine's
 * figures for every region / department combination, nothing from fewer than minCell women or men, and
 * withholds the nested views that differ by 1 to minCell - 1 women or men.
 *
 * The roster at as-of 2026-06-30, everyone 40 h a week, pay in EUR (report currency EUR):
 *   EU (DE) Eng, category Engineer: women 50,52,54,56,58,60k; men 55,57,59,61,63,65k; 1 other, 1 undisclosed
 *   EU (FR) Sales, category Seller: women 40,41,42,43,44k; men 40,42,44,46,48k
 *   US (US) Eng, category Engineer: women 70,72k; men 75,77,79k
 * Views and their women / men:
 *   company 13 / 14                      published
 *   EU 11 / 11   (company - EU = 2 / 3)  secondary: withheld
 *   US 2 / 3                             primary: fewer than 5
 *   Eng 8 / 9    (company - Eng = 5 / 5) published
 *   Sales 5 / 5  (company - Sales = 8 / 9) published
 *   EU x Eng 6 / 6 (Eng - it = 2 / 3)    secondary: withheld
 *   EU x Sales 5 / 5 (= Sales)           published (the same people as Sales: a difference of 0)
 *   US x Eng 2 / 3                       primary
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../pipelines/lib/config.ts';
import { openWarehouse, type Warehouse } from '../../pipelines/lib/duckdb.ts';
import { payGapReport } from '../../pipelines/paygap/index.ts';
import { writeSnapshot } from '../../pipelines/snapshot/index.ts';
import { publishedPayGap } from '../../pipelines/snapshot/payGap.ts';
import { payEquityParts } from '../../src/lib/payEquity.ts';
import { payGapSnapshotSchema, type PayGapSnapshot, type PayGapView } from '../../pipelines/contract/payGapSnapshot.ts';
import type { PayGapReport } from '../../pipelines/contract/payGap.ts';
import { repoRoot, runCli, tempDir } from '../helpers/tmp.ts';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'paygap-site');
const asOf = '2026-06-30';
const minCell = 5;
/**
 * The same report, numbers equal to 12 significant digits: DuckDB sums floats in parallel, so two runs of
 * the same mean may differ in the last bit (0.0943754149672767 vs ...694).
 */
function expectSameFigures(actual: unknown, expected: unknown, where: string): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    expect(Math.abs(actual - expected), `${where}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual) && actual.length === expected.length, where).toBe(true);
    expected.forEach((e, i) => expectSameFigures((actual as unknown[])[i], e, `${where}[${i}]`));
  } else if (expected !== null && typeof expected === 'object') {
    expect(Object.keys(actual as object).sort(), where).toEqual(Object.keys(expected).sort());
    for (const [k, e] of Object.entries(expected)) expectSameFigures((actual as Record<string, unknown>)[k], e, `${where}.${k}`);
  } else expect(actual, where).toEqual(expected);
}

const key = (v: { region: string | null; department: string | null }) => `${v.region ?? '*'}/${v.department ?? '*'}`;

describe('pay_gap.json of the snapshot', () => {
  const tmp = tempDir('hs-paygap-site-');
  const db = path.join(tmp.dir, 'w.duckdb');
  let warehouse: Warehouse;
  let file: PayGapSnapshot;
  const engine = new Map<string, PayGapReport>();

  beforeAll(async () => {
    const run = runCli(['ingest', path.join(fixtures, 'fx_rates.csv'), path.join(fixtures, 'compensation.csv'), '--db', db, '--json']);
    expect(run.status, run.stderr).toBe(0);
    warehouse = await openWarehouse(db);
    const config = configSchema.parse({});
    const outDir = path.join(tmp.dir, 'snapshot');
    await writeSnapshot(warehouse, config, { asOf, outDir, refreshedAt: '2026-07-01T06:00:00Z' });
    file = payGapSnapshotSchema.parse(JSON.parse(readFileSync(path.join(outDir, 'pay_gap.json'), 'utf8')));
    for (const v of file.views) {
      engine.set(
        key(v),
        await payGapReport(warehouse, { asOf, currency: 'EUR', minCell, ...(v.region ? { region: v.region } : {}), ...(v.department ? { department: v.department } : {}) }),
      );
    }
  }, 120_000);
  afterAll(() => {
    warehouse?.close();
    tmp.cleanup();
  });

  const view = (region: string | null, department: string | null): PayGapView => {
    const found = file.views.find((v) => v.region === region && v.department === department);
    if (!found) throw new Error(`no view ${region}/${department}`);
    return found;
  };

  it('lists the company and every region, department and region x department with workers, in order', () => {
    // regions in their known order (US, EU, LatAm, APAC, Other), departments alphabetically
    expect(file.views.map(key)).toEqual(['*/*', 'US/*', 'EU/*', '*/Eng', '*/Sales', 'US/Eng', 'EU/Eng', 'EU/Sales']);
    expect(file.views.map((v) => v.suppression)).toEqual(['none', 'primary', 'secondary', 'none', 'none', 'primary', 'secondary', 'none']);
    expect({ asOf: file.asOf, currency: file.currency, minCell: file.minCell, unavailable: file.unavailable }).toEqual({ asOf, currency: 'EUR', minCell, unavailable: null });
  });

  it('publishes exactly the engine figures for every view no nested difference touches', () => {
    for (const k of ['*/*', 'US/*', '*/Eng', '*/Sales', 'EU/Sales', 'US/Eng']) {
      const v = file.views.find((x) => key(x) === k)!;
      expect(v.secondaryCategories, k).toEqual([]);
      expectSameFigures(v.report, engine.get(k)!, k);
    }
  });

  it('carries hand-worked figures', () => {
    // Sales (one category, Seller): women mean 42,000, men mean 44,000 -> gap 2,000 / 44,000 = 1/22;
    // medians 42,000 and 44,000 -> 1/22 too; hourly = annual / 2,080 for everyone, the same gaps
    const sales = view(null, 'Sales').report;
    expect(sales.hourly.meanGap).toBeCloseTo(1 / 22, 12);
    expect(sales.annual.medianGap).toBeCloseTo(1 / 22, 12);
    expect(sales.categories).toHaveLength(1);
    expect(sales.categories[0]).toMatchObject({ category: 'Seller', women: 5, men: 5, jointAssessment: false });
    // EU x Sales holds the same ten people: the same report
    expectSameFigures(view('EU', 'Sales').report, sales, 'EU/Sales');
    // Engineer in Eng: women 50+52+54+56+58+60+70+72 = 472k / 8 = 59,000; men 55+57+59+61+63+65+75+77+79 = 591k / 9
    // = 65,666.67; gap 6,666.67 / 65,666.67 = 20,000 / 197,000
    const engineer = view(null, 'Eng').report.categories.find((c) => c.category === 'Engineer')!;
    expect(engineer.basicMeanGap).toBeCloseTo(20_000 / 197_000, 12);
    // cost to close (company): only Engineer is at 5% or more (Seller 4.5%): (0.95 x 65,666.67 - 59,000) x 8 women
    // = (62,383.33 - 59,000) x 8 = 27,066.67
    expect(view(null, null).report.costToClose).toBeCloseTo(0.95 * (591_000 / 9) * 8 - 472_000, 6);
    expect(view(null, null).report.workers).toEqual({ women: 13, men: 14, other: 1, undisclosed: 1 });
  });

  it('shows no gap for a suppressed region (US: 2 women, 3 men) and its combination', () => {
    for (const v of [view('US', null), view('US', 'Eng')]) {
      const r = v.report;
      expect(r.workers).toMatchObject({ women: 2, men: 3 });
      expect([r.hourly.meanGap, r.hourly.medianGap, r.annual.meanGap, r.annual.medianGap, r.variable.meanGap, r.variable.medianGap, r.variable.shareWomen, r.variable.shareMen]).toEqual(Array(8).fill(null));
      expect(r.quartiles.every((q) => q.women === null && q.men === null && q.shareWomen === null && q.shareMen === null)).toBe(true);
      expect([r.adjusted.gap, r.adjusted.low, r.adjusted.high, r.costToClose]).toEqual([null, null, null, null]);
      expect(r.categories).toEqual([
        { category: 'Engineer', women: null, men: null, suppressed: true, basicMeanGap: null, basicMedianGap: null, variableMeanGap: null, variableMedianGap: null, jointAssessment: false },
      ]);
    }
  });

  it('withholds a view 1 to 4 women or men away from a view containing it (EU vs company, EU x Eng vs Eng)', () => {
    for (const [region, department] of [['EU', null], ['EU', 'Eng']] as const) {
      const v = view(region, department);
      const full = engine.get(key(v))!;
      // the engine alone would publish it (6+ women and men) ...
      expect(full.hourly.meanGap).not.toBeNull();
      // ... the site does not: headline, quartiles, adjusted gap and cost withheld; counts kept
      const r = v.report;
      expect(r.workers).toEqual(full.workers);
      expect([r.hourly.meanGap, r.annual.meanGap, r.variable.meanGap, r.variable.shareWomen, r.adjusted.gap, r.costToClose]).toEqual(Array(6).fill(null));
      expect(r.quartiles.every((q) => q.shareWomen === null && q.women === null)).toBe(true);
      // Engineer: 6 / 6 here against 8 / 9 in the company and in Eng -> withheld; Seller (EU: 5 / 5 = the company's) kept
      expect(v.secondaryCategories).toEqual(['Engineer']);
      expect(r.categories.find((c) => c.category === 'Engineer')).toMatchObject({ suppressed: true, women: null, men: null, basicMeanGap: null });
      if (region === 'EU' && department === null) {
        expectSameFigures(r.categories.find((c) => c.category === 'Seller'), full.categories.find((c) => c.category === 'Seller'), 'EU Seller');
      }
    }
  });

  it('publishes nothing from fewer than minCell women or men', () => {
    for (const v of file.views) {
      const r = v.report;
      const figures = [r.hourly.meanGap, r.hourly.medianGap, r.annual.meanGap, r.annual.medianGap, r.adjusted.gap, r.costToClose, ...r.quartiles.map((q) => q.shareWomen)];
      if (figures.some((f) => f !== null)) {
        expect(r.workers.women, key(v)).toBeGreaterThanOrEqual(minCell);
        expect(r.workers.men, key(v)).toBeGreaterThanOrEqual(minCell);
      }
      for (const c of r.categories) {
        if (c.suppressed) expect([c.women, c.men, c.basicMeanGap, c.variableMeanGap]).toEqual([null, null, null, null]);
        else {
          expect(c.women!, `${key(v)} ${c.category}`).toBeGreaterThanOrEqual(minCell);
          expect(c.men!, `${key(v)} ${c.category}`).toBeGreaterThanOrEqual(minCell);
        }
      }
    }
  });

  it('says the report is unavailable, instead of failing the refresh, when the report currency has no rate', async () => {
    const none = await publishedPayGap(warehouse, configSchema.parse({ payGap: { currency: 'ZZZ' } }), asOf);
    expect(none.views).toEqual([]);
    expect(none.unavailable).toMatch(/ZZZ/);
    expect(payEquityParts(payGapSnapshotSchema.parse(none), {}).scope).toMatch(/^No pay gap report: .*ZZZ/);
  });

  it('holds no person-level value: no salary of the roster appears in the file', () => {
    const text = JSON.stringify(file);
    const salaries = readFileSync(path.join(fixtures, 'compensation.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(',')[3]!);
    expect(salaries.filter((s) => new RegExp(`(?<![0-9.])${s}(?![0-9])`).test(text))).toEqual([]);
    expect(text).not.toMatch(/e-w1|s-m2|u-m3/);
  });

  it('leaves no person-level temp table behind: the population shared by the views is dropped, even after a failure', async () => {
    const left = () => warehouse.all(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'pg_%'`);
    await publishedPayGap(warehouse, configSchema.parse({}), asOf);
    expect(await left()).toEqual([]);
    await publishedPayGap(warehouse, configSchema.parse({ payGap: { currency: 'ZZZ' } }), asOf);
    expect(await left()).toEqual([]);
  });
});
