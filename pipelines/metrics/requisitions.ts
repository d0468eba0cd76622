/**
 * Requisitions (issue 18, Deliver 2): every open opening with its owners, days open against the regional
 * market range, the pipeline now, the last stage movement and an expected fill date read off the
 * Kaplan-Meier time-to-fill curve (metrics/kmForecast.ts).
 *
 * Which curve: DESIGN §3's (metrics/km_curve.sql, the Time to fill page's), over every opening known at
 * asOf — whatever the filters: the filters choose the rows, never a row's forecast, so an opening has the
 * same expected date in `hirescope requisitions --department X` as on the site. Per region (time to fill is
 * regional: DESIGN §3 regional timelines) when the region has at least `minRegionEvents` filled openings;
 * below that, the curve of all openings (a median on a handful of fills swings by weeks).
 */
import type { DuckDBValue } from '@duckdb/node-api';
import { requisitionsReportSchema, type ForecastCurve, type RequisitionsReport } from '../contract/requisitions.ts';
import type { BenchmarkStatus } from '../contract/status.ts';
import type { Filters } from '../contract/metrics.ts';
import { paramsFor, sqlFile } from '../lib/duckdb.ts';
import { applyFilters } from './index.ts';
import { ownersVisible } from '../lib/privacy.ts';
import type { MetricContext } from './metric.ts';
import { addDays, forecastFill, kmQuantileDays, type KmPoint } from './kmForecast.ts';

/** Filled openings a region needs for its own curve (else: all openings'). */
export const minRegionEvents = 20;

interface Row {
  opening_id: string;
  job_id: string;
  title: string | null;
  department: string | null;
  region: string;
  level: string | null;
  recruiter: string | null;
  hiring_manager: string | null;
  opened_date: string;
  days_open: number;
  low_days: number | null;
  high_days: number | null;
  benchmark_status: BenchmarkStatus | null;
  applied: number;
  screen: number;
  technical: number;
  onsite: number;
  offer: number;
  last_movement: string | null;
}

interface CurveRow {
  days: number;
  at_risk: number;
  events: number;
  survival: number;
}

/**
 * The KM curve of every opening known at asOf, of one region (or all: null): km_curve.sql on f_openings
 * re-scoped to that population. The caller restores f_openings.
 */
async function curveOf(context: MetricContext, region: string | null): Promise<KmPoint[]> {
  // every attribute filter off (owners too, once the populations filter on them): the forecast never depends on the filters
  const params: Record<string, DuckDBValue> = {
    ...context.params, from: null, department: null, level: null, source: null, recruiter: null, hiring_manager: null, region,
  };
  await applyFilters(context.warehouse, params, ['f_openings']);
  const sql = sqlFile('metrics/km_curve.sql');
  const rows = await context.warehouse.all<CurveRow>(sql, paramsFor(sql, params));
  return rows.map((r) => ({ days: r.days, atRisk: r.at_risk, events: r.events, survival: r.survival }));
}

/** One owner's openings: the recruiter and / or the hiring manager (any case). */
export interface OwnerFilters {
  readonly recruiter?: string | undefined;
  readonly hiringManager?: string | undefined;
}

/** The requisitions document for the prepared populations (filters: department, region, level) and owners. */
export async function computeRequisitions(context: MetricContext, filters: Filters = {}, owners: OwnerFilters = {}): Promise<RequisitionsReport> {
  const show = ownersVisible(context.config);
  // owner names are dropped in SQL under privacy.owners "hide": they never leave the warehouse
  const sql = sqlFile('metrics/requisitions.sql');
  const rows = await context.warehouse.all<Row>(
    sql,
    paramsFor(sql, { ...context.params, owners_shown: show, recruiter: owners.recruiter ?? null, hiring_manager: owners.hiringManager ?? null }),
  );
  const curves = new Map<string, { points: KmPoint[]; basis: 'region' | 'all' }>();
  const summaries: ForecastCurve[] = [];
  const summary = (region: string, points: KmPoint[]): ForecastCurve => ({
    region,
    openings: points[0]?.atRisk ?? 0,
    events: points.reduce((n, p) => n + p.events, 0),
    medianDays: kmQuantileDays(points, 0.5),
    p75Days: kmQuantileDays(points, 0.25),
  });
  try {
    const all = await curveOf(context, null);
    summaries.push(summary('all', all));
    for (const region of [...new Set(rows.map((r) => r.region))]) {
      const points = await curveOf(context, region);
      const s = summary(region, points);
      summaries.push(s);
      curves.set(region, s.events >= minRegionEvents ? { points, basis: 'region' } : { points: all, basis: 'all' });
    }
  } finally {
    // back to the caller's populations (the snapshot and alerts read f_openings after this)
    await applyFilters(context.warehouse, context.params, ['f_openings']);
  }
  const requisitions = rows.map((r) => {
    const { points, basis } = curves.get(r.region)!;
    const forecast = forecastFill(points, r.days_open);
    const date = (days: number | null) => (days === null ? null : addDays(r.opened_date, days));
    return {
      openingId: r.opening_id,
      jobId: r.job_id,
      title: r.title,
      department: r.department,
      region: r.region,
      level: r.level,
      recruiter: r.recruiter,
      hiringManager: r.hiring_manager,
      openedAt: r.opened_date,
      daysOpen: r.days_open,
      benchmarkDays: r.low_days === null || r.high_days === null ? null : ([r.low_days, r.high_days] as [number, number]),
      benchmarkStatus: r.benchmark_status,
      pipeline: { applied: r.applied, screen: r.screen, technical: r.technical, onsite: r.onsite, offer: r.offer },
      activeApplications: r.applied + r.screen + r.technical + r.onsite + r.offer,
      lastMovement: r.last_movement,
      expectedFill: { days: forecast.days, date: date(forecast.days), low: date(forecast.low), high: date(forecast.high), curve: basis },
      overdue: forecast.overdue,
    };
  });
  const { department, region, level } = filters;
  return requisitionsReportSchema.parse({
    asOf: String(context.params.as_of),
    filters: {
      ...(department ? { department } : {}), ...(region ? { region } : {}), ...(level ? { level } : {}),
      ...(owners.recruiter ? { recruiter: owners.recruiter } : {}), ...(owners.hiringManager ? { hiringManager: owners.hiringManager } : {}),
    },
    owners: show ? 'show' : 'hide',
    minRegionEvents,
    curves: summaries,
    requisitions,
  });
}
