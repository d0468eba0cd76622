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
   * The caller built the shared population once with payGapViews (the snapshot asks for about 50 views of the
   * same as-of in a row): this call only filters it. Otherwise the call builds and drops its own.
   */
  readonly shared?: boolean | undefined;
}

/** Raised when the report currency has no exchange rate at asOf (a usage problem, never guessed). */
export class UnknownCurrencyError extends Error {}

interface PayGapParams extends Record<string, string | number | null> {
  as_of: string;
  currency: string;
  min_cell: number;
  standard_hours: number;
  region: string | null;
  department: string | null;
}

function paramsOf(options: PayGapOptions, config: Config): PayGapParams {
  return {
    as_of: options.asOf,
    currency: options.currency.toUpperCase(),
    min_cell: options.minCell,
    standard_hours: options.standardHours ?? config.payGap.standardHours,
    region: options.region ?? null,
    department: options.department ?? null,
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

/** Build pg_population (the filtered workers at asOf) on this connection, from pg_base. */
async function preparePopulation(warehouse: Warehouse, options: PayGapOptions): Promise<Record<string, string | number | null>> {
  if (!options.shared) await prepareBase(warehouse, options);
  const params = paramsOf(options, options.config ?? configSchema.parse({}));
  const sql = sqlFile('paygap/population.sql');
  await warehouse.run(sql, paramsFor(sql, params));
  return params;
}

/**
 * Many views of one as-of (the snapshot's pay_gap.json): the population is built once, each view only filters
 * it; every person-level temp table is dropped when `views` is done, whatever happens.
 */
export async function payGapViews<T>(warehouse: Warehouse, options: PayGapOptions, views: (report: (filters: { region?: string; department?: string }) => Promise<PayGapReport>) => Promise<T>): Promise<T> {
  try {
    await prepareBase(warehouse, options);
    return await views((filters) => payGapReport(warehouse, { ...options, ...filters, shared: true }));
  } finally {
    await dropWorkTables(warehouse, false);
  }
}

async function query<T>(warehouse: Warehouse, name: string, params: Record<string, string | number | null>): Promise<T[]> {
  const sql = sqlFile(`paygap/${name}.sql`);
  return warehouse.all<T>(sql, paramsFor(sql, params));
}

interface HeadlineRow {
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
  band: number;
  women: number | null;
  men: number | null;
  share_women: number | null;
  share_men: number | null;
}

interface CategoryRow {
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
  await warehouse.run(`DROP TABLE IF EXISTS temp.pg_population; DROP TABLE IF EXISTS temp.pg_stats${shared ? '' : '; DROP TABLE IF EXISTS temp.pg_base'}`);
}

/** The Article 9 report for the workers at `asOf` (validated against payGapReportSchema). */
export async function payGapReport(warehouse: Warehouse, options: PayGapOptions): Promise<PayGapReport> {
  try {
    return await computeReport(warehouse, options);
  } finally {
    await dropWorkTables(warehouse, options.shared);
  }
}

async function computeReport(warehouse: Warehouse, options: PayGapOptions): Promise<PayGapReport> {
  const params = await preparePopulation(warehouse, options);
  await warehouse.run(sqlFile('paygap/stats.sql'));
  const [headline] = await query<HeadlineRow>(warehouse, 'headline', params);
  const quartiles = await query<QuartileRow>(warehouse, 'quartiles', params);
  const categories = await query<CategoryRow>(warehouse, 'categories', params);
  const h = headline!;
  const cells = await query<RegressionCell>(warehouse, 'regression_cells', params);
  const controls = controlsOfCells(cells);
  const model = h.published ? adjustedGapOfCells(cells, controls) : undefined;
  cells.length = 0; // unsuppressed sums go no further than this function
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
  const params = { ...(await preparePopulation(warehouse, options)), category: options.category };
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
  await preparePopulation(warehouse, options);
  const rows = await warehouse
    .all<{ category: string }>(`SELECT DISTINCT category FROM pg_population ORDER BY category`)
    .finally(() => dropWorkTables(warehouse, options.shared));
  return rows.map((r) => r.category);
}
