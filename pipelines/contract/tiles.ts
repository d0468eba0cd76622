/**
 * zod schemas of issue 18 Deliver 5 (the types and pure functions: contract/compare.ts and
 * contract/thresholds.ts, which the site imports without zod): the `comparison` block of
 * `metrics --compare --json`, and a threshold cell of the config and the snapshot's meta.
 */
import { z } from 'zod';
import type { KpiComparison } from './compare.ts';
import type { RateCell } from './thresholds.ts';

const count = z.number().int().nonnegative();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const periodSchema = z.object({ from: isoDate, to: isoDate }).strict();

/** The four KPI tiles' figures for one period. */
export const kpiFiguresSchema = z
  .object({
    offerAcceptance: z
      .object({
        accepted: count,
        declined: count,
        rate: z.number().min(0).max(1).nullable(),
        ci95: z.tuple([z.number(), z.number()]).nullable(),
      })
      .strict(),
    /** Median days to fill over the openings filled in the period. */
    medianTimeToFillDays: z.number().nullable(),
    filled: count,
    /** Openings open at the period's end (the current period: at asOf, as its tile). */
    openOpenings: count,
    /** Hires dated in the period. */
    hires: count,
  })
  .strict();

/** The current period's figures minus a comparison period's; null where either side has none. */
export const kpiChangeSchema = z
  .object({
    offerAcceptance: z
      .object({
        /** Percentage points (rate - baseline rate) x 100. */
        points: z.number().nullable(),
        /** False when the two 95% Wilson intervals overlap ("not significant"); null without both intervals. */
        significant: z.boolean().nullable(),
      })
      .strict(),
    medianTimeToFillDays: z.number().nullable(),
    openOpenings: z.number().int(),
    hires: z.number().int(),
    /** hires / baseline hires - 1; null when the baseline had none. */
    hiresRelative: z.number().nullable(),
  })
  .strict();

/** The `comparison` block of `metrics --compare --json` (README "Compared with what"). */
export const kpiComparisonSchema = z
  .object({
    unit: z.enum(['month', 'day']),
    length: z.number().int().positive(),
    periods: z.object({ current: periodSchema, previous: periodSchema, yearEarlier: periodSchema }).strict(),
    figures: z.object({ current: kpiFiguresSchema, previous: kpiFiguresSchema, yearEarlier: kpiFiguresSchema }).strict(),
    change: z.object({ previous: kpiChangeSchema, yearEarlier: kpiChangeSchema }).strict(),
  })
  .strict();


/** The checked document (mutable arrays, as metrics --json carries it); assignable to KpiComparison. */
export type KpiComparisonDocument = z.infer<typeof kpiComparisonSchema>;

// the schema and the interface describe the same document
export const checkComparison: (value: z.infer<typeof kpiComparisonSchema>) => KpiComparison = (value) => value;

export const rateCellSchema = z
  .object({
    department: z.string().min(1).optional(),
    region: z.string().min(1).optional(),
    healthy: z.number().min(0).max(1).optional(),
    alarm: z.number().min(0).max(1).optional(),
    minOffers: z.number().int().nonnegative().optional(),
  })
  .strict()
  .refine((c) => c.department !== undefined || c.region !== undefined, 'a cell names a department, a region or both')
  .refine((c) => c.healthy === undefined || c.alarm === undefined || c.alarm <= c.healthy, 'alarm must not be above healthy');


export const checkCell: (value: z.infer<typeof rateCellSchema>) => RateCell = (value) => value;
