/**
 * The status of an offer acceptance rate against its lines (DESIGN §3): healthy at or above `healthy`,
 * alarm below `alarm`, watch between; too few resolved offers (under minOffers, or none) is its own
 * status. The metric, the alert, the site's tiles and the charts all call `rateStatus`.
 */
export const rateStatuses = ['healthy', 'watch', 'alarm', 'insufficient-data'] as const;
export type RateStatus = (typeof rateStatuses)[number];

export interface RateLines {
  readonly healthy: number;
  readonly alarm: number;
  readonly minOffers: number;
}

/** The default lines (config `offerAcceptance`). */
export const defaultRateLines = { healthy: 0.85, alarm: 0.75, minOffers: 10 } as const satisfies RateLines;

export function rateStatus(accepted: number, declined: number, { healthy, alarm, minOffers }: RateLines): RateStatus {
  const n = accepted + declined;
  if (n === 0 || n < minOffers) return 'insufficient-data';
  const rate = accepted / n;
  return rate >= healthy ? 'healthy' : rate >= alarm ? 'watch' : 'alarm';
}

/** The status as a tile shows it. */
export const statusLabel = {
  healthy: 'Healthy',
  watch: 'Watch',
  alarm: 'Alarm',
  'insufficient-data': 'Too few offers',
} as const satisfies Record<RateStatus, string>;

/** The status inside a sentence or next to a mark ("83% · watch"). */
export const statusWords = Object.fromEntries(rateStatuses.map((s) => [s, statusLabel[s].toLowerCase()])) as Record<RateStatus, string>;

/**
 * A median time to fill against its region's benchmark range (DESIGN §3): below the low end, within, or
 * above the high end; null without a median or a benchmark. SQL: hs_benchmark_status (staging/contract.sql).
 */
export const benchmarkStatuses = ['below', 'within', 'above'] as const;
export type BenchmarkStatus = (typeof benchmarkStatuses)[number];

export function benchmarkStatus(median: number | null, benchmark: { low: number; high: number } | null | undefined): BenchmarkStatus | null {
  if (median === null || !benchmark) return null;
  return median < benchmark.low ? 'below' : median > benchmark.high ? 'above' : 'within';
}
