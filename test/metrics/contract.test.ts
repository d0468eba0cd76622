/**
 * Issue 17: the SQL side of the contract is the TypeScript one. The Wilson interval of the metrics
 * (hs_wilson_low/high) equals `wilson` bit for bit on every (k, n) with n <= 120 and on large n; the SQL
 * stage table, sort orders and age buckets are the contract's; the status rule at its edges.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse, type Warehouse } from '../../pipelines/lib/duckdb.ts';
import { installContract } from '../../pipelines/metrics/reference.ts';
import { agingBuckets, levelKeys, regionKeys } from '../../pipelines/contract/dimensions.ts';
import { stageKeys, stageLabels } from '../../pipelines/contract/stages.ts';
import { benchmarkStatus, defaultRateLines, rateStatus, statusWords } from '../../pipelines/contract/status.ts';
import { wilson } from '../../pipelines/contract/wilson.ts';

let warehouse: Warehouse;
beforeAll(async () => {
  warehouse = await openWarehouse(':memory:');
  await installContract(warehouse);
});
afterAll(() => warehouse.close());

describe('Wilson interval', () => {
  it('is 0.6964 to 0.8753 for 60 of 75 (the sample: 60 accepted, 15 declined)', () => {
    // p = 0.8, z^2 = 3.8415; centre = 0.8 + 3.8415/150 = 0.82561; half = 1.96 * sqrt(0.16/75 + 3.8415/22500)
    // = 1.96 * sqrt(0.0021333 + 0.00017073) = 1.96 * 0.047998 = 0.094074; / (1 + 3.8415/75 = 1.051220)
    // low = (0.82561 - 0.094074) / 1.05122 = 0.69590, high = (0.82561 + 0.094074) / 1.05122 = 0.87487
    const [low, high] = wilson(60, 75)!;
    expect(low).toBeCloseTo(0.6959, 4);
    expect(high).toBeCloseTo(0.8749, 4);
    expect(wilson(0, 0)).toBeNull();
  });

  it('SQL and TypeScript agree exactly on every k of n = 0..120 and on large n', async () => {
    const pairs: [number, number][] = [];
    for (let n = 0; n <= 120; n++) for (let k = 0; k <= n; k++) pairs.push([k, n]);
    for (const n of [999, 1000, 12_345, 1_000_000]) for (const k of [0, 1, Math.floor(n / 3), n - 1, n]) pairs.push([k, n]);
    // 121 * 122 / 2 = 7381 small pairs + 20 large ones
    expect(pairs.length).toBe(7401);
    const rows = await warehouse.all<{ k: number; n: number; low: number | null; high: number | null }>(
      `SELECT p[1]::INTEGER AS k, p[2]::INTEGER AS n, hs_wilson_low(p[1]::INTEGER, p[2]::INTEGER) AS low,
         hs_wilson_high(p[1]::INTEGER, p[2]::INTEGER) AS high
       FROM (SELECT unnest(from_json($pairs, '[["INTEGER"]]')) AS p)`,
      { pairs: JSON.stringify(pairs) },
    );
    expect(rows.length).toBe(pairs.length);
    const differing = rows.filter((r) => {
      const ts = wilson(r.k, r.n);
      return ts === null ? r.low !== null || r.high !== null : r.low !== ts[0] || r.high !== ts[1];
    });
    expect(differing).toEqual([]);
  });
});

describe('orders and stages in SQL', () => {
  it('stage_order is the contract stages, ranked 1..6 with their names', async () => {
    const rows = await warehouse.all<{ stage: string; rank: number; display: string }>('SELECT stage, rank, display FROM stage_order ORDER BY rank');
    expect(rows).toEqual(stageKeys.map((stage, i) => ({ stage, rank: i + 1, display: stageLabels[stage] })));
    expect(rows[0]).toEqual({ stage: 'applied', rank: 1, display: 'Application Review' });
  });

  it('hs_level_rank and hs_region_rank follow the contract, 99 outside it', async () => {
    const ranks = async (macro: 'hs_level_rank' | 'hs_region_rank', values: readonly string[]) =>
      (
        await warehouse.all<{ rank: number }>(
          // macro: one of the two names above
          `SELECT ${macro}(v) AS rank FROM (SELECT unnest(from_json($values, '["VARCHAR"]')) AS v)`,
          { values: JSON.stringify(values) },
        )
      ).map((r) => r.rank);
    expect(await ranks('hs_level_rank', [...levelKeys, 'intern'])).toEqual([1, 2, 3, 4, 5, 6, 99]);
    expect(await ranks('hs_region_rank', [...regionKeys, 'Mars'])).toEqual([1, 2, 3, 4, 5, 99]);
  });
});

describe('age buckets of open openings in SQL', () => {
  it('put 30 days in 0-30, 31 in 31-60, 90 in 61-90, 180 in 91-180 and 181 in >180', async () => {
    const rows = await warehouse.all<{ bucket: string }>(
      `SELECT hs_aging_bucket(a) AS bucket FROM (SELECT unnest([0, 30, 31, 60, 61, 90, 91, 180, 181, 5000]) AS a)`,
    );
    expect(rows.map((r) => r.bucket)).toEqual(['0-30', '0-30', '31-60', '31-60', '61-90', '61-90', '91-180', '91-180', '>180', '>180']);
    expect(agingBuckets).toEqual(['0-30', '31-60', '61-90', '91-180', '>180']);
  });
});

describe('a median against its benchmark range', () => {
  it('SQL and TypeScript agree on every median 0..60 in steps of 0.5 against 25-35, and on missing values', async () => {
    // 25-35 days (LatAm): 24.5 below, 25 within, 35 within, 35.5 above
    expect(benchmarkStatus(24.5, { low: 25, high: 35 })).toBe('below');
    expect(benchmarkStatus(25, { low: 25, high: 35 })).toBe('within');
    expect(benchmarkStatus(35, { low: 25, high: 35 })).toBe('within');
    expect(benchmarkStatus(35.5, { low: 25, high: 35 })).toBe('above');
    expect(benchmarkStatus(null, { low: 25, high: 35 })).toBeNull();
    expect(benchmarkStatus(30, null)).toBeNull();
    const medians = Array.from({ length: 121 }, (_, i) => i / 2);
    const rows = await warehouse.all<{ m: number; s: string | null }>(
      `SELECT m, hs_benchmark_status(m, 25.0::DOUBLE, 35.0::DOUBLE) AS s FROM (SELECT unnest(from_json($m, '["DOUBLE"]')) AS m)`,
      { m: JSON.stringify(medians) },
    );
    expect(rows.map((r) => r.s)).toEqual(medians.map((m) => benchmarkStatus(m, { low: 25, high: 35 })));
    const missing = await warehouse.maybeOne<{ a: string | null; b: string | null }>(
      'SELECT hs_benchmark_status(NULL::DOUBLE, 25.0, 35.0) AS a, hs_benchmark_status(30.0, NULL::DOUBLE, NULL::DOUBLE) AS b',
    );
    expect(missing).toEqual({ a: null, b: null });
  });
});

describe('status of a rate against its lines', () => {
  it('is healthy at the line, watch just under it, alarm under 75%, too few under minOffers', () => {
    // 17/20 = 0.85 -> healthy; 16/19 = 0.842 -> watch; 15/20 = 0.75 -> watch; 14/19 = 0.737 -> alarm
    expect(rateStatus(17, 3, defaultRateLines)).toBe('healthy');
    expect(rateStatus(16, 3, defaultRateLines)).toBe('watch');
    expect(rateStatus(15, 5, defaultRateLines)).toBe('watch');
    expect(rateStatus(14, 5, defaultRateLines)).toBe('alarm');
    // 9 resolved offers < minOffers 10; none at all with minOffers 0
    expect(rateStatus(9, 0, defaultRateLines)).toBe('insufficient-data');
    expect(rateStatus(0, 0, { ...defaultRateLines, minOffers: 0 })).toBe('insufficient-data');
    expect(statusWords['insufficient-data']).toBe('too few offers');
  });
});
