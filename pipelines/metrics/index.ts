/**
 * Compute every hiring metric of DESIGN §3 for one asOf date and one set of filters, and check the
 * document against the shared schema before anyone sees it.
 */
import type { Config } from '../lib/config.ts';
import { sqlFile, paramsFor, type Warehouse } from '../lib/duckdb.ts';
import { minDate } from '../lib/time.ts';
import { defaultAsOf, newestEvent } from './asOf.ts';
import { ensureSchema } from '../ingest/schema.ts';
import { metricsSchema, type Filters, type Metrics } from '../contract/metrics.ts';
import { loadReference } from './reference.ts';
import { installDisclosure } from '../disclosure/rules.ts';
import type { MetricContext } from './metric.ts';
import { ownersVisible } from '../lib/privacy.ts';
import { offerAcceptance } from './offerAcceptance.ts';
import { timeToFill } from './timeToFill.ts';
import { timeToHire } from './timeToHire.ts';
import { funnel } from './funnel.ts';
import { timeInStage } from './timeInStage.ts';
import { sources } from './sources.ts';
import { offerSpeed } from './offerSpeed.ts';
import { regions } from './regions.ts';
import { dataQuality } from './dataQuality.ts';
import { payBands, offersVsBands } from './payBands.ts';

export interface MetricsRequest {
  /** Default: the newest event's day (pipelines/metrics/asOf.ts). */
  readonly asOf?: string | undefined;
  readonly filters?: Filters;
  /** The published figures (issue 15: disclosure rules, as on the site), not the operator's exact ones. */
  readonly publish?: boolean | undefined;
}

/**
 * Set up the reference tables, staging views and filtered populations on this connection.
 * The period ends at `to`, or asOf when `to` is missing or later (nothing after asOf is known yet).
 */
export async function prepareMetrics(warehouse: Warehouse, config: Config, request: MetricsRequest): Promise<MetricContext> {
  const filters = request.filters ?? {};
  await ensureSchema(warehouse);
  const asOf = request.asOf ?? defaultAsOf(await newestEvent(warehouse), config);
  await loadReference(warehouse, config);
  await installDisclosure(warehouse, config);
  const level = filters.level
    ? ((await warehouse.maybeOne<{ level: string }>(
        `SELECT coalesce((SELECT level FROM ref_level WHERE alias_key = lower(trim($level))), lower(trim($level))) AS level`,
        { level: filters.level },
      ))?.level ?? null)
    : null;
  const params = {
    as_of: asOf,
    from: filters.from ?? null,
    to: minDate(filters.to ?? asOf, asOf),
    department: filters.department ?? null,
    region: filters.region ?? null,
    level,
    source: filters.source ?? null,
    // the job's owners (issue 18), and whether the site may name them (config privacy.owners)
    recruiter: filters.recruiter ?? null,
    hiring_manager: filters.hiringManager ?? null,
    owners_shown: ownersVisible(config),
    min_cell: config.pay.minCell,
    publish: request.publish === true,
    // one pay view (these filters); the snapshot asks f_pay.sql for one per department too
    pay_views: false,
  };
  await applyFilters(warehouse, params, ['f_applications', 'f_openings', 'f_offers', 'f_fx', 'f_compensation', 'f_benchmarks', 'f_pay']);
  return { warehouse, config, params };
}

/** (Re)build filtered populations with these parameters; the snapshot re-scopes only what pay needs. */
export async function applyFilters(warehouse: Warehouse, params: MetricContext['params'], names: readonly string[]): Promise<void> {
  for (const name of names) {
    const sql = sqlFile(`filters/${name}.sql`);
    await warehouse.run(sql, paramsFor(sql, params));
  }
}

/** All metrics as the DESIGN §5 document (validated). */
export async function computeMetrics(warehouse: Warehouse, config: Config, request: MetricsRequest = {}): Promise<Metrics> {
  return metricsFor(await prepareMetrics(warehouse, config, request), request.filters ?? {});
}

/** All metrics on populations already prepared (by prepareMetrics with these filters). */
export async function metricsFor(context: MetricContext, filters: Filters): Promise<Metrics> {
  const document = {
    asOf: String(context.params.as_of),
    filters,
    offerAcceptance: await offerAcceptance.compute(context),
    timeToFill: await timeToFill.compute(context),
    timeToHire: await timeToHire.compute(context),
    funnel: await funnel.compute(context),
    timeInStage: await timeInStage.compute(context),
    sources: await sources.compute(context),
    offerSpeed: await offerSpeed.compute(context),
    regions: await regions.compute(context),
    payBands: await payBands.compute(context),
    offersVsBands: await offersVsBands.compute(context),
    dataQuality: await dataQuality.compute(context),
  };
  return metricsSchema.parse(document);
}
