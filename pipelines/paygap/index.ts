/**
 * The pay-gap report engine (issue 19, docs/pay-equity.md): every figure is computed and suppressed in
 * SQL (pipelines/sql/paygap/); only the regression is solved in JS (regression.ts), from per-cell sums
 * formed in SQL, held in memory for that call and never written anywhere.
 */
import { configSchema, type Config } from '../lib/config.ts';
import { paramsFor, sqlFile, type Warehouse } from '../lib/duckdb.ts';
import { ensureSchema } from '../ingest/schema.ts';
import { loadReferenceTables } from '../metrics/reference.ts';
import { applyFilters } from '../metrics/index.ts';
import { payGapReportSchema, payRequestSchema, type PayGapReport, type PayRequest } from '../contract/payGap.ts';
import { adjustedGapOfCells, controlsOfCells, type RegressionCell } from './regression.ts';

export interface PayGapOptions {
  /** YYYY-MM-DD: workers employed at this date (each employee's latest row with effective_date <= asOf). */
  readonly asOf: string;
  /** ISO 4217 report currency (config payGap.currency, default EUR). */
  readonly currency: string;
  /** Smallest number of women and of men behind any published figure (config payGap.minCell, default 5). */
  readonly minCell: number;
  /** Hours of a full-time week (default: config payGap.standardHours, 40). */
  readonly standardHours?: number | undefined;
  /** Filters, applied before suppression. */
  readonly region?: string | undefined;
  readonly department?: string | undefined;
  /** Reference overrides (country regions, level aliases); default: the shipped defaults. */
  readonly config?: Config | undefined;
  /**
   * The caller built the shared population (pg_base) once with payGapViews: this call only filters it.
   * Otherwise the call builds and drops its own.
   */
  readonly shared?: boolean | undefined;
}

/** The filters of one view (absent = not filtered). */
export interface PayGapFilters {
  readonly region?: string | undefined;
  readonly department?: string | undefined;
}

/** Raised when the report currency has no exchange rate at asOf (a usage problem, never guessed). */
export class UnknownCurrencyError extends Error {}

interface PayGapParams extends Record<string, string | number | null> {
  as_of: string;
  currency: string;
  min_cell: number;
  standard_hours: number;
}

function paramsOf(options: PayGapOptions, config: Config): PayGapParams {
  return {
    as_of: options.asOf,
    currency: options.currency.toUpperCase(),
    min_cell: options.minCell,
    standard_hours: options.standardHours ?? config.payGap.standardHours,
  };
}

/** Build pg_base (every worker at asOf, pay in the report currency, not filtered) on this connection. */
async function prepareBase(warehouse: Warehouse, options: PayGapOptions): Promise<void> {
  const config = options.config ?? configSchema.parse({});
  await ensureSchema(warehouse);
  // ref_country, ref_level, ref_fx: the staging of the hiring tables is not read here (and cost ~2 s at bench scale)
  await loadReferenceTables(warehouse, config);
  const params = paramsOf(options, config);
  await applyFilters(warehouse, params, ['f_fx']);
  const rate = await warehouse.maybeOne(`SELECT 1 FROM f_fx WHERE currency = $currency`, { currency: params.currency });
  if (!rate) throw new UnknownCurrencyError(`no exchange rate for ${params.currency} on or before ${options.asOf}`);
  const sql = sqlFile('paygap/population_base.sql');
  await warehouse.run(sql, paramsFor(sql, params));
}

/**
 * Build pg_views (views.sql: view_id = index in `views`) and pg_population (population.sql: the workers of each
 * view at asOf, view_id beside each row) on this connection, from pg_base.
 */
async function preparePopulation(warehouse: Warehouse, options: PayGapOptions, views: readonly PayGapFilters[]): Promise<PayGapParams> {
  if (!options.shared) await prepareBase(warehouse, options);
  const params = paramsOf(options, options.config ?? configSchema.parse({}));
  const list = views.map((v, viewId) => ({ view_id: viewId, region: v.region ?? null, department: v.department ?? null }));
  await warehouse.run(sqlFile('paygap/views.sql'), { views: JSON.stringify(list) });
  await warehouse.run(sqlFile('paygap/population.sql'));
  return params;
}

/** The one view of a report's filters (region, department of the options). */
const viewOf = (options: PayGapOptions): PayGapFilters => ({ region: options.region, department: options.department });

/**
 * Many views of one as-of (the snapshot's pay_gap.json: the company and ~50 regions / departments): the
 * population is built once, and `reports` computes the reports of all the views it is given with one run of
 * each query (each view filtered, then suppressed on its own, exactly as payGapReport with those filters);
 * every person-level temp table is dropped when `work` is done, whatever happens.
 */
export async function payGapViews<T>(
  warehouse: Warehouse,
  options: PayGapOptions,
  work: (reports: (views: readonly PayGapFilters[]) => Promise<PayGapReport[]>) => Promise<T>,
): Promise<T> {
  try {
    await prepareBase(warehouse, options);
    return await work(async (views) => {
      try {
        return await computeReports(warehouse, { ...options, shared: true }, views);
      } finally {
        await dropWorkTables(warehouse, true);
      }
    });
  } finally {
    await dropWorkTables(warehouse, false);
  }
}

async function query<T>(warehouse: Warehouse, name: string, params: Record<string, string | number | null>): Promise<T[]> {
  const sql = sqlFile(`paygap/${name}.sql`);
  return warehouse.all<T>(sql, paramsFor(sql, params));
}

/** The rows of each view, in the order of the views (every query returns view_id). */
function byView<T extends { view_id: number }>(rows: readonly T[], count: number): T[][] {
  const grouped = Array.from({ length: count }, (): T[] => []);
  for (const row of rows) grouped[row.view_id]!.push(row);
  return grouped;
}

interface HeadlineRow {
  view_id: number;
  women: number;
  men: number;
  other: number;
  undisclosed: number;
  published: boolean;
  hourly_mean_gap: number | null;
  hourly_median_gap: number | null;
  annual_mean_gap: number | null;
  annual_median_gap: number | null;
  variable_mean_gap: number | null;
  variable_median_gap: number | null;
  share_women: number | null;
  share_men: number | null;
}

interface QuartileRow {
  view_id: number;
  band: number;
  women: number | null;
  men: number | null;
  share_women: number | null;
  share_men: number | null;
}

interface CategoryRow {
  view_id: number;
  category: string;
  suppressed: boolean;
  women: number | null;
  men: number | null;
  basic_mean_gap: number | null;
  basic_median_gap: number | null;
  variable_mean_gap: number | null;
  variable_median_gap: number | null;
  joint_assessment: boolean;
  cost_share: number;
}

/**
 * Drop this connection's person-level and unsuppressed temp tables once the published figures are out (the
 * shared population stays while payGapViews still needs it).
 */
async function dropWorkTables(warehouse: Warehouse, shared: boolean | undefined): Promise<void> {
  await warehouse.run(
    `DROP TABLE IF EXISTS temp.pg_population; DROP TABLE IF EXISTS temp.pg_stats; DROP TABLE IF EXISTS temp.pg_views${shared ? '' : '; DROP TABLE IF EXISTS temp.pg_base'}`,
  );
}

/** The Article 9 report for the workers at `asOf` (validated against payGapReportSchema). */
export async function payGapReport(warehouse: Warehouse, options: PayGapOptions): Promise<PayGapReport> {
  try {
    const [report] = await computeReports(warehouse, options, [viewOf(options)]);
    return report!;
  } finally {
    await dropWorkTables(warehouse, options.shared);
  }
}

/** The reports of `views` (same as-of, currency and rules), each query run once for all of them. */
async function computeReports(warehouse: Warehouse, options: PayGapOptions, views: readonly PayGapFilters[]): Promise<PayGapReport[]> {
  const params = await preparePopulation(warehouse, options, views);
  await warehouse.run(sqlFile('paygap/stats.sql'));
  const headlines = await query<HeadlineRow>(warehouse, 'headline', params);
  const quartiles = byView(await query<QuartileRow>(warehouse, 'quartiles', params), views.length);
  const categories = byView(await query<CategoryRow>(warehouse, 'categories', params), views.length);
  const cells = byView(await query<RegressionCell & { view_id: number }>(warehouse, 'regression_cells', params), views.length);
  const reports = headlines.map((h) => reportOf(options, h, quartiles[h.view_id]!, categories[h.view_id]!, cells[h.view_id]!));
  cells.length = 0; // unsuppressed sums go no further than this function
  return reports;
}

/** One view's report from its rows of each query. */
function reportOf(options: PayGapOptions, h: HeadlineRow, quartiles: readonly QuartileRow[], categories: readonly CategoryRow[], cells: readonly RegressionCell[]): PayGapReport {
  const controls = controlsOfCells(cells);
  const model = h.published ? adjustedGapOfCells(cells, controls) : undefined;
  const report: PayGapReport = {
    asOf: options.asOf,
    currency: options.currency.toUpperCase(),
    workers: { women: h.women, men: h.men, other: h.other, undisclosed: h.undisclosed },
    hourly: { meanGap: h.hourly_mean_gap, medianGap: h.hourly_median_gap },
    annual: { meanGap: h.annual_mean_gap, medianGap: h.annual_median_gap },
    variable: { meanGap: h.variable_mean_gap, medianGap: h.variable_median_gap, shareWomen: h.share_women, shareMen: h.share_men },
    quartiles: quartiles.map((q) => ({ band: q.band, women: q.women, men: q.men, shareWomen: q.share_women, shareMen: q.share_men })),
    categories: categories.map((c) => ({
      category: c.category,
      women: c.women,
      men: c.men,
      suppressed: c.suppressed,
      basicMeanGap: c.basic_mean_gap,
      basicMedianGap: c.basic_median_gap,
      variableMeanGap: c.variable_mean_gap,
      variableMedianGap: c.variable_median_gap,
      jointAssessment: c.joint_assessment,
    })),
    adjusted: { gap: model?.gap ?? null, low: model?.low ?? null, high: model?.high ?? null, controls },
    // the sum of the published categories' raises (categories.sql: 0 for a suppressed one)
    costToClose: h.published ? categories.reduce((sum, c) => sum + c.cost_share, 0) : null,
  };
  return payGapReportSchema.parse(report);
}

interface RequestRow {
  suppressed: boolean;
  women: number | null;
  men: number | null;
  w_hourly: number | null;
  m_hourly: number | null;
  w_annual: number | null;
  m_annual: number | null;
}

/** The Article 7 answer: one category's average hourly and annual basic pay by sex. */
export async function payRequest(warehouse: Warehouse, options: PayGapOptions & { readonly category: string }): Promise<PayRequest> {
  const params = { ...(await preparePopulation(warehouse, options, [viewOf(options)])), category: options.category };
  const [row] = await query<RequestRow>(warehouse, 'pay_request', params).finally(() => dropWorkTables(warehouse, options.shared));
  const r = row!;
  return payRequestSchema.parse({
    asOf: options.asOf,
    currency: options.currency.toUpperCase(),
    category: options.category,
    suppressed: r.suppressed,
    women: { count: r.women, meanHourly: r.w_hourly, meanAnnual: r.w_annual },
    men: { count: r.men, meanHourly: r.m_hourly, meanAnnual: r.m_annual },
  });
}

/** Categories present at asOf (for usage errors naming the known ones). */
export async function payGapCategories(warehouse: Warehouse, options: PayGapOptions): Promise<string[]> {
  await preparePopulation(warehouse, options, [viewOf(options)]);
  const rows = await warehouse
    .all<{ category: string }>(`SELECT DISTINCT category FROM pg_population ORDER BY category`)
    .finally(() => dropWorkTables(warehouse, options.shared));
  return rows.map((r) => r.category);
}
