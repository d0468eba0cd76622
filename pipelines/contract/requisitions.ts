/**
 * The Requisitions document (issue 18, Deliver 2): `hirescope requisitions --json` and the site's
 * requisitions.json. Openings are requisitions, not people; owners (recruiter, hiring manager) are staff in
 * their work role, and null throughout when config `privacy.owners` is "hide".
 */
import { z } from 'zod';
import { stageKeys } from './stages.ts';
import type { CubeColumnType } from './cubes.ts';

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

/**
 * The rows as a snapshot cube (requisitions.arrow: dictionary-encoded, Zstandard-compressed — thousands of
 * open openings at bench scale would be megabytes of JSON). Texts, dates and nullable numbers are
 * categories (null-safe); counts are integers. requisitions.json keeps the rest of the document.
 */
export const requisitionCubeColumns = {
  opening_id: 'category', job_id: 'category', title: 'category', department: 'category', region: 'category', level: 'category',
  recruiter: 'category', hiring_manager: 'category', opened_at: 'category', days_open: 'int32', market_low: 'category',
  market_high: 'category', market_status: 'category', ...Object.fromEntries(pipelineStageKeys.map((s) => [s, 'int32'])),
  last_movement: 'category', fill_days: 'category', fill_date: 'category', fill_low: 'category', fill_high: 'category',
  curve: 'category', overdue: 'int8',
} as const satisfies Record<string, CubeColumnType>;

/** The document without its rows: requisitions.json beside requisitions.arrow. */
export const requisitionsSnapshotSchema = requisitionsReportSchema.omit({ requisitions: true }).extend({ rows: count });
export type RequisitionsSnapshot = z.infer<typeof requisitionsSnapshotSchema>;

const text = (v: number | null) => (v === null ? null : String(v));

/** Rows -> cube columns (requisitionCubeColumns). */
export function requisitionsToColumns(rows: readonly Requisition[]): Record<string, unknown[]> {
  const pick = (f: (r: Requisition) => unknown) => rows.map(f);
  return {
    opening_id: pick((r) => r.openingId), job_id: pick((r) => r.jobId), title: pick((r) => r.title), department: pick((r) => r.department),
    region: pick((r) => r.region), level: pick((r) => r.level), recruiter: pick((r) => r.recruiter), hiring_manager: pick((r) => r.hiringManager),
    opened_at: pick((r) => r.openedAt), days_open: pick((r) => r.daysOpen), market_low: pick((r) => text(r.benchmarkDays?.[0] ?? null)),
    market_high: pick((r) => text(r.benchmarkDays?.[1] ?? null)), market_status: pick((r) => r.benchmarkStatus),
    ...Object.fromEntries(pipelineStageKeys.map((s) => [s, pick((r) => r.pipeline[s])])),
    last_movement: pick((r) => r.lastMovement), fill_days: pick((r) => text(r.expectedFill.days)), fill_date: pick((r) => r.expectedFill.date),
    fill_low: pick((r) => r.expectedFill.low), fill_high: pick((r) => r.expectedFill.high), curve: pick((r) => r.expectedFill.curve),
    overdue: pick((r) => (r.overdue ? 1 : 0)),
  };
}

/** Cube columns -> rows (unchecked: parse the document with requisitionsReportSchema). */
export function requisitionsFromColumns(columns: Readonly<Record<string, readonly (string | number | null)[]>>, length: number): unknown[] {
  const at = (name: string, i: number) => columns[name]?.[i] ?? null;
  const num = (name: string, i: number) => (at(name, i) === null ? null : Number(at(name, i)));
  return Array.from({ length }, (_, i) => {
    const low = num('market_low', i);
    const high = num('market_high', i);
    const pipeline = Object.fromEntries(pipelineStageKeys.map((s) => [s, num(s, i)]));
    return {
      openingId: at('opening_id', i), jobId: at('job_id', i), title: at('title', i), department: at('department', i), region: at('region', i),
      level: at('level', i), recruiter: at('recruiter', i), hiringManager: at('hiring_manager', i), openedAt: at('opened_at', i),
      daysOpen: num('days_open', i), benchmarkDays: low === null || high === null ? null : [low, high], benchmarkStatus: at('market_status', i),
      pipeline, activeApplications: Object.values(pipeline).reduce((n: number, v) => n + (v ?? 0), 0), lastMovement: at('last_movement', i),
      expectedFill: { days: num('fill_days', i), date: at('fill_date', i), low: at('fill_low', i), high: at('fill_high', i), curve: at('curve', i) },
      overdue: num('overdue', i) === 1,
    };
  });
}
