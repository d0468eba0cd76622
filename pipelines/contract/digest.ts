/**
 * The digest (issue 18, Deliver 7): `hirescope digest --json`, the document the Slack payload and the
 * HTML e-mail body are rendered from, and the digest state a refresh keeps in its state folder.
 * Aggregates only: no candidate, no application, no salary.
 */
import { z } from 'zod';
import { alertSchema } from './alerts.ts';
import { rateStatuses } from './status.ts';
import { kpiComparisonSchema } from './tiles.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const count = z.number().int().nonnegative();

/**
 * The four Overview tiles now (period `comparison.periods.current`, open openings at asOf); their changes
 * are in `comparison` (issue 18 Deliver 5: against the previous period of the same length and the same
 * period a year earlier).
 */
export const digestTilesSchema = z.object({
  offerAcceptance: z.object({
    rate: z.number().nullable(),
    status: z.enum(rateStatuses),
    ci95: z.tuple([z.number(), z.number()]).nullable(),
    accepted: count,
    declined: count,
  }),
  timeToFill: z.object({ medianDays: z.number().nullable(), filled: count, benchmarkDays: z.number(), benchmarkSource: z.string() }),
  openOpenings: count,
  hires: count,
});
export type DigestTiles = z.infer<typeof digestTilesSchema>;

export const digestOpeningSchema = z.object({
  openingId: z.string(),
  title: z.string().nullable(),
  department: z.string().nullable(),
  region: z.string(),
  daysOpen: count,
  /** Only when jobs carry a recruiter and config privacy.owners is not "hide". */
  recruiter: z.string().nullable().optional(),
});
export type DigestOpening = z.infer<typeof digestOpeningSchema>;

/** An alert remembered by the digest: `id` = rule:subject:level (a watch that becomes an alarm is a new alert). */
export const digestAlertSchema = alertSchema.extend({ id: z.string() });
export type DigestAlert = z.infer<typeof digestAlertSchema>;

export const digestSchema = z.object({
  asOf: isoDate,
  tiles: digestTilesSchema,
  comparison: kpiComparisonSchema,
  alerts: z.object({
    active: count,
    /** When the last digest was sent (null: this is the first, and every active alert is new). */
    since: z.string().nullable(),
    new: z.array(digestAlertSchema),
    resolved: z.array(digestAlertSchema),
  }),
  oldestOpenings: z.array(digestOpeningSchema),
  siteUrl: z.string().nullable(),
});
export type Digest = z.infer<typeof digestSchema>;

/** <state>/digest.json: the last digest sent (its time, as-of and alerts), for the cadence and new/resolved alerts. */
export const digestStateSchema = z.object({
  lastSentAt: z.string(),
  asOf: isoDate,
  alerts: z.array(digestAlertSchema),
});
export type DigestState = z.infer<typeof digestStateSchema>;
