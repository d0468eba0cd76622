/**
 * `hirescope reasons --json` (issue 18 "Why"): the funnel's drop-off and the offer declines split by
 * reason, over the period and per quarter. A reason's text is published only when at least
 * `reasonMinCandidates` distinct candidates share it in the published cell (else "Other reasons").
 */
import { z } from 'zod';
import { filtersSchema } from './metrics.ts';
import { stageKeys } from './stages.ts';

/** Distinct candidates a reason's text needs in a published cell (the literal 3 in pipelines/sql/reasons and cube_reasons.sql). */
export const reasonMinCandidates = 3;
/** The label of reasons folded by the rule above, and of a missing reason. */
export const otherReasons = 'Other reasons';
export const notGiven = 'Not given';
/** How an application left the funnel, as the funnel counts it (rejection_type), or a declined offer. */
export const dropOutcomes = ['rejected', 'withdrew', 'other'] as const;
export const reasonOutcomes = [...dropOutcomes, 'declined'] as const;
export type ReasonOutcome = (typeof reasonOutcomes)[number];

const quarter = z.string().regex(/^\d{4}-Q[1-4]$/);
const count = z.number().int().nonnegative();
const share = z.number().min(0).max(1);

export const dropOffReasonSchema = z.object({ stage: z.enum(stageKeys), outcome: z.enum(dropOutcomes), reason: z.string(), count, share });
export const declineReasonSchema = z.object({ reason: z.string(), count, share });

export const reasonsReportSchema = z.object({
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  filters: filtersSchema,
  minCandidates: z.number().int(),
  /** Per stage x outcome over the period; share of the stage x outcome. */
  dropOff: z.array(dropOffReasonSchema),
  /** The same per quarter of application. */
  dropOffByQuarter: z.array(dropOffReasonSchema.extend({ quarter })),
  /** Declined offers resolved in the period; share of the declines. */
  declines: z.array(declineReasonSchema),
  /** The same per quarter of resolution. */
  declinesByQuarter: z.array(declineReasonSchema.extend({ quarter })),
});
export type ReasonsReport = z.infer<typeof reasonsReportSchema>;
