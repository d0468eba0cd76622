/**
 * The planner's history from the warehouse (issue 18, Deliver 6): per department and for the whole
 * company, the pass-through counts and median stage durations of the applications applied in the last N
 * months (pipelines/sql/planner/*.sql). The arithmetic is pure, in pipelines/contract/plan.ts.
 */
import { paramsFor, sqlFile } from '../lib/duckdb.ts';
import type { MetricContext } from '../metrics/metric.ts';
import { shiftMonths } from '../contract/compare.ts';
import { addDays, planDurations, planSteps, type PlanDuration, type PlannerRates, type PlanStep } from '../contract/plan.ts';
import { plannerSnapshotSchema, type PlannerSnapshot } from '../contract/planSchema.ts';

type RateRow = { department: string | null } & Record<`${PlanStep}_${'advanced' | 'decided'}`, number>;

/** The first day of the last `months` months up to asOf: the day after asOf `months` months earlier. */
export function windowStart(asOf: string, months: number): string {
  return addDays(shiftMonths(asOf, -months), 1);
}

/** Rates and durations per department (whole company first, department null), on a context prepared without filters. */
export async function plannerHistory(context: MetricContext, months: number): Promise<PlannerSnapshot> {
  const asOf = String(context.params.as_of);
  const windowFrom = windowStart(asOf, months);
  const params = { ...context.params, window_from: windowFrom };
  const ratesSql = sqlFile('planner/rates.sql');
  const durationsSql = sqlFile('planner/durations.sql');
  const rates = await context.warehouse.all<RateRow>(ratesSql, paramsFor(ratesSql, params));
  const durations = await context.warehouse.all<{ department: string | null; stage: string; stays: number; median_days: number | null }>(
    durationsSql,
    paramsFor(durationsSql, params),
  );
  const departments: PlannerRates[] = rates.map((row) => ({
    department: row.department,
    steps: Object.fromEntries(planSteps.map((step) => [step, { advanced: row[`${step}_advanced`], decided: row[`${step}_decided`] }])) as PlannerRates['steps'],
    durations: Object.fromEntries(
      planDurations.map((stage) => [stage, durations.find((d) => d.department === row.department && d.stage === stage)?.median_days ?? null]),
    ) as Record<PlanDuration, number | null>,
  }));
  return plannerSnapshotSchema.parse({ asOf, months, windowFrom, departments });
}
