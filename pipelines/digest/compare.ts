/**
 * The digest's KPI tiles and their changes: the Overview's four tiles over the last `periodDays` days to
 * asOf, compared by compareKpis (issue 18 Deliver 5, pipelines/metrics/compare.ts) with the previous
 * period of the same length and the same period a year earlier — the same figures and rules as the
 * site's tiles and `metrics --compare`.
 */
import type { Config } from '../lib/config.ts';
import type { Warehouse } from '../lib/duckdb.ts';
import { compareKpis } from '../metrics/compare.ts';
import { timeToFillBenchmark } from '../metrics/reference.ts';
import { rateStatus } from '../contract/status.ts';
import { linesFor } from '../contract/thresholds.ts';
import type { KpiComparison } from '../contract/compare.ts';
import type { DigestTiles } from '../contract/digest.ts';

const dayMs = 86_400_000;

/** The first day of the `periodDays` days that end on asOf. */
export function periodStart(asOf: string, periodDays: number): string {
  return new Date(Date.parse(`${asOf}T00:00:00Z`) - (periodDays - 1) * dayMs).toISOString().slice(0, 10);
}

/** The company-wide tiles as of asOf over the last `periodDays` days, and their comparison. */
export async function compareTiles(warehouse: Warehouse, config: Config, asOf: string, periodDays: number): Promise<{ tiles: DigestTiles; comparison: KpiComparison }> {
  const comparison = await compareKpis(warehouse, config, { asOf, filters: { from: periodStart(asOf, periodDays) } });
  const now = comparison.figures.current;
  const oar = now.offerAcceptance;
  const benchmark = config.timeToFillBenchmarkDays ? { days: config.timeToFillBenchmarkDays, source: 'config' } : await timeToFillBenchmark(warehouse);
  return {
    tiles: {
      offerAcceptance: {
        rate: oar.rate,
        // company-wide: the lines of a view without department or region filters
        status: rateStatus(oar.accepted, oar.declined, linesFor(config.offerAcceptance, {})),
        ci95: oar.ci95 ? [oar.ci95[0], oar.ci95[1]] : null,
        accepted: oar.accepted,
        declined: oar.declined,
      },
      timeToFill: { medianDays: now.medianTimeToFillDays, filled: now.filled, benchmarkDays: benchmark.days, benchmarkSource: benchmark.source },
      openOpenings: now.openOpenings,
      hires: now.hires,
    },
    comparison,
  };
}
