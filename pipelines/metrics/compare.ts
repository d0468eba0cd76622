/**
 * The KPI tiles compared with the previous period of the same length and the same period a year earlier
 * (issue 18, Deliver 5; the rules: pipelines/contract/compare.ts). Used by `hirescope metrics --compare`
 * and by the weekly digest; the site computes the same figures from its cubes (src/lib/pages.ts).
 */
import type { Config } from '../lib/config.ts';
import { paramsFor, sqlFile, type Warehouse } from '../lib/duckdb.ts';
import { comparisonPeriods, kpiComparison, type KpiFigures, type Period } from '../contract/compare.ts';
import { kpiComparisonSchema, type KpiComparisonDocument } from '../contract/tiles.ts';
import { prepareMetrics, type MetricsRequest } from './index.ts';
import { queryMetric, type MetricContext } from './metric.ts';

interface OarRow {
  accepted: number;
  declined: number;
  rate: number | null;
  ci_low: number | null;
  ci_high: number | null;
}

/** The first day of the data's first month (the Overview's "Beginning"), or null for an empty warehouse. */
export async function dataStart(warehouse: Warehouse): Promise<string | null> {
  return (await warehouse.maybeOne<{ start: string | null }>(sqlFile('compare/data_start.sql')))?.start ?? null;
}

/** The period of a prepared context: its from (else the data's first month) to its to. */
export async function periodOf(context: MetricContext): Promise<Period> {
  const to = String(context.params.to);
  const from = context.params.from === null ? ((await dataStart(context.warehouse)) ?? `${to.slice(0, 8)}01`) : String(context.params.from);
  return { from: from > to ? `${to.slice(0, 8)}01` : from, to };
}

/** The tiles' figures for one period; open openings counted at `openAt`. */
export async function kpiFigures(context: MetricContext, period: Period, openAt: string): Promise<KpiFigures> {
  const scoped: MetricContext = { ...context, params: { ...context.params, from: period.from, to: period.to } };
  const [oar] = await queryMetric<OarRow>(scoped, 'offer_acceptance');
  const [fill] = await queryMetric<{ filled: number; median_days: number | null }>(scoped, 'time_to_fill');
  const [hire] = await queryMetric<{ hires: number }>(scoped, 'time_to_hire');
  const openSql = sqlFile('compare/open_at.sql');
  const open = await context.warehouse.maybeOne<{ open: number }>(openSql, paramsFor(openSql, { ...context.params, as_of: openAt }));
  return {
    offerAcceptance: {
      accepted: oar!.accepted,
      declined: oar!.declined,
      rate: oar!.rate,
      ci95: oar!.ci_low === null || oar!.ci_high === null ? null : [oar!.ci_low, oar!.ci_high],
    },
    medianTimeToFillDays: fill!.median_days,
    filled: fill!.filled,
    openOpenings: open!.open,
    hires: hire!.hires,
  };
}

/** The comparison on populations already prepared (prepareMetrics with the view's filters). */
export async function comparisonFor(context: MetricContext): Promise<KpiComparisonDocument> {
  const periods = comparisonPeriods(await periodOf(context));
  const comparison = kpiComparison(periods, {
    // the current period's open openings at asOf, as its tile shows them; the others at their last day
    current: await kpiFigures(context, periods.current, String(context.params.as_of)),
    previous: await kpiFigures(context, periods.previous, periods.previous.to),
    yearEarlier: await kpiFigures(context, periods.yearEarlier, periods.yearEarlier.to),
  });
  return kpiComparisonSchema.parse(comparison);
}

/**
 * The four KPI tiles (offer acceptance, median time to fill, open openings, hires) for the request's
 * period and filters, against the previous period of the same length and the same period a year
 * earlier, with the changes (OAR: not significant when the 95% Wilson intervals overlap).
 */
export async function compareKpis(warehouse: Warehouse, config: Config, request: MetricsRequest = {}): Promise<KpiComparisonDocument> {
  return comparisonFor(await prepareMetrics(warehouse, config, request));
}
