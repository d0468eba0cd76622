/**
 * The suppression and rounding thresholds every published pay or offer figure follows (issue 15; README
 * "What is published"). pipelines/disclosure/rules.ts installs them as SQL macros (rules.sql), the
 * metric schema checks them, the site states them.
 */
export const disclosureRules = {
  /** A figure derived from pay or offer amounts needs at least this many people (config pay.minCell). */
  minCell: 5,
  /** Cells with fewer people publish Harrell-Davis percentiles, not sample quantiles (config pay.exactFrom). */
  exactFrom: 20,
  /** Published pay is rounded to this many dollars in cells under exactFrom people... */
  gridBelowExactFrom: 1000,
  /** ...and to this many from exactFrom people on (market figures too). */
  gridFromExactFrom: 100,
  /** Ratios (compa-ratio, penetration, acceptance rates) are published to this many decimals. */
  ratioDigits: 2,
  /** P10 and P90 need this many people (DESIGN §4). */
  tailsFrom: 10,
} as const;
