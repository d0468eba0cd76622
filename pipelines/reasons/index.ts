/**
 * Reasons (issue 18 "Why"): drop-off by reason at each stage and offer declines by reason, in SQL
 * (pipelines/sql/reasons/), on populations prepared by prepareMetrics (the same filters as metrics).
 */
import { paramsFor, sqlFile } from '../lib/duckdb.ts';
import type { MetricContext } from '../metrics/metric.ts';
import type { Filters } from '../contract/metrics.ts';
import { reasonMinCandidates, reasonsReportSchema, type ReasonsReport } from '../contract/reasons.ts';
import type { StageKey } from '../contract/stages.ts';

interface DropRow {
  total: boolean;
  quarter: string | null;
  stage: StageKey;
  outcome: 'rejected' | 'withdrew' | 'other';
  reason: string;
  count: number;
  share: number;
}
interface DeclineRow {
  total: boolean;
  quarter: string | null;
  reason: string;
  count: number;
  share: number;
}

async function query<T>(context: MetricContext, name: string): Promise<T[]> {
  const sql = sqlFile(`reasons/${name}.sql`);
  return context.warehouse.all<T>(sql, paramsFor(sql, context.params));
}

/** The reasons report of the prepared populations (validated). */
export async function reasonsFor(context: MetricContext, filters: Filters): Promise<ReasonsReport> {
  const drops = await query<DropRow>(context, 'drop_off_reasons');
  const declines = await query<DeclineRow>(context, 'decline_reasons');
  const drop = ({ stage, outcome, reason, count, share }: DropRow) => ({ stage, outcome, reason, count, share });
  const decline = ({ reason, count, share }: DeclineRow) => ({ reason, count, share });
  return reasonsReportSchema.parse({
    asOf: String(context.params.as_of),
    filters,
    minCandidates: reasonMinCandidates,
    dropOff: drops.filter((r) => r.total).map(drop),
    dropOffByQuarter: drops.filter((r) => !r.total).map((r) => ({ quarter: r.quarter, ...drop(r) })),
    declines: declines.filter((r) => r.total).map(decline),
    declinesByQuarter: declines.filter((r) => !r.total).map((r) => ({ quarter: r.quarter, ...decline(r) })),
  });
}
