/**
 * Default market benchmarks (DESIGN §4) and hiring-timeline benchmarks (DESIGN §3).
 *
 * - The seed article's pay table (mid/senior/staff x US/EU/LatAm/APAC, USD ranges) and its regional
 *   time-to-fill ranges are transcribed here, figure for figure; test/reference checks them against the
 *   article text. "Staff/Principal" is filed under `staff`; "$180,000-$220,000+" becomes low 180000,
 *   high 220000 (the "+" only says the top is open-ended).
 * - BLS OEWS May 2023 national percentiles for SOC 15-1252 are read from the BLS file, not typed in.
 */
import { parseCsvObjects } from './csv.ts';

export const BENCHMARK_COLUMNS = [
  'source', 'level', 'region', 'currency', 'role_family',
  'low', 'high', 'p10', 'p25', 'p50', 'p75', 'p90', 'as_of',
] as const;
export type BenchmarkColumn = (typeof BENCHMARK_COLUMNS)[number];
export type BenchmarkRow = Record<BenchmarkColumn, string>;

export const SEED_TITLE = "Seed article 'How to Hire a Backend Engineer in 2026'";
export const SEED_PAY_SOURCE = `${SEED_TITLE} (Levels.fyi and Glassdoor data)`;
export const SEED_AS_OF = '2026-01-01';

/** [level, region, low, high] in USD per year, as printed in the seed article's table. */
export const SEED_PAY_TABLE: readonly (readonly [string, string, number, number])[] = [
  ['mid', 'US', 100_000, 135_000],
  ['mid', 'EU', 70_000, 95_000],
  ['mid', 'LatAm', 50_000, 75_000],
  ['mid', 'APAC', 30_000, 55_000],
  ['senior', 'US', 150_000, 180_000],
  ['senior', 'EU', 95_000, 130_000],
  ['senior', 'LatAm', 75_000, 100_000],
  ['senior', 'APAC', 55_000, 85_000],
  ['staff', 'US', 180_000, 220_000],
  ['staff', 'EU', 130_000, 170_000],
  ['staff', 'LatAm', 100_000, 130_000],
  ['staff', 'APAC', 85_000, 120_000],
];

export const BLS_SOURCE = 'BLS OEWS May 2023, SOC 15-1252 Software Developers (national)';
export const BLS_AS_OF = '2023-05-31';
export const BLS_OCC_CODE = '15-1252';

const empty = (): BenchmarkRow => ({
  source: '', level: '', region: '', currency: '', role_family: '',
  low: '', high: '', p10: '', p25: '', p50: '', p75: '', p90: '', as_of: '',
});

export function seedBenchmarkRows(): BenchmarkRow[] {
  return SEED_PAY_TABLE.map(([level, region, low, high]) => ({
    ...empty(),
    source: SEED_PAY_SOURCE,
    level,
    region,
    currency: 'USD',
    role_family: 'engineering',
    low: String(low),
    high: String(high),
    as_of: SEED_AS_OF,
  }));
}

/**
 * An OEWS annual wage cell as a whole-dollar string: thousands separators stripped. `*` / `**` (no
 * estimate) and `#` (at or above the reporting cap: a real but unknown high wage) become '' (no value).
 */
export function oewsWage(cell: string, what: string): string {
  const v = cell.trim();
  if (v === '' || v === '*' || v === '**' || v === '#') return '';
  const digits = v.replaceAll(',', '');
  if (!/^\d+$/.test(digits)) throw new Error(`BLS file: unexpected ${what} value ${JSON.stringify(cell)}`);
  return String(Number(digits));
}

export function blsBenchmarkRow(blsCsv: string): BenchmarkRow {
  const { header, rows } = parseCsvObjects(blsCsv);
  for (const col of ['AREA', 'OCC_CODE', 'NAICS', 'OWN_CODE', 'A_PCT10', 'A_PCT25', 'A_MEDIAN', 'A_PCT75', 'A_PCT90']) {
    if (!header.includes(col)) throw new Error(`BLS file: missing column ${col}`);
  }
  // National (AREA 99), cross-industry (NAICS 000000), all ownerships (OWN_CODE 1235).
  const hits = rows.filter(
    (r) => r.AREA === '99' && r.OCC_CODE === BLS_OCC_CODE && r.NAICS === '000000' && r.OWN_CODE === '1235',
  );
  const hit = hits[0];
  if (!hit || hits.length !== 1) {
    throw new Error(`BLS file: expected exactly one national row for ${BLS_OCC_CODE}, found ${hits.length}`);
  }
  const row: BenchmarkRow = {
    ...empty(),
    source: BLS_SOURCE,
    level: 'all',
    region: 'US',
    currency: 'USD',
    role_family: 'engineering',
    p10: oewsWage(hit.A_PCT10 ?? '', 'A_PCT10'),
    p25: oewsWage(hit.A_PCT25 ?? '', 'A_PCT25'),
    p50: oewsWage(hit.A_MEDIAN ?? '', 'A_MEDIAN'),
    p75: oewsWage(hit.A_PCT75 ?? '', 'A_PCT75'),
    p90: oewsWage(hit.A_PCT90 ?? '', 'A_PCT90'),
    as_of: BLS_AS_OF,
  };
  if (!row.p10 && !row.p25 && !row.p50 && !row.p75 && !row.p90) {
    throw new Error(`BLS file: no published percentile for ${BLS_OCC_CODE}`);
  }
  return row;
}

export const REGION_TIMELINE_SOURCE = `${SEED_TITLE} (regional hiring timelines)`;

/** [region, low days, high days] — time to fill, from the seed article's regional timelines. */
export const REGION_TIMELINES: readonly (readonly [string, number, number])[] = [
  ['US', 40, 55],
  ['EU', 35, 50],
  ['LatAm', 25, 35],
  ['APAC', 20, 35],
];

export const TIME_TO_FILL_DAYS = 62;
export const TIME_TO_FILL_SOURCE = `SHRM 2024 Talent Trends via ${SEED_TITLE} (average time to fill)`;
