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
  openAtMonth,
  openOpenings,
  regionTimelines,
  sources,
  timeInStage,
  timeToFill,
  timeToHire,
} from './views.ts';
import { changeText, comparisonPeriods, kpiComparison, periodMonths, type KpiComparison, type KpiFigures, type Period } from '../../pipelines/contract/compare.ts';
import { linesFor } from '../../pipelines/contract/thresholds.ts';
import type { RateLines } from '../../pipelines/contract/status.ts';

import { reasonRows } from './reasons.ts';
import { ownerViews, type OwnerKind, type OwnerRate } from './owners.ts';
import { tooFewText } from '../../pipelines/contract/ownerRules.ts';

export type PageId = 'overview' | 'funnel' | 'time-to-fill' | 'requisitions' | 'owners' | 'offers' | 'sources' | 'planner' | 'pay-bands' | 'pay-equity' | 'data-quality';

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
  | 'reasonBars'
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
      options: { ...linesFor(context.meta.thresholds, context.filters) },
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
      const { healthy, alarm, minOffers } = linesFor(context.meta.thresholds, context.filters);
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

const reasonColumns = ['quarter', 'stage', 'outcome', 'reason', 'count', 'share'];

const ownerFiltered = (filters: SiteFilters) => Boolean(filters.recruiter || filters.hiringManager);
/**
 * Reasons do not split by owner (contract/cubes.ts): under a recruiter or hiring manager filter the reason
 * charts say so, and show no company-wide figure as if it were the owner's.
 */
export const reasonsNotByOwnerText = 'Reasons are not split by recruiter or hiring manager: clear the owner filters to see them.';
const notByOwner: ChartOutput = { data: [], options: { emptyText: reasonsNotByOwnerText }, table: { columns: reasonColumns, rows: [] } };

const dropOffReasons: ChartDef = {
  id: 'drop-off-reasons',
  chart: 'reasonBars',
  title: 'Drop-off by reason at each stage',
  description:
    'Applications of the period that stopped at each stage, rejected, withdrawn or other, split by reason (quarters of application that overlap the period; the table adds each quarter). A reason is named only when at least 3 candidates share it in a cell; the others are "Other reasons".',
  cubes: ['reasons'],
  build(context) {
    if (ownerFiltered(context.filters)) return notByOwner;
    const rows = reasonRows(cube(context, 'reasons'), context.filters, ['rejected', 'withdrew', 'other']);
    const totals = rows.filter((r) => r.quarter === null);
    return {
      // short group labels (stage key, outcome): "Application Review · withdrew" would be cut in the margin
      data: totals.map((r) => ({ group: `${r.stage} · ${r.outcome}`, reason: r.reason, count: r.count, share: r.share })),
      options: {},
      table: { columns: reasonColumns, rows: rows.map((r) => [r.quarter ?? 'period', r.stage, r.outcome, r.reason, r.count, r.share]) },
    };
  },
};

const declineReasons: ChartDef = {
  id: 'decline-reasons',
  chart: 'reasonBars',
  title: 'Offer declines by reason, by quarter',
  description:
    'Declined offers by reason per quarter of resolution (quarters that overlap the period) and over the period. A reason is named only when at least 3 candidates share it in a cell; the others are "Other reasons".',
  cubes: ['reasons'],
  build(context) {
    if (ownerFiltered(context.filters)) return notByOwner;
    const rows = reasonRows(cube(context, 'reasons'), context.filters, ['declined']);
    return {
      data: rows.map((r) => ({ group: r.quarter ?? 'Period', reason: r.reason, count: r.count, share: r.share })),
      options: {},
      table: { columns: reasonColumns, rows: rows.map((r) => [r.quarter ?? 'period', r.stage, r.outcome, r.reason, r.count, r.share]) },
    };
  },
};

const passColumns = ['pass_applied', 'pass_screen', 'pass_technical', 'pass_onsite', 'pass_offer'];
const rateCell = (r: OwnerRate) => (r.tooFew ? tooFewText : r.rate);

/** The owner table of one kind (issue 18): offer acceptance per owner as bars, every figure in the table. */
function ownerTable(id: string, kind: OwnerKind, title: string): ChartDef {
  return {
    id,
    chart: 'rateBars',
    title,
    description: `Offer acceptance per ${kind === 'recruiter' ? 'recruiter' : 'hiring manager'} with its 95% interval; the table adds open openings, hires, median days to fill, stage pass-through and active load (active applications on their jobs). A rate on fewer than 5 events is "too few".`,
    cubes: ['open', 'fills', 'hires', 'offers', 'funnel'],
    build(context) {
      // under privacy.owners "hide" the cubes hold no names: no table (the page says owners are hidden)
      const views = context.meta.ownersHidden
        ? []
        : ownerViews({ open: cube(context, 'open'), fills: cube(context, 'fills'), hires: cube(context, 'hires'), offers: cube(context, 'offers'), funnel: cube(context, 'funnel') }, context.filters, kind);
      const { healthy, alarm, minOffers } = context.meta.thresholds;
      return {
        data: views.map((v) => ({
          key: v.owner,
          accepted: v.offerAcceptance.accepted,
          declined: v.offerAcceptance.declined,
          rate: v.offerAcceptance.rate,
          low: v.offerAcceptance.ci95?.[0] ?? null,
          high: v.offerAcceptance.ci95?.[1] ?? null,
        })),
        options: {
          healthy,
          alarm,
          minOffers,
          label: kind === 'recruiter' ? 'recruiter' : 'hiring manager',
          // a rate on fewer than 5 offers is not shown (issue 18: "too few")
          unratedText: (p: { accepted: number; declined: number }) => (p.accepted + p.declined === 0 ? 'no resolved offers' : 'too few offers'),
        },
        table: {
          columns: [
            kind, 'open_openings', 'hires', 'filled', 'median_days', 'offers', 'rate', 'ci_low', 'ci_high',
            ...passColumns, 'active_load',
          ],
          rows: views.map((v) => [
            v.owner, v.openOpenings, v.hires, v.filled, v.medianTimeToFillDays, v.offerAcceptance.accepted + v.offerAcceptance.declined,
            rateCell(v.offerAcceptance), v.offerAcceptance.ci95?.[0] ?? null, v.offerAcceptance.ci95?.[1] ?? null,
            ...v.passThrough.map(rateCell), v.activeLoad,
          ]),
        },
      };
    },
  };
}
export const pageCharts: Record<PageId, readonly ChartDef[]> = {
  overview: [oarTrend, funnelChart],
  funnel: [funnelChart, stageTimeChart, dropOffReasons],
  'time-to-fill': [ttfHistogram, ttfTrend, kmChart, regionsChart, agingChart],
  requisitions: [], // a table, no chart: src/pages/requisitions/index.astro
  offers: [
    oarTrend,
    rateBy('oar-by-department', 'Offer acceptance by department', 'department'),
    rateBy('oar-by-region', 'Offer acceptance by region', 'region'),
    rateBy('oar-by-source', 'Offer acceptance by source', 'source'),
    offerSpeedChart,
    declineReasons,
  ],
  owners: [ownerTable('owners-recruiters', 'recruiter', 'Recruiters'), ownerTable('owners-hiring-managers', 'hiring_manager', 'Hiring managers')],
  sources: [sourcesChart],
  planner: [],
  'pay-bands': [payBandsChart, offersVsBandsChart],
  'pay-equity': payGapCharts,
  'data-quality': [],
};

/** Cubes a page needs (loaded by its island only). */
export function cubesFor(page: PageId): CubeName[] {
  const names = new Set<CubeName>(pageCharts[page].flatMap((c) => c.cubes));
  if (page === 'overview') for (const name of ['offers', 'fills', 'open', 'hires', 'km', 'openMonths'] as const) names.add(name);
  return [...names];
}

export interface OverviewKpis {
  oar: ReturnType<typeof offerAcceptance>;
  timeToFill: ReturnType<typeof timeToFill>;
  kmMedian: number | null;
  open: ReturnType<typeof openOpenings>;
  hires: number;
  benchmarkDays: number;
  /** The lines of the view's department / region cell (config offerAcceptance.cells). */
  lines: RateLines;
  /** Against the previous period and a year earlier; null without data months. */
  comparison: KpiComparison | null;
}

/**
 * The site's period as dates (contract/compare.ts): the From month's first day (default the data's first
 * month, "Beginning") to the To month's last day (default asOf's month), capped at asOf.
 */
export function sitePeriod(filters: SiteFilters, meta: Pick<ChartContext['meta'], 'months' | 'asOf'>): Period | null {
  const first = filters.from ?? meta.months[0];
  if (!first) return null;
  const lastMonth = filters.to ?? meta.asOf.slice(0, 7);
  const [year, month] = lastMonth.split('-').map(Number);
  const monthEnd = new Date(Date.UTC(year!, month!, 0)).toISOString().slice(0, 10);
  const to = monthEnd < meta.asOf ? monthEnd : meta.asOf;
  const from = `${first}-01`;
  return from > to ? null : { from, to };
}

/**
 * The tiles' comparisons from the monthly cubes: each comparison period is read as the months it touches
 * (exact when it ends on a month's last day; the CLI cuts a month at the same day when asOf is mid-month).
 */
export function siteComparison(context: ChartContext, lines: RateLines, currentOpen: number): KpiComparison | null {
  const period = sitePeriod(context.filters, context.meta);
  if (!period) return null;
  const periods = comparisonPeriods(period);
  const figuresOf = (p: Period, open: number | null): KpiFigures => {
    const months = periodMonths(p);
    const filters = { ...context.filters, from: months.from, to: months.to };
    const oar = offerAcceptance(cube(context, 'offers'), filters, lines);
    const fills = timeToFill(cube(context, 'fills'), filters);
    return {
      offerAcceptance: { accepted: oar.accepted, declined: oar.declined, rate: oar.rate, ci95: oar.ci95 },
      medianTimeToFillDays: fills.median,
      filled: fills.count,
      openOpenings: open ?? openAtMonth(cube(context, 'openMonths'), context.filters, months.to),
      hires: timeToHire(cube(context, 'hires'), filters).count,
    };
  };
  return kpiComparison(periods, {
    current: figuresOf(periods.current, currentOpen),
    previous: figuresOf(periods.previous, null),
    yearEarlier: figuresOf(periods.yearEarlier, null),
  });
}

/** The Overview's KPI tiles. */
export function overviewKpis(context: ChartContext): OverviewKpis {
  const lines = linesFor(context.meta.thresholds, context.filters);
  const open = openOpenings(cube(context, 'open'), context.filters);
  return {
    lines,
    comparison: siteComparison(context, lines, open.open),
    oar: offerAcceptance(cube(context, 'offers'), context.filters, lines),
    timeToFill: timeToFill(cube(context, 'fills'), context.filters),
    kmMedian: kaplanMeier(cube(context, 'km'), context.filters).median,
    open,
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
  /** Against the previous period and a year earlier: one line each (empty without data months). */
  compare: readonly (readonly DetailPart[])[];
}

const monthSpan = (p: Period) => {
  const { from, to } = periodMonths(p);
  return from === to ? monthLabel(from) : `${monthLabel(from)} – ${monthLabel(to)}`;
};

/** A tile's two comparison lines ("vs Apr 2026 – Jun 2026: +4.2 pts, not significant"). */
function compareLines(kpi: 'oar' | 'ttf' | 'open' | 'hires', c: KpiComparison | null): DetailPart[][] {
  if (!c) return [];
  return (['previous', 'yearEarlier'] as const).map((which) => [
    which === 'previous' ? 'vs previous ' : 'vs a year earlier ',
    `(${monthSpan(c.periods[which])}): `,
    [`comparison.change.${which}.${{ oar: 'offerAcceptance.points', ttf: 'medianTimeToFillDays', open: 'openOpenings', hires: 'hires' }[kpi]}`, changeText(kpi, c.change[which], c.figures[which])],
  ]);
}

/** Texts of the KPI tiles (shared by the build and the island, so both print the same). */
export function kpiTexts(k: OverviewKpis): Record<'oar' | 'ttf' | 'open' | 'hires', KpiText> {
  const { oar } = k;
  const oarDetail: DetailPart[] = oar.ci95
    ? ['95% CI ', ['offerAcceptance.ci95.0', percent(oar.ci95[0])], '–', ['offerAcceptance.ci95.1', percent(oar.ci95[1])], ' · ', ['offerAcceptance.accepted', integer(oar.accepted)], ' accepted, ', ['offerAcceptance.declined', integer(oar.declined)], ' declined']
    : [['offerAcceptance.resolved', integer(oar.accepted + oar.declined)], ' resolved offers'];
  return {
    oar: { value: percent(oar.rate), metric: 'offerAcceptance.rate', detail: oarDetail, status: oar.status, compare: compareLines('oar', k.comparison) },
    ttf: {
      value: days(k.timeToFill.median),
      metric: 'timeToFill.medianDays',
      detail: [['timeToFill.filled', integer(k.timeToFill.count)], ` filled · benchmark ${k.benchmarkDays} d (SHRM) · KM median `, ['timeToFill.kmMedianDays', days(k.kmMedian)]],
      status: k.timeToFill.median === null ? 'insufficient-data' : k.timeToFill.median <= k.benchmarkDays ? 'healthy' : 'watch',
      compare: compareLines('ttf', k.comparison),
    },
    open: {
      value: integer(k.open.open),
      metric: 'timeToFill.open',
      detail: k.open.buckets.flatMap((b, i): DetailPart[] => [...(i ? [' · '] : []), `${b.bucket}: `, [`timeToFill.openAging.${b.bucket}`, integer(b.count)]]),
      status: k.open.buckets.filter((b) => oldAgingBuckets.includes(b.bucket)).reduce((n, b) => n + b.count, 0) > 0 ? 'watch' : 'healthy',
      compare: compareLines('open', k.comparison),
    },
    hires: { value: integer(k.hires), metric: 'timeToHire.hires', detail: ['hires dated in the period'], status: 'neutral', compare: compareLines('hires', k.comparison) },
  };
}

export { monthLabel, dollars };
