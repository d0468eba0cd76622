/**
 * Owner views (issue 18): per recruiter and per hiring manager, in SQL (pipelines/sql/owners/), on the
 * populations prepared by prepareMetrics (the same filters and period as metrics).
 */
import { paramsFor, sqlFile } from '../lib/duckdb.ts';
import type { MetricContext } from '../metrics/metric.ts';
import type { Filters } from '../contract/metrics.ts';
import { minRateEvents, ownersReportSchema, type OwnerRow, type OwnersReport } from '../contract/owners.ts';
import { stageKeys, type StageKey } from '../contract/stages.ts';

type Kind = 'recruiter' | 'hiring_manager';
interface CountRow {
  kind: Kind;
  owner: string;
  open_openings: number;
  filled: number;
  median_days: number | null;
  hires: number;
  accepted: number;
  declined: number;
  ci_low: number | null;
  ci_high: number | null;
  active_load: number;
}
interface FunnelRow {
  kind: Kind;
  owner: string;
  stage: StageKey;
  reached: number;
  advanced: number;
}

async function query<T>(context: MetricContext, name: string): Promise<T[]> {
  const sql = sqlFile(`owners/${name}.sql`);
  return context.warehouse.all<T>(sql, paramsFor(sql, context.params));
}

/** A rate, or null with tooFew when it rests on fewer than minRateEvents events. */
export function rateOf(hits: number, events: number): { rate: number | null; tooFew: boolean } {
  const tooFew = events < minRateEvents;
  return { rate: tooFew ? null : hits / events, tooFew };
}

/** The owner tables of the prepared populations (validated). */
export async function ownersFor(context: MetricContext, filters: Filters): Promise<OwnersReport> {
  const counts = await query<CountRow>(context, 'owner_counts');
  const funnel = await query<FunnelRow>(context, 'owner_funnel');
  const rows = (kind: Kind): OwnerRow[] =>
    counts
      .filter((c) => c.kind === kind)
      .map((c) => {
        const offers = rateOf(c.accepted, c.accepted + c.declined);
        return {
          owner: c.owner,
          openOpenings: c.open_openings,
          hires: c.hires,
          filled: c.filled,
          medianTimeToFillDays: c.median_days,
          offerAcceptance: {
            accepted: c.accepted,
            declined: c.declined,
            ...offers,
            ci95: offers.tooFew || c.ci_low === null || c.ci_high === null ? null : [c.ci_low, c.ci_high],
          },
          // every stage but hired; an owner without applications in the period reached none
          passThrough: stageKeys.slice(0, -1).map((stage) => {
            const f = funnel.find((r) => r.kind === kind && r.owner === c.owner && r.stage === stage);
            return { stage, reached: f?.reached ?? 0, advanced: f?.advanced ?? 0, ...rateOf(f?.advanced ?? 0, f?.reached ?? 0) };
          }),
          activeLoad: c.active_load,
        };
      });
  return ownersReportSchema.parse({
    asOf: String(context.params.as_of),
    filters,
    minRateEvents,
    recruiters: rows('recruiter'),
    hiringManagers: rows('hiring_manager'),
  });
}
