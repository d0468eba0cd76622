/**
 * The site's pay-gap file (`pay_gap.json`, issue 19 Deliver 4): the Article 9 report of the engine
 * (pipelines/paygap) for the whole company and for every region, department and region x department that
 * has workers at as-of, each after the engine's suppression (in SQL) and the secondary suppression of
 * nested views (pipelines/disclosure/payGapViews.ts). Aggregates only: no row about one person.
 */
import { z } from 'zod';
import { payGapReportSchema } from './payGap.ts';

/** Why a view's company-wide figures (headline gaps, quartiles, adjusted gap, cost) are not published. */
export const payGapViewSuppression = ['none', 'primary', 'secondary'] as const;

export const payGapViewSchema = z
  .object({
    /** null = every region. */
    region: z.string().nullable(),
    /** null = every department. */
    department: z.string().nullable(),
    /**
     * `primary`: fewer than minCell women or men in the view (the engine's rule); `secondary`: the view
     * differs from a published view containing it by 1 to minCell - 1 women or men; `none`: published.
     */
    suppression: z.enum(payGapViewSuppression),
    /** Categories withheld by secondary suppression (their row shows as suppressed). */
    secondaryCategories: z.array(z.string()),
    /** The cost to close withheld (a money figure: published only when no nested difference isolates fewer than minCell). */
    costWithheld: z.boolean(),
    report: payGapReportSchema,
  })
  .strict();

export const payGapSnapshotSchema = z
  .object({
    asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    currency: z.string().regex(/^[A-Z]{3}$/),
    minCell: z.number().int().min(3),
    /** Why no view is published (no exchange rate for the report currency at as-of), else null. */
    unavailable: z.string().nullable(),
    views: z.array(payGapViewSchema),
  })
  .strict();

export type PayGapView = z.infer<typeof payGapViewSchema>;
export type PayGapSnapshot = z.infer<typeof payGapSnapshotSchema>;
