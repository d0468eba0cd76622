/**
 * zod schemas of the planner (issue 18, Deliver 6): the snapshot's planner.json (the history the page's
 * form plans from) and the `hirescope plan --json` document. Types and arithmetic: contract/plan.ts.
 */
import { z } from 'zod';
import { planDurations, planStages, planSteps, type Plan, type PlannerRates } from './plan.ts';

const count = z.number().int().nonnegative();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const byKey = <K extends string, S extends z.ZodType>(keys: readonly K[], schema: S) =>
  z.object(Object.fromEntries(keys.map((k) => [k, schema])) as Record<K, S>).strict();

export const plannerRatesSchema = z
  .object({
    department: z.string().nullable(),
    steps: byKey(planSteps, z.object({ advanced: count, decided: count }).strict()),
    durations: byKey(planDurations, z.number().nonnegative().nullable()),
  })
  .strict();

/** planner.json: as of, the months of history, their first day, and each department's rates (the company first). */
export const plannerSnapshotSchema = z
  .object({ asOf: isoDate, months: z.number().int().positive(), windowFrom: isoDate, departments: z.array(plannerRatesSchema) })
  .strict();
export type PlannerSnapshot = z.infer<typeof plannerSnapshotSchema>;

const perWeek = z.number().nonnegative().nullable();
export const planSchema = z
  .object({
    department: z.string().nullable(),
    hires: z.number().int().positive(),
    by: isoDate,
    asOf: isoDate,
    startsOn: isoDate,
    leadDays: count,
    weeks: count,
    feasible: z.boolean(),
    earliestBy: isoDate,
    rates: z.array(
      z
        .object({
          step: z.enum(planSteps),
          advanced: count,
          decided: count,
          rate: z.number().min(0).max(1).nullable(),
          ci95: z.tuple([z.number(), z.number()]).nullable(),
        })
        .strict(),
    ),
    durations: byKey(planDurations, z.number().nonnegative().nullable()),
    stages: z.array(
      z
        .object({
          stage: z.enum(planStages),
          needed: count,
          low: count,
          high: count.nullable(),
          perWeek,
          perWeekLow: perWeek,
          perWeekHigh: perWeek,
          startsOn: isoDate,
          daysIn: count,
        })
        .strict(),
    ),
    missing: z.array(z.enum(planSteps)),
  })
  .strict();

/** `hirescope plan --json`: the plan, and the months of history it was made from. */
export const planDocumentSchema = z
  .object({ months: z.number().int().positive(), windowFrom: isoDate, plan: planSchema })
  .strict();
export type PlanDocument = z.infer<typeof planDocumentSchema>;

// the schemas and the interfaces describe the same documents
export const checkRates: (value: z.infer<typeof plannerRatesSchema>) => PlannerRates = (value) => value;
export const checkPlan: (value: z.infer<typeof planSchema>) => Plan = (value) => value;
