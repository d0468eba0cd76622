/**
 * The fixed dimensions (DESIGN §2): canonical levels and regions, in display order. One definition for
 * the config schema, the reference tables, the SQL sort order (hs_level_rank, hs_region_rank:
 * pipelines/sql/staging/contract.sql), the snapshot's filter lists and the charts. No zod here: the
 * browser imports it.
 */
export const levelKeys = ['entry', 'mid', 'senior', 'staff', 'principal', 'executive'] as const;
export type LevelKey = (typeof levelKeys)[number];

export const regionKeys = ['US', 'EU', 'LatAm', 'APAC', 'Other'] as const;
export type RegionKey = (typeof regionKeys)[number];

/** Sort names by a known order first, then the others in code-point order (as DuckDB sorts text). */
export function byKnownOrder(order: readonly string[]) {
  return (a: string, b: string) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    const ra = ia < 0 ? order.length : ia;
    const rb = ib < 0 ? order.length : ib;
    return ra - rb || (a < b ? -1 : a > b ? 1 : 0);
  };
}

/**
 * Age buckets of open openings in days (DESIGN §3), youngest first: each holds ages up to its limit
 * (0-30, 31-60, 61-90, 91-180), the last everything older. SQL: hs_aging_bucket (staging/contract.sql).
 */
export const agingBuckets = ['0-30', '31-60', '61-90', '91-180', '>180'] as const;
export type AgingBucket = (typeof agingBuckets)[number];
export const agingLimits = [30, 60, 90, 180] as const;
/** Buckets of openings open more than 90 days: shown in the watch colour. */
export const oldAgingBuckets: readonly AgingBucket[] = ['91-180', '>180'];
