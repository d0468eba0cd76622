/**
 * The `metrics --json` document (DESIGN §5), as zod schemas. Shared: the CLI checks its output against
 * them and the site imports them for the snapshot. No DuckDB here.
 */
import { z } from 'zod';
import { agingBuckets, type AgingBucket } from './dimensions.ts';
import { disclosureRules } from './disclosure.ts';
import { stageKeys } from './stages.ts';
import { benchmarkStatuses, rateStatuses } from './status.ts';
import { kpiComparisonSchema } from './tiles.ts';

const count = z.number().int().nonnegative();
const days = z.number().nullable();
const ratio = z.number().min(0).max(1).nullable();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);


export const filtersSchema = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    department: z.string().optional(),
    region: z.string().optional(),
    level: z.string().optional(),
    source: z.string().optional(),
    /** The job's owners (issue 18): --recruiter, --hiring-manager. */
    recruiter: z.string().optional(),
    hiringManager: z.string().optional(),
  })
  .strict();
export type Filters = z.infer<typeof filtersSchema>;

export const offerAcceptanceSchema = z.object({
  accepted: count,
  declined: count,
  pending: count,
  rescinded: count,
  rate: ratio,
  ci95: z.tuple([z.number(), z.number()]).nullable(),
  status: z.enum(rateStatuses),
  thresholds: z.object({ healthy: z.number(), alarm: z.number() }),
  minOffers: count,
});

export const timeToFillSchema = z.object({
  filled: count,
  medianDays: days,
  meanDays: days,
  p75Days: days,
  open: count,
  openAging: z.object(Object.fromEntries(agingBuckets.map((b) => [b, count])) as Record<AgingBucket, typeof count>),
  kmMedianDays: days,
  kmCurve: z.array(
    z.object({ days: z.number().int(), atRisk: count, events: count, censored: count, survival: z.number().min(0).max(1) }),
  ),
});

export const timeToHireSchema = z.object({ hires: count, medianDays: days, meanDays: days });

export const funnelStageSchema = z.object({
  stage: z.enum(stageKeys),
  reached: count,
  advanced: count.nullable(),
  passThrough: ratio,
  rejected: count,
  withdrew: count,
  other: count,
  active: count,
});

export const timeInStageSchema = z.object({ stage: z.enum(stageKeys), stays: count, medianDays: days });

export const sourceSchema = z.object({
  source: z.string(),
  applications: count,
  hires: count,
  hireRate: z.number().min(0).max(1),
  offersAccepted: count,
  offersDeclined: count,
});

const acceptedDeclined = z.object({ accepted: count, declined: count });
export const offerSpeedSchema = z.object({ within2Days: acceptedDeclined, later: acceptedDeclined });

export const regionSchema = z.object({
  region: z.string(),
  filled: count,
  medianTimeToFillDays: days,
  benchmarkDays: z.tuple([z.number(), z.number()]).nullable(),
  status: z.enum(benchmarkStatuses).nullable(),
});

const dollars = z.number().int().nullable();

/** DESIGN §4: one cell; suppressed cells carry no n and no percentile. */
export const payBandSchema = z
  .object({
    roleFamily: z.string(),
    level: z.string(),
    region: z.string(),
    suppressed: z.boolean(),
    n: count.nullable(),
    currency: z.literal('USD'),
    p10: dollars,
    p25: dollars,
    p50: dollars,
    p75: dollars,
    p90: dollars,
    /** Published figures only (issue 15): the grid the cell's pay figures are rounded to, and how its percentiles were estimated. */
    roundedTo: z.number().int().positive().optional(),
    estimator: z.enum(['harrell-davis', 'sample']).optional(),
    market: z.object({ source: z.string(), low: dollars, high: dollars, midpoint: z.number().int() }).nullable(),
    compaRatio: z.number().nullable(),
    belowMarket: z.boolean().nullable(),
  })
  .refine((b) => !b.suppressed || (b.n === null && [b.p10, b.p25, b.p50, b.p75, b.p90].every((p) => p === null)), {
    message: 'a suppressed cell must not publish n or percentiles',
  })
  .refine((b) => (b.n !== null && b.n >= disclosureRules.tailsFrom) || (b.p10 === null && b.p90 === null), {
    message: `P10 and P90 need n >= ${disclosureRules.tailsFrom}`,
  });

const acceptance = z.object({ accepted: count, declined: count, rate: ratio }).nullable();
export const offerBandGroupSchema = z.object({
  roleFamily: z.string(),
  level: z.string(),
  region: z.string(),
  offers: count,
  suppressed: z.boolean(),
  below: count.nullable(),
  within: count.nullable(),
  above: count.nullable(),
  medianPenetration: z.number().nullable(),
});
export const offersVsBandsSchema = z.object({
  overall: z.object({
    offers: count,
    unbanded: count,
    suppressed: z.boolean(),
    below: count.nullable(),
    within: count.nullable(),
    above: count.nullable(),
    medianPenetration: z.number().nullable(),
    acceptance: z.object({ below: acceptance, within: acceptance, above: acceptance }),
  }),
  cells: z.array(offerBandGroupSchema),
});

export const dataQualitySchema = z.object({
  rowsRead: count,
  rowsLoaded: count,
  rowsRejected: count,
  unmappedStages: z.array(z.string()),
  /** Current employees left out of the pay bands: no exchange rate for their currency at asOf. */
  payRowsWithoutRate: count,
  /** Counting offers settled (accepted, declined, rescinded) with no resolution date: in the rate, not in monthly trends. */
  offersWithoutResolutionDate: count,
});

export const metricsSchema = z.object({
  asOf: isoDate,
  filters: filtersSchema,
  offerAcceptance: offerAcceptanceSchema,
  timeToFill: timeToFillSchema,
  timeToHire: timeToHireSchema,
  funnel: z.array(funnelStageSchema),
  timeInStage: z.array(timeInStageSchema),
  sources: z.array(sourceSchema),
  offerSpeed: offerSpeedSchema,
  regions: z.array(regionSchema),
  payBands: z.array(payBandSchema),
  offersVsBands: offersVsBandsSchema,
  dataQuality: dataQualitySchema,
  /** `metrics --compare`: the KPI tiles against the previous period and a year earlier (contract/compare.ts). */
  comparison: kpiComparisonSchema.optional(),
  /**
   * How fresh the data is (pipelines/metrics/asOf.ts): the newest event's day, its age in days and
   * whether that is over config staleAfterDays. Added by the CLI (it depends on today, not on asOf).
   */
  freshness: z
    .object({ newestEvent: isoDate.nullable(), staleDays: count.nullable(), staleAfterDays: count, stale: z.boolean() })
    .strict()
    .optional(),
});
export type Metrics = z.infer<typeof metricsSchema>;
