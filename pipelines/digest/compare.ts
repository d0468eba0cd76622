/**
 * The digest's KPI tiles with their change against the previous period of the same length.
 *
 * Stand-in, to be swapped for the period comparison of issue 18 Deliver 5 (helper D) once it lands: the
 * existing metrics function run twice — over [asOf - periodDays + 1, asOf], and over the periodDays just
 * before, as of that period's last day (so open openings are those open then).
 */
import type { Config } from '../lib/config.ts';
import type { Warehouse } from '../lib/duckdb.ts';
import { computeMetrics } from '../metrics/index.ts';
import { timeToFillBenchmark } from '../metrics/reference.ts';
import type { DigestTiles } from '../contract/digest.ts';

export interface ComparedTiles {
  readonly period: { from: string; to: string };
  readonly previousPeriod: { from: string; to: string };
  readonly comparison: string;
  readonly tiles: DigestTiles;
}

const day = 86_400_000;
const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * day).toISOString().slice(0, 10);
const change = (value: number | null, previous: number | null) => (value === null || previous === null ? null : value - previous);

/** The four Overview tiles over the last `periodDays` days to asOf, against the `periodDays` before. */
export async function compareTiles(warehouse: Warehouse, config: Config, asOf: string, periodDays: number): Promise<ComparedTiles> {
  const period = { from: shift(asOf, -(periodDays - 1)), to: asOf };
  const previousPeriod = { from: shift(period.from, -periodDays), to: shift(period.from, -1) };
  const before = await computeMetrics(warehouse, config, { asOf: previousPeriod.to, filters: { from: previousPeriod.from } });
  const now = await computeMetrics(warehouse, config, { asOf, filters: { from: period.from } });
  const benchmark = config.timeToFillBenchmarkDays
    ? { days: config.timeToFillBenchmarkDays, source: 'config' }
    : await timeToFillBenchmark(warehouse);
  const oar = now.offerAcceptance;
  const oarBefore = before.offerAcceptance;
  return {
    period,
    previousPeriod,
    comparison: `metrics over ${period.from}..${period.to} against ${previousPeriod.from}..${previousPeriod.to} (as of ${previousPeriod.to})`,
    tiles: {
      offerAcceptance: {
        value: oar.rate,
        previous: oarBefore.rate,
        change: change(oar.rate, oarBefore.rate),
        status: oar.status,
        previousStatus: oarBefore.status,
        ci95: oar.ci95,
        accepted: oar.accepted,
        declined: oar.declined,
        overlapping: oar.ci95 && oarBefore.ci95 ? oar.ci95[0] <= oarBefore.ci95[1] && oarBefore.ci95[0] <= oar.ci95[1] : null,
      },
      timeToFill: {
        value: now.timeToFill.medianDays,
        previous: before.timeToFill.medianDays,
        change: change(now.timeToFill.medianDays, before.timeToFill.medianDays),
        filled: now.timeToFill.filled,
        benchmarkDays: benchmark.days,
        benchmarkSource: benchmark.source,
      },
      openOpenings: { value: now.timeToFill.open, previous: before.timeToFill.open, change: now.timeToFill.open - before.timeToFill.open },
      hires: { value: now.timeToHire.hires, previous: before.timeToHire.hires, change: now.timeToHire.hires - before.timeToHire.hires },
    },
  };
}
