/** DESIGN §4 pay bands (with market comparison) and offers against bands — aggregates only. */
import { z } from 'zod';
import { paramsFor, sqlFile } from '../lib/duckdb.ts';
import { offersVsBandsSchema, payBandSchema } from '../schemas/metrics.ts';
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

export const payBands: MetricDefinition<typeof bandsSchema> = {
  id: 'payBands',
  label: 'Pay bands',
  unit: 'USD',
  description:
    'Annual base pay in USD per role family (or all), level and region: P10-P90 with small cells suppressed, against market benchmarks.',
  sql: ['filters/f_fx.sql', 'filters/f_compensation.sql', 'filters/f_benchmarks.sql', 'filters/f_pay.sql', 'metrics/pay_bands.sql'],
  schema: bandsSchema,
  async compute(context) {
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

const acceptance = (accepted: number | null, declined: number | null) =>
  accepted === null || declined === null ? null : { accepted, declined, rate: accepted + declined > 0 ? accepted / (accepted + declined) : null };

export const offersVsBands: MetricDefinition<typeof offersVsBandsSchema> = {
  id: 'offersVsBands',
  label: 'Offers against bands',
  unit: 'offers',
  description:
    'Offers sent in the period placed against their pay cell (below P10, within, above P90), median range penetration, and acceptance below vs within the band.',
  sql: ['metrics/offers_vs_bands.sql'],
  schema: offersVsBandsSchema,
  async compute(context) {
    return offersOf(await queryMetric<OfferRow>(context, 'offers_vs_bands'));
  },
};

/** The document of one scope's rows (its overall row is always there: offers_vs_bands.sql). */
function offersOf(rows: readonly OfferRow[]): z.infer<typeof offersVsBandsSchema> {
  const overall = rows.find((r) => r.overall)!;
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
        below: acceptance(overall.below_accepted, overall.below_declined),
        within: acceptance(overall.within_accepted, overall.within_declined),
        above: acceptance(overall.above_accepted, overall.above_declined),
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

/**
 * Pay bands and offers against bands of every scope of pay_scopes in one pass each (the snapshot's views
 * per department; see pipelines/sql/filters/f_pay.sql), keyed by scope (null: all departments) in
 * the order of the scopes: all first, then by name.
 */
export async function payViews(
  context: MetricContext,
): Promise<Map<string | null, { payBands: z.infer<typeof bandsSchema>; offersVsBands: z.infer<typeof offersVsBandsSchema> }>> {
  await materialisePayBands(context);
  const bands = await context.warehouse.all<BandRow>(`SELECT * FROM m_pay_bands`);
  const offers = await queryMetric<OfferRow>(context, 'offers_vs_bands');
  const scopes = await context.warehouse.all<{ scope: string | null }>(`SELECT scope FROM pay_scopes ORDER BY scope NULLS FIRST`);
  return new Map(
    scopes.map(({ scope }) => [
      scope,
      { payBands: bandsOf(bands.filter((r) => r.scope === scope)), offersVsBands: offersOf(offers.filter((r) => r.scope === scope)) },
    ]),
  );
}
