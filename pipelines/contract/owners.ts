/**
 * `hirescope owners --json` (issue 18 "Owner views"): a row per recruiter and per hiring manager — open
 * openings, hires, median time to fill, offer acceptance with its 95% Wilson interval, stage
 * pass-through and active load. A rate on fewer than `minRateEvents` events is "too few": its rate is null
 * and `tooFew` true (the counts stay). No zod import in the browser part: the site imports the constants only.
 */
import { z } from 'zod';
import { filtersSchema } from './metrics.ts';
import { stageKeys } from './stages.ts';

export { minRateEvents, tooFewText, unassignedOwner } from './ownerRules.ts';

const count = z.number().int().nonnegative();
const ratio = z.number().min(0).max(1).nullable();

export const ownerRowSchema = z.object({
  owner: z.string(),
  openOpenings: count,
  hires: count,
  filled: count,
  medianTimeToFillDays: z.number().nullable(),
  offerAcceptance: z.object({ accepted: count, declined: count, rate: ratio, ci95: z.tuple([z.number(), z.number()]).nullable(), tooFew: z.boolean() }),
  passThrough: z.array(z.object({ stage: z.enum(stageKeys), reached: count, advanced: count, rate: ratio, tooFew: z.boolean() })),
  activeLoad: count,
});
export type OwnerRow = z.infer<typeof ownerRowSchema>;

export const ownersReportSchema = z.object({
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  filters: filtersSchema,
  minRateEvents: z.number().int(),
  recruiters: z.array(ownerRowSchema),
  hiringManagers: z.array(ownerRowSchema),
});
export type OwnersReport = z.infer<typeof ownersReportSchema>;
