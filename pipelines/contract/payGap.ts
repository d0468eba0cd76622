/**
 * The pay-gap report (issue 19, EU Pay Transparency Directive 2023/970 Article 9): the JSON that
 * `hirescope report pay-gap --json` prints and the Pay equity page reads, exactly the shape.
 * Gaps are fractions (0.123 = 12.3%), (men's value - women's value) / men's value; a suppressed value is
 * null, and so are the counts of a suppressed category. No DuckDB here: the site imports it.
 */
import { z } from 'zod';

const count = z.number().int().nonnegative();
/** A gap may be negative (women paid more) and, in theory, below -1. */
const gap = z.number().nullable();
const share = z.number().min(0).max(1).nullable();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const payGapQuartileSchema = z
  .object({
    /** 1 = lowest-paid quarter by hourly total pay. */
    band: z.number().int().min(1).max(4),
    women: count.nullable(),
    men: count.nullable(),
    shareWomen: share,
    shareMen: share,
  })
  .strict();

export const payGapCategorySchema = z
  .object({
    category: z.string(),
    women: count.nullable(),
    men: count.nullable(),
    suppressed: z.boolean(),
    basicMeanGap: gap,
    basicMedianGap: gap,
    variableMeanGap: gap,
    variableMedianGap: gap,
    /** Mean gap of hourly total pay 5% or more in either direction (Article 10); false when suppressed. */
    jointAssessment: z.boolean(),
  })
  .strict();

export const payGapControls = ['category', 'country', 'tenure'] as const;

export const payGapReportSchema = z
  .object({
    asOf: isoDate,
    currency: z.string().regex(/^[A-Z]{3}$/),
    workers: z.object({ women: count, men: count, other: count, undisclosed: count }).strict(),
    /** Article 9(1)(a), (c): hourly basic pay. */
    hourly: z.object({ meanGap: gap, medianGap: gap }).strict(),
    /** The same for annual basic pay. */
    annual: z.object({ meanGap: gap, medianGap: gap }).strict(),
    /** Article 9(1)(b), (d) among receivers, (e) shares of each sex receiving variable pay. */
    variable: z.object({ meanGap: gap, medianGap: gap, shareWomen: share, shareMen: share }).strict(),
    /** Article 9(1)(f): quartile pay bands of hourly total pay. */
    quartiles: z.array(payGapQuartileSchema),
    /** Article 9(1)(g): per category of workers. */
    categories: z.array(payGapCategorySchema),
    /** OLS of ln(hourly basic pay) on female + controls: gap = 1 - exp(beta), 95% interval [low, high]. */
    adjusted: z
      .object({ gap, low: gap, high: gap, controls: z.array(z.enum(payGapControls)) })
      .strict(),
    /** Annual raise (report currency) bringing each category's mean annual basic gap down to 5%. */
    costToClose: z.number().nonnegative().nullable(),
  })
  .strict();

export type PayGapReport = z.infer<typeof payGapReportSchema>;
export type PayGapCategory = z.infer<typeof payGapCategorySchema>;
export type PayGapQuartile = z.infer<typeof payGapQuartileSchema>;

/** Article 7: a category's average pay by sex, for a worker's request. */
export const payRequestSchema = z
  .object({
    asOf: isoDate,
    currency: z.string().regex(/^[A-Z]{3}$/),
    category: z.string(),
    suppressed: z.boolean(),
    women: z.object({ count: count.nullable(), meanHourly: z.number().nullable(), meanAnnual: z.number().nullable() }).strict(),
    men: z.object({ count: count.nullable(), meanHourly: z.number().nullable(), meanAnnual: z.number().nullable() }).strict(),
  })
  .strict();
export type PayRequest = z.infer<typeof payRequestSchema>;
