/** DESIGN §4 pay bands (with market comparison) and offers against bands — aggregates only. */
import { z } from 'zod';
import { paramsFor, sqlFile, type Warehouse } from '../lib/duckdb.ts';
import { offersVsBandsSchema, payBandSchema } from '../contract/metrics.ts';
import { queryMetric, type MetricContext, type MetricDefinition } from './metric.ts';

interface BandRow {
  scope: string | null;
  role_family: string;
  level: string;
  region: string;
  suppressed: boolean;
  n: number | null;
  p10: number | null;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p90: number | null;
  rounded_to: number | null;
  estimator: 'harrell-davis' | 'sample' | null;
  market_source: string | null;
  market_low: number | null;
  market_high: number | null;
  market_midpoint: number | null;
  compa_ratio: number | null;
  below_market: boolean | null;
}

/** The published bands as a temp table (offers are placed against them). Idempotent per context. */
export async function materialisePayBands(context: MetricContext): Promise<void> {
  const sql = sqlFile('metrics/pay_bands.sql').trim().replace(/;\s*$/, '');
  await context.warehouse.run(`CREATE OR REPLACE TEMP TABLE m_pay_bands AS ${sql}`, paramsFor(sql, context.params));
}

const bandsSchema = z.array(payBandSchema);

/**
 * Pay bands: Annual base pay in USD per role family (or all), level and region: P10-P90 with small cells
 * suppressed, against market benchmarks.
 */
export const payBands: MetricDefinition<typeof bandsSchema> = {
  async compute(context) {
    if (context.params.publish === true) return (await publishedView(context)).payBands;
    await materialisePayBands(context);
    return bandsOf(await context.warehouse.all<BandRow>(`SELECT * FROM m_pay_bands WHERE scope IS NULL`));
  },
};

function bandsOf(rows: readonly BandRow[]): z.infer<typeof bandsSchema> {
  return rows.map((r) => ({
    roleFamily: r.role_family,
    level: r.level,
    region: r.region,
    suppressed: r.suppressed,
    n: r.n,
    currency: 'USD' as const,
    p10: r.p10,
    p25: r.p25,
    p50: r.p50,
    p75: r.p75,
    p90: r.p90,
    // published figures say how they were made (issue 15); the operator's exact figures do not
    ...(r.rounded_to === null ? {} : { roundedTo: r.rounded_to }),
    ...(r.estimator === null ? {} : { estimator: r.estimator }),
    market:
      r.market_source === null || r.market_midpoint === null
        ? null
        : { source: r.market_source, low: r.market_low, high: r.market_high, midpoint: r.market_midpoint },
    compaRatio: r.compa_ratio,
    belowMarket: r.below_market,
  }));
}

interface OfferRow {
  scope: string | null;
  overall: boolean;
  role_family: string | null;
  level: string | null;
  region: string | null;
  offers: number;
  suppressed: boolean;
  unbanded: number;
  below: number | null;
  within: number | null;
  above: number | null;
  median_penetration: number | null;
  below_accepted: number | null;
  below_declined: number | null;
  within_accepted: number | null;
  within_declined: number | null;
  above_accepted: number | null;
  above_declined: number | null;
}

/** A position group's acceptance; published rates have 2 decimals (issue 15: ratios of published counts). */
const acceptance = (accepted: number | null, declined: number | null, publish: boolean) => {
  if (accepted === null || declined === null) return null;
  const rate = accepted + declined > 0 ? accepted / (accepted + declined) : null;
  return { accepted, declined, rate: rate !== null && publish ? Math.round(rate * 100) / 100 : rate };
};

/**
 * Offers against bands: Offers sent in the period placed against their pay cell (below P10, within, above
 * P90), median range penetration, and acceptance below vs within the band.
 */
export const offersVsBands: MetricDefinition<typeof offersVsBandsSchema> = {
  async compute(context) {
    if (context.params.publish === true) return (await publishedView(context)).offersVsBands;
    return offersOf(await queryMetric<OfferRow>(context, 'offers_vs_bands'), false);
  },
};

const noOffers: OfferRow = {
  scope: null, overall: true, role_family: null, level: null, region: null, offers: 0, suppressed: true, unbanded: 0,
  below: null, within: null, above: null, median_penetration: null,
  below_accepted: null, below_declined: null, within_accepted: null, within_declined: null, above_accepted: null, above_declined: null,
};

/** The document of one scope's rows (its overall row is always there: offers_vs_bands.sql). */
function offersOf(rows: readonly OfferRow[], publish: boolean): z.infer<typeof offersVsBandsSchema> {
  const overall = rows.find((r) => r.overall) ?? noOffers;
  return {
    overall: {
      offers: overall.offers,
      unbanded: overall.unbanded,
      suppressed: overall.suppressed,
      below: overall.below,
      within: overall.within,
      above: overall.above,
      medianPenetration: overall.median_penetration,
      acceptance: {
        below: acceptance(overall.below_accepted, overall.below_declined, publish),
        within: acceptance(overall.within_accepted, overall.within_declined, publish),
        above: acceptance(overall.above_accepted, overall.above_declined, publish),
      },
    },
    cells: rows
      .filter((r) => !r.overall)
      .map((r) => ({
        roleFamily: r.role_family!,
        level: r.level!,
        region: r.region!,
        offers: r.offers,
        suppressed: r.suppressed,
        below: r.below,
        within: r.within,
        above: r.above,
        medianPenetration: r.median_penetration,
      })),
  };
}

type PayView = { payBands: z.infer<typeof bandsSchema>; offersVsBands: z.infer<typeof offersVsBandsSchema> };

/**
 * The published pay views (issue 15): the company and every department of the compensation data, each
 * with the disclosure rules of pipelines/disclosure applied in SQL (pay_bands.sql, offers_vs_bands.sql),
 * keyed by scope (null: all departments) in the order of the scopes: all first, then by name. The site,
 * the CSV export and `metrics --publish` all read these, so a department's figures are the same
 * wherever they appear, and secondary suppression sees every nested pair. The populations keep the
 * request's other filters (region, level, source, period); the department filter picks a view.
 */
export async function publishedPayViews(context: MetricContext): Promise<Map<string | null, PayView>> {
  const params = { ...context.params, department: null, pay_views: true, publish: true };
  // without a department filter (the snapshot) the populations are already the company's
  const refilter = context.params.department === null ? ['f_pay'] : ['f_compensation', 'f_offers', 'f_pay'];
  await applyFilterFiles(context.warehouse, params, refilter);
  try {
    return await viewsOf({ ...context, params });
  } finally {
    await applyFilterFiles(context.warehouse, context.params, refilter);
  }
}

/** The filter files (pipelines/sql/filters) with these parameters. */
async function applyFilterFiles(warehouse: Warehouse, params: MetricContext['params'], names: readonly string[]): Promise<void> {
  for (const name of names) {
    const sql = sqlFile(`filters/${name}.sql`);
    await warehouse.run(sql, paramsFor(sql, params));
  }
}

const published = new WeakMap<MetricContext, Promise<PayView>>();

/** The published view of the request's department filter (metrics --publish), computed once per context. */
function publishedView(context: MetricContext): Promise<PayView> {
  let view = published.get(context);
  if (!view) {
    view = (async () => {
      const views = await publishedPayViews(context);
      const department = context.params.department;
      if (department === null || department === undefined) return views.get(null)!;
      // the filter matches case-insensitively (f_compensation.sql); spellings of one department share a view
      const match = [...views.keys()].find((scope) => scope !== null && scope.toLowerCase() === String(department).toLowerCase());
      // a department without compensation rows: no cell, and its offers have no band to be placed in
      return (match !== undefined && views.get(match)) || { payBands: [], offersVsBands: offersOf([], true) };
    })();
    published.set(context, view);
  }
  return view;
}

async function viewsOf(context: MetricContext): Promise<Map<string | null, PayView>> {
  const publish = context.params.publish === true;
  await materialisePayBands(context);
  const bands = await context.warehouse.all<BandRow>(`SELECT * FROM m_pay_bands`);
  const offers = await queryMetric<OfferRow>(context, 'offers_vs_bands');
  const scopes = await context.warehouse.all<{ scope: string | null }>(`SELECT scope FROM pay_scopes ORDER BY scope NULLS FIRST`);
  return new Map(
    scopes.map(({ scope }) => [
      scope,
      { payBands: bandsOf(bands.filter((r) => r.scope === scope)), offersVsBands: offersOf(offers.filter((r) => r.scope === scope), publish) },
    ]),
  );
}
