/**
 * What each page shows: its charts (title, text alternative, data, table) computed from the snapshot for
 * a set of filters. The Astro pages render these at build time; the dashboard island recomputes them in
 * the browser when a filter changes — one definition, two places, the same numbers.
 */
import type { CubeName, Meta, PaySnapshot } from '../../pipelines/contract/snapshot.ts';
import type { Cube } from './cube.ts';
import type { SiteFilters } from './filters.ts';
import { days, dollars, integer, monthLabel, percent } from '../../pipelines/contract/format.ts';
import { disclosureRules } from '../../pipelines/contract/disclosure.ts';
import type { PayGapSnapshot } from '../../pipelines/contract/payGapSnapshot.ts';
import { payGapCharts } from './payEquityCharts.ts';
import { oldAgingBuckets } from '../../pipelines/contract/dimensions.ts';
import {
  funnel,
  kaplanMeier,
  medianByMonth,
  oarBy,
  offerAcceptance,
  offerSpeed,
  openOpenings,
  regionTimelines,
  sources,
  timeInStage,
  timeToFill,
  timeToHire,
} from './views.ts';

export type PageId = 'overview' | 'funnel' | 'time-to-fill' | 'offers' | 'sources' | 'pay-bands' | 'pay-equity' | 'data-quality';

export interface ChartContext {
  readonly cubes: Partial<Record<CubeName, Cube>>;
  readonly meta: Meta;
  readonly pay?: PaySnapshot | undefined;
  /** The pay-gap report's views (Pay equity page). */
  readonly payGap?: PayGapSnapshot | undefined;
  readonly filters: SiteFilters;
}

export interface TableData {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

export interface ChartOutput {
  readonly data: unknown;
  readonly options: Record<string, unknown>;
  readonly table: TableData;
}

export type ChartId =
  | 'oarTrend'
  | 'rateBars'
  | 'offerSpeed'
  | 'ttfHistogram'
  | 'ttfTrend'
  | 'kmCurve'
  | 'regionTimelines'
  | 'agingBars'
  | 'funnelBars'
  | 'stageTimeBars'
  | 'sourceBars'
  | 'payBands'
  | 'offersVsBands'
  | 'payGapBars'
  | 'payGapQuartiles';

export interface ChartDef {
  /** Element id and CSV file name. */
  readonly id: string;
  readonly chart: ChartId;
  readonly title: string;
  readonly description: string;
  readonly cubes: readonly CubeName[];
  readonly usesPay?: boolean;
  readonly usesPayGap?: boolean;
  build(context: ChartContext): ChartOutput;
}

const cube = (context: ChartContext, name: CubeName): Cube => {
  const found = context.cubes[name];
  if (!found) throw new Error(`cube ${name} not loaded`);
  return found;
};

const oarTrend: ChartDef = {
  id: 'oar-trend',
  chart: 'oarTrend',
  title: 'Offer acceptance by month',
  description: 'Accepted / (accepted + declined) per month of resolution, with 95% intervals and the 85% / 75% lines.',
  cubes: ['offers'],
  build(context) {
    const points = oarBy(cube(context, 'offers'), context.filters, 'month');
    return {
      data: points,
      options: { healthy: context.meta.thresholds.healthy, alarm: context.meta.thresholds.alarm },
      table: {
        columns: ['month', 'offers', 'accepted', 'declined', 'rate', 'ci_low', 'ci_high'],
        rows: points.map((p) => [p.key, p.accepted + p.declined, p.accepted, p.declined, p.rate, p.low, p.high]),
      },
    };
  },
};

const funnelChart: ChartDef = {
  id: 'funnel',
  chart: 'funnelBars',
  title: 'Stage pass-through and drop-off',
  description: 'Applications that reached each stage (furthest stage or later), the share that went on, and where the others stopped.',
  cubes: ['funnel'],
  build(context) {
    const stages = funnel(cube(context, 'funnel'), context.filters);
    return {
      data: stages,
      options: {},
      table: {
        columns: ['stage', 'reached', 'advanced', 'pass_through', 'rejected', 'withdrew', 'other', 'active'],
        rows: stages.map((s) => [s.stage, s.reached, s.advanced, s.passThrough, s.rejected, s.withdrew, s.other, s.active]),
      },
    };
  },
};

function rateBy(id: string, title: string, column: 'department' | 'region' | 'source'): ChartDef {
  return {
    id,
    chart: 'rateBars',
    title,
    description: `Offer acceptance per ${column} with 95% intervals; grey bars have fewer offers than the minimum for a status.`,
    cubes: ['offers'],
    build(context) {
      const points = oarBy(cube(context, 'offers'), context.filters, column);
      const { healthy, alarm, minOffers } = context.meta.thresholds;
      return {
        data: points,
        options: { healthy, alarm, minOffers, label: column },
        table: { columns: [column, 'offers', 'accepted', 'declined', 'rate', 'ci_low', 'ci_high'], rows: points.map((p) => [p.key, p.accepted + p.declined, p.accepted, p.declined, p.rate, p.low, p.high]) },
      };
    },
  };
}

const offerSpeedChart: ChartDef = {
  id: 'offer-speed',
  chart: 'offerSpeed',
  title: 'Offer speed: within 2 days of the final interview vs later',
  description: "Acceptance of offers sent within 2 days of the last onsite stay against later ones (the seed's 48-hour advice).",
  cubes: ['offers'],
  build(context) {
    const speed = offerSpeed(cube(context, 'offers'), context.filters);
    return {
      data: speed,
      options: {},
      table: {
        columns: ['sent', 'accepted', 'declined', 'rate'],
        rows: [
          ['within 2 days', speed.within2Days.accepted, speed.within2Days.declined, speed.within2Days.rate],
          ['later', speed.later.accepted, speed.later.declined, speed.later.rate],
        ],
      },
    };
  },
};

const ttfHistogram: ChartDef = {
  id: 'ttf-distribution',
  chart: 'ttfHistogram',
  title: 'Time to fill: distribution',
  description: 'Days from opening to fill for openings filled in the period, against the 62-day SHRM average.',
  cubes: ['fills'],
  build(context) {
    const view = timeToFill(cube(context, 'fills'), context.filters);
    return {
      data: view,
      options: { benchmarkDays: context.meta.timeToFillBenchmark.days },
      table: { columns: ['days', 'openings'], rows: view.histogram.map((h) => [h.days, h.count]) },
    };
  },
};

const ttfTrend: ChartDef = {
  id: 'ttf-trend',
  chart: 'ttfTrend',
  title: 'Time to fill: median by month of fill',
  description: 'Median days to fill per month, against the 62-day SHRM average.',
  cubes: ['fills'],
  build(context) {
    const months = medianByMonth(cube(context, 'fills'), context.filters);
    return {
      data: months,
      options: { benchmarkDays: context.meta.timeToFillBenchmark.days },
      table: { columns: ['month', 'filled', 'median_days'], rows: months.map((m) => [m.month, m.count, m.median]) },
    };
  },
};

const kmChart: ChartDef = {
  id: 'km-curve',
  chart: 'kmCurve',
  title: 'Openings still unfilled over time (Kaplan-Meier)',
  description: 'Share of openings opened in the period still unfilled after N days; open and cancelled openings are censored (+).',
  cubes: ['km'],
  build(context) {
    const km = kaplanMeier(cube(context, 'km'), context.filters);
    return {
      data: km,
      options: {},
      table: { columns: ['days', 'at_risk', 'filled', 'censored', 'still_unfilled'], rows: km.curve.map((p) => [p.days, p.atRisk, p.events, p.censored, p.survival]) },
    };
  },
};

const regionsChart: ChartDef = {
  id: 'regions',
  chart: 'regionTimelines',
  title: 'Median time to fill by region against market ranges',
  description: "Median days to fill per region against the seed article's ranges (US 40-55, EU 35-50, LatAm 25-35, APAC 20-35).",
  cubes: ['fills'],
  build(context) {
    const regions = regionTimelines(cube(context, 'fills'), context.filters, context.meta.regionBenchmarks);
    return {
      data: regions,
      options: {},
      table: { columns: ['region', 'filled', 'median_days', 'benchmark_low', 'benchmark_high', 'status'], rows: regions.map((r) => [r.region, r.filled, r.median, r.low, r.high, r.status]) },
    };
  },
};

const agingChart: ChartDef = {
  id: 'open-aging',
  chart: 'agingBars',
  title: 'Open openings by age',
  description: 'Openings open at the data date, by days open (a current state: the period does not apply).',
  cubes: ['open'],
  build(context) {
    const open = openOpenings(cube(context, 'open'), context.filters);
    return { data: open, options: {}, table: { columns: ['age_days', 'openings'], rows: open.buckets.map((b) => [b.bucket, b.count]) } };
  },
};

const stageTimeChart: ChartDef = {
  id: 'time-in-stage',
  chart: 'stageTimeBars',
  title: 'Median days in stage',
  description: 'Median days per stage over finished stays of the applications in the period.',
  cubes: ['stays'],
  build(context) {
    const stages = timeInStage(cube(context, 'stays'), context.filters);
    return { data: stages, options: {}, table: { columns: ['stage', 'stays', 'median_days'], rows: stages.map((s) => [s.stage, s.stays, s.median]) } };
  },
};

const sourcesChart: ChartDef = {
  id: 'sources',
  chart: 'sourceBars',
  title: 'Hire rate by source',
  description: 'Hires / applications per source for applications in the period; the offers accepted and declined per source are in the tooltip and the table view.',
  cubes: ['sources'],
  build(context) {
    const rows = sources(cube(context, 'sources'), context.filters);
    return {
      data: rows,
      options: {},
      table: {
        columns: ['source', 'applications', 'hires', 'hire_rate', 'offers_accepted', 'offers_declined'],
        rows: rows.map((s) => [s.source, s.applications, s.hires, s.hireRate, s.offersAccepted, s.offersDeclined]),
      },
    };
  },
};

const noOffersVsBands = {
  overall: {
    offers: 0, unbanded: 0, suppressed: true, below: null, within: null, above: null, medianPenetration: null,
    acceptance: { below: null, within: null, above: null },
  },
  cells: [],
};

/**
 * The pay view for the department filter, and its cells for the region and level filters. A department
 * with no published view has no cells (never the whole company's under its name).
 */
export function payView(context: ChartContext) {
  const department = context.filters.department ?? null;
  // as metrics --publish for a department without compensation rows (metrics/payBands.ts): no cell, no offer placed
  const view = context.pay?.views.find((v) => v.department === department) ?? { department, payBands: [], offersVsBands: noOffersVsBands };
  const bands = (view?.payBands ?? []).filter(
    (b) => (!context.filters.region || b.region === context.filters.region) && (!context.filters.level || b.level === context.filters.level),
  );
  return { view, bands };
}

/** The compa-ratio table (all role families) for the filters: region, level, n, P50, midpoint, ratio, market. */
export function compaRows(context: ChartContext): { suppressed: boolean; cells: string[] }[] {
  return payView(context)
    .bands.filter((b) => b.roleFamily === 'all')
    .map((b) => ({
      suppressed: b.suppressed,
      cells: [
        b.region,
        b.level,
        b.suppressed ? 'suppressed' : integer(b.n),
        b.suppressed ? 'suppressed' : dollars(b.p50),
        dollars(b.market?.midpoint),
        `${b.compaRatio === null ? '—' : b.compaRatio.toFixed(2)}${b.belowMarket ? ' · below market low' : ''}`,
        b.market?.source ?? 'no benchmark',
      ],
    }));
}

const payBandsChart: ChartDef = {
  id: 'pay-bands',
  chart: 'payBands',
  title: 'Pay bands by region and level (all role families) against market ranges',
  description: 'P10-P90 (light), P25-P75 (dark) and P50 of annual base pay in USD per region and level, with the market range; small cells are suppressed.',
  cubes: [],
  usesPay: true,
  build(context) {
    const { bands } = payView(context);
    const all = bands.filter((b) => b.roleFamily === 'all');
    return {
      data: all,
      options: { minCell: context.pay?.minCell ?? disclosureRules.minCell },
      table: {
        columns: ['role_family', 'level', 'region', 'n', 'p10', 'p25', 'p50', 'p75', 'p90', 'market_low', 'market_high', 'market_midpoint', 'compa_ratio', 'below_market', 'market_source'],
        rows: bands.map((b) => [
          b.roleFamily, b.level, b.region, b.suppressed ? 'suppressed' : b.n, b.p10, b.p25, b.p50, b.p75, b.p90,
          b.market?.low ?? null, b.market?.high ?? null, b.market?.midpoint ?? null, b.compaRatio,
          b.belowMarket === null ? null : b.belowMarket ? 'yes' : 'no', b.market?.source ?? null,
        ]),
      },
    };
  },
};

const offersVsBandsChart: ChartDef = {
  id: 'offers-vs-bands',
  chart: 'offersVsBands',
  title: 'Offers against pay bands',
  description: 'Offers placed below P10, within P10-P90 or above P90 of their pay cell, and how often each group accepted.',
  cubes: [],
  usesPay: true,
  build(context) {
    const { view } = payView(context);
    const overall = view?.offersVsBands.overall;
    const cells = (view?.offersVsBands.cells ?? []).filter(
      (c) => (!context.filters.region || c.region === context.filters.region) && (!context.filters.level || c.level === context.filters.level),
    );
    return {
      data: overall ?? null,
      options: {},
      table: {
        columns: ['role_family', 'level', 'region', 'offers', 'below', 'within', 'above', 'median_penetration'],
        rows: cells.map((c) => [c.roleFamily, c.level, c.region, c.offers, c.suppressed ? 'suppressed' : c.below, c.within, c.above, c.medianPenetration]),
      },
    };
  },
};

export const pageCharts: Record<PageId, readonly ChartDef[]> = {
  overview: [oarTrend, funnelChart],
  funnel: [funnelChart, stageTimeChart],
  'time-to-fill': [ttfHistogram, ttfTrend, kmChart, regionsChart, agingChart],
  offers: [
    oarTrend,
    rateBy('oar-by-department', 'Offer acceptance by department', 'department'),
    rateBy('oar-by-region', 'Offer acceptance by region', 'region'),
    rateBy('oar-by-source', 'Offer acceptance by source', 'source'),
    offerSpeedChart,
  ],
  sources: [sourcesChart],
  'pay-bands': [payBandsChart, offersVsBandsChart],
  'pay-equity': payGapCharts,
  'data-quality': [],
};

/** Cubes a page needs (loaded by its island only). */
export function cubesFor(page: PageId): CubeName[] {
  const names = new Set<CubeName>(pageCharts[page].flatMap((c) => c.cubes));
  if (page === 'overview') for (const name of ['offers', 'fills', 'open', 'hires', 'km'] as const) names.add(name);
  return [...names];
}

export interface OverviewKpis {
  oar: ReturnType<typeof offerAcceptance>;
  timeToFill: ReturnType<typeof timeToFill>;
  kmMedian: number | null;
  open: ReturnType<typeof openOpenings>;
  hires: number;
  benchmarkDays: number;
}

/** The Overview's KPI tiles. */
export function overviewKpis(context: ChartContext): OverviewKpis {
  return {
    oar: offerAcceptance(cube(context, 'offers'), context.filters, context.meta.thresholds),
    timeToFill: timeToFill(cube(context, 'fills'), context.filters),
    kmMedian: kaplanMeier(cube(context, 'km'), context.filters).median,
    open: openOpenings(cube(context, 'open'), context.filters),
    hires: timeToHire(cube(context, 'hires'), context.filters).count,
    benchmarkDays: context.meta.timeToFillBenchmark.days,
  };
}

/**
 * A piece of a tile's detail: plain text, or a figure with the metrics --json path it shows (rendered as
 * `<span data-metric=path>` so a test reads the number the page shows, not a scrape of the sentence).
 */
export type DetailPart = string | readonly [metric: string, text: string];

export interface KpiText {
  value: string;
  /** The metrics --json path of the value. */
  metric: string;
  detail: readonly DetailPart[];
  status: 'healthy' | 'watch' | 'alarm' | 'insufficient-data' | 'neutral';
}

/** Texts of the KPI tiles (shared by the build and the island, so both print the same). */
export function kpiTexts(k: OverviewKpis): Record<'oar' | 'ttf' | 'open' | 'hires', KpiText> {
  const { oar } = k;
  const oarDetail: DetailPart[] = oar.ci95
    ? ['95% CI ', ['offerAcceptance.ci95.0', percent(oar.ci95[0])], '–', ['offerAcceptance.ci95.1', percent(oar.ci95[1])], ' · ', ['offerAcceptance.accepted', integer(oar.accepted)], ' accepted, ', ['offerAcceptance.declined', integer(oar.declined)], ' declined']
    : [['offerAcceptance.resolved', integer(oar.accepted + oar.declined)], ' resolved offers'];
  return {
    oar: { value: percent(oar.rate), metric: 'offerAcceptance.rate', detail: oarDetail, status: oar.status },
    ttf: {
      value: days(k.timeToFill.median),
      metric: 'timeToFill.medianDays',
      detail: [['timeToFill.filled', integer(k.timeToFill.count)], ` filled · benchmark ${k.benchmarkDays} d (SHRM) · KM median `, ['timeToFill.kmMedianDays', days(k.kmMedian)]],
      status: k.timeToFill.median === null ? 'insufficient-data' : k.timeToFill.median <= k.benchmarkDays ? 'healthy' : 'watch',
    },
    open: {
      value: integer(k.open.open),
      metric: 'timeToFill.open',
      detail: k.open.buckets.flatMap((b, i): DetailPart[] => [...(i ? [' · '] : []), `${b.bucket}: `, [`timeToFill.openAging.${b.bucket}`, integer(b.count)]]),
      status: k.open.buckets.filter((b) => oldAgingBuckets.includes(b.bucket)).reduce((n, b) => n + b.count, 0) > 0 ? 'watch' : 'healthy',
    },
    hires: { value: integer(k.hires), metric: 'timeToHire.hires', detail: ['hires dated in the period'], status: 'neutral' },
  };
}

export { monthLabel, dollars };
