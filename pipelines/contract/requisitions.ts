/**
 * The Requisitions document (issue 18, Deliver 2): `hirescope requisitions --json` and the site's
 * requisitions.json. Openings are requisitions, not people; owners (recruiter, hiring manager) are staff in
 * their work role, and null throughout when config `privacy.owners` is "hide".
 */
import { z } from 'zod';
import { stageKeys } from './stages.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const count = z.number().int().nonnegative();

/** The stages an active application can be at (all but hired), in funnel order: the pipeline's columns. */
export const pipelineStage = z.enum(stageKeys).exclude(['hired']);
export const pipelineStageKeys = pipelineStage.options;

/** Which Kaplan-Meier curve forecasts an opening: its region's, or all openings' when the region has too few fills. */
export const curveBases = ['region', 'all'] as const;
export type CurveBasis = (typeof curveBases)[number];

export const requisitionSchema = z.object({
  openingId: z.string(),
  jobId: z.string(),
  title: z.string().nullable(),
  department: z.string().nullable(),
  region: z.string(),
  level: z.string().nullable(),
  recruiter: z.string().nullable(),
  hiringManager: z.string().nullable(),
  openedAt: isoDate,
  daysOpen: count,
  /** The region's market range in days (the regional timelines' benchmark), null without one. */
  benchmarkDays: z.tuple([z.number(), z.number()]).nullable(),
  /** Days open against that range. */
  benchmarkStatus: z.enum(['below', 'within', 'above']).nullable(),
  /** Active applications of the job at asOf by their furthest stage. */
  pipeline: z.record(pipelineStage, count),
  activeApplications: count,
  /** Latest day any application of the job entered or left a stage (up to asOf). */
  lastMovement: isoDate.nullable(),
  /** Conditional Kaplan-Meier median given daysOpen, as days since opening and as a date, with its 95% interval. */
  expectedFill: z.object({
    days: z.number().int().nullable(),
    date: isoDate.nullable(),
    /** The interval's ends; `high` null = the upper bound never falls to one half (open-ended). */
    low: isoDate.nullable(),
    high: isoDate.nullable(),
    curve: z.enum(curveBases),
  }),
  /** daysOpen past the curve's P75 (smallest event time with S(t) <= 0.25). */
  overdue: z.boolean(),
});
export type Requisition = z.infer<typeof requisitionSchema>;

/** One curve the forecasts read: per region (or `all`), its filled openings (events) and P50 / P75 in days. */
export const forecastCurveSchema = z.object({
  region: z.string(),
  openings: count,
  events: count,
  medianDays: z.number().int().nullable(),
  p75Days: z.number().int().nullable(),
});
export type ForecastCurve = z.infer<typeof forecastCurveSchema>;

export const requisitionsReportSchema = z.object({
  asOf: isoDate,
  filters: z.object({
    department: z.string().optional(),
    region: z.string().optional(),
    level: z.string().optional(),
    recruiter: z.string().optional(),
    hiringManager: z.string().optional(),
  }),
  owners: z.enum(['show', 'hide']),
  /** A region's own curve is used from this many filled openings on; below it, the curve of all openings. */
  minRegionEvents: count,
  curves: z.array(forecastCurveSchema),
  requisitions: z.array(requisitionSchema),
});
export type RequisitionsReport = z.infer<typeof requisitionsReportSchema>;

/** The CSV columns (CLI --csv and the page's download), one row per opening. */
export const requisitionColumns = [
  'opening_id', 'job_id', 'title', 'department', 'region', 'level', 'recruiter', 'hiring_manager', 'opened_at', 'days_open',
  'market_low_days', 'market_high_days', 'market_status', ...pipelineStageKeys,
  'last_movement', 'expected_fill', 'expected_fill_low', 'expected_fill_high', 'forecast_curve', 'overdue',
] as const;

/** One CSV row of an opening (pass through toCsv: formula-safe). */
export function requisitionCsvRow(r: Requisition): (string | number | null)[] {
  return [
    r.openingId, r.jobId, r.title, r.department, r.region, r.level, r.recruiter, r.hiringManager, r.openedAt, r.daysOpen,
    r.benchmarkDays?.[0] ?? null, r.benchmarkDays?.[1] ?? null, r.benchmarkStatus, ...pipelineStageKeys.map((s) => r.pipeline[s]), r.lastMovement, r.expectedFill.date, r.expectedFill.low,
    r.expectedFill.high, r.expectedFill.curve, r.overdue ? 'yes' : 'no',
  ];
}

/** The id of an opening's row on the Requisitions page (the alerts link to it). */
export function requisitionAnchor(openingId: string): string {
  return `opening-${openingId}`;
}

/** The link to an opening's row, relative to the site's base (`/` or `/sub/`). */
export function requisitionHref(base: string, openingId: string): string {
  return `${base}requisitions/#${encodeURIComponent(requisitionAnchor(openingId))}`;
}
