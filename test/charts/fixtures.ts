/** Small hand-made inputs for the chart tests, and SVG helpers (jsdom, no global document). */
import { JSDOM } from 'jsdom';
import type { PayBand, OffersVsBandsOverall } from '../../src/components/charts/index.ts';
import type {
  DistributionView,
  FunnelStageView,
  KmView,
  MonthMedian,
  OfferSpeedView,
  OpenView,
  RatePoint,
  RegionView,
  SourceView,
  StageTimeView,
} from '../../src/lib/views.ts';

export const document = new JSDOM('').window.document;

/** Parse a chart's outerHTML back into a jsdom element, to query it. */
export function parse(html: string): Element {
  const container = document.createElement('div');
  container.innerHTML = html;
  return container.firstElementChild!;
}

/** Mark groups by the ariaDescription each chart gives its marks. */
export function marks(svg: Element, description: string): Element[] {
  return [...svg.querySelectorAll(`g[aria-description="${description}"]`)];
}

export function texts(element: Element): string[] {
  return [...element.querySelectorAll('text')].map((t) => t.textContent ?? '');
}

/** Tick labels of an axis, in drawing order. */
export function ticks(svg: Element, axis: 'x' | 'y' | 'fy'): string[] {
  const group = svg.querySelector(`g[aria-label="${axis}-axis tick label"]`);
  return group ? texts(group) : [];
}

export const months: RatePoint[] = [
  { key: '2026-06', accepted: 9, declined: 1, rate: 0.9, low: 0.6, high: 0.98 },
  { key: '2026-07', accepted: 0, declined: 0, rate: null, low: null, high: null },
  { key: '2026-08', accepted: 10, declined: 2, rate: 10 / 12, low: 0.55, high: 0.95 },
  { key: '2026-09', accepted: 7, declined: 3, rate: 0.7, low: 0.4, high: 0.89 },
];

export const departments: RatePoint[] = [
  { key: 'Engineering', accepted: 18, declined: 2, rate: 0.9, low: 0.7, high: 0.97 },
  { key: 'Sales', accepted: 8, declined: 2, rate: 0.8, low: 0.49, high: 0.94 },
  { key: 'Finance', accepted: 6, declined: 4, rate: 0.6, low: 0.31, high: 0.83 },
  { key: 'Legal', accepted: 3, declined: 0, rate: 1, low: 0.44, high: 1 },
  { key: 'Design', accepted: 0, declined: 0, rate: null, low: null, high: null },
];

export const speed: OfferSpeedView = {
  within2Days: { accepted: 10, declined: 2, rate: 10 / 12 },
  later: { accepted: 3, declined: 3, rate: 0.5 },
};

export const distribution: DistributionView = {
  count: 10,
  median: 45,
  mean: 50.3,
  p75: 60,
  histogram: [
    { days: 20, count: 1 },
    { days: 30, count: 2 },
    { days: 45, count: 3 },
    { days: 60, count: 2 },
    { days: 90, count: 1 },
    { days: 120, count: 1 },
  ],
};

export const monthMedians: MonthMedian[] = [
  { month: '2026-06', count: 4, median: 40 },
  { month: '2026-07', count: 0, median: null },
  { month: '2026-08', count: 6, median: 55 },
  { month: '2026-09', count: 3, median: 70 },
];

export const km: KmView = {
  median: 50,
  curve: [
    { days: 20, atRisk: 10, events: 2, censored: 0, survival: 0.8 },
    { days: 35, atRisk: 8, events: 1, censored: 1, survival: 0.7 },
    { days: 50, atRisk: 6, events: 2, censored: 0, survival: 0.7 * (4 / 6) },
    { days: 80, atRisk: 4, events: 0, censored: 2, survival: 0.7 * (4 / 6) },
    { days: 100, atRisk: 2, events: 1, censored: 1, survival: 0.7 * (4 / 6) * 0.5 },
  ],
};

export const regions: RegionView[] = [
  { region: 'US', filled: 12, median: 45, low: 40, high: 50, status: 'within' },
  { region: 'EU', filled: 8, median: 70, low: 45, high: 60, status: 'above' },
  { region: 'APAC', filled: 0, median: null, low: 35, high: 50, status: null },
  { region: 'Mars', filled: 2, median: 30, low: null, high: null, status: null },
];

export const aging: OpenView = {
  open: 20,
  buckets: [
    { bucket: '>180', count: 1 },
    { bucket: '0-30', count: 8 },
    { bucket: '31-60', count: 5 },
    { bucket: '61-90', count: 3 },
    { bucket: '91-180', count: 3 },
  ],
};

export const funnel: FunnelStageView[] = [
  { stage: 'applied', label: 'Application Review', reached: 100, advanced: 40, passThrough: 0.4, rejected: 45, withdrew: 5, other: 2, active: 8 },
  { stage: 'screen', label: 'Screen', reached: 40, advanced: 20, passThrough: 0.5, rejected: 12, withdrew: 4, other: 0, active: 4 },
  { stage: 'technical', label: 'Technical', reached: 20, advanced: 10, passThrough: 0.5, rejected: 6, withdrew: 2, other: 0, active: 2 },
  { stage: 'onsite', label: 'Onsite', reached: 10, advanced: 6, passThrough: 0.6, rejected: 3, withdrew: 1, other: 0, active: 0 },
  { stage: 'offer', label: 'Offer', reached: 6, advanced: 4, passThrough: 4 / 6, rejected: 0, withdrew: 2, other: 0, active: 0 },
  { stage: 'hired', label: 'Hired', reached: 4, advanced: null, passThrough: null, rejected: 0, withdrew: 0, other: 0, active: 0 },
];

export const stageTimes: StageTimeView[] = [
  { stage: 'applied', label: 'Application Review', stays: 90, median: 3 },
  { stage: 'screen', label: 'Screen', stays: 35, median: 5.5 },
  { stage: 'technical', label: 'Technical', stays: 18, median: 7 },
  { stage: 'onsite', label: 'Onsite', stays: 9, median: 4 },
  { stage: 'offer', label: 'Offer', stays: 0, median: null },
  { stage: 'hired', label: 'Hired', stays: 0, median: null },
];

export const sourceRows: SourceView[] = [
  { source: 'LinkedIn', applications: 200, hires: 5, hireRate: 0.025, offersAccepted: 5, offersDeclined: 2 },
  { source: 'Referral', applications: 40, hires: 4, hireRate: 0.1, offersAccepted: 4, offersDeclined: 0 },
  { source: 'Indeed', applications: 60, hires: 0, hireRate: 0, offersAccepted: 0, offersDeclined: 1 },
];

const band = (level: string, region: string, values: Partial<PayBand>): PayBand => ({
  roleFamily: 'all',
  level,
  region,
  suppressed: false,
  n: 12,
  currency: 'USD',
  p10: 90_000,
  p25: 100_000,
  p50: 110_000,
  p75: 120_000,
  p90: 130_000,
  market: { source: 'Survey 2026', low: 95_000, high: 125_000, midpoint: 110_000 },
  compaRatio: 1,
  belowMarket: false,
  ...values,
});
const suppressedValues: Partial<PayBand> = { suppressed: true, n: null, p10: null, p25: null, p50: null, p75: null, p90: null, compaRatio: null, belowMarket: null };

export const bands: PayBand[] = [
  band('senior', 'US', { p10: 150_000, p25: 160_000, p50: 170_000, p75: 185_000, p90: 200_000, market: { source: 'Survey 2026', low: 165_000, high: 195_000, midpoint: 180_000 }, compaRatio: 0.94 }),
  band('entry', 'US', {}),
  band('mid', 'US', { n: 7, p10: null, p90: null, p25: 120_000, p50: 126_000, p75: 131_000, market: null, compaRatio: null, belowMarket: null }),
  band('entry', 'EU', { p10: 60_000, p25: 65_000, p50: 70_000, p75: 75_000, p90: 80_000, market: { source: 'Survey 2026', low: 72_000, high: 90_000, midpoint: 81_000 }, compaRatio: 0.86, belowMarket: true }),
  band('mid', 'EU', suppressedValues),
  band('senior', 'EU', suppressedValues),
  band('entry', 'US', { roleFamily: 'Engineering', p50: 115_000 }),
];

export const offersOverall: OffersVsBandsOverall = {
  offers: 40,
  unbanded: 2,
  suppressed: false,
  below: 8,
  within: 25,
  above: 5,
  medianPenetration: 0.45,
  acceptance: {
    below: { accepted: 5, declined: 3, rate: 5 / 8 },
    within: { accepted: 22, declined: 3, rate: 22 / 25 },
    above: null,
  },
};

/** The pixel position on an axis of `value`, read from two labelled ticks (e.g. "0%" = 0 and "100%" = 1). */
export function axisPosition(svg: Element, axis: 'x' | 'y', ticksAt: [string, number, string, number], value: number): number {
  const group = svg.querySelector(`g[aria-label="${axis}-axis tick label"]`)!;
  const position = (label: string) => {
    const text = [...group.querySelectorAll('text')].find((t) => t.textContent === label)!;
    const [, x, y] = /translate\(([-\d.]+),([-\d.]+)\)/.exec(text.getAttribute('transform')!)!;
    return Number(axis === 'x' ? x : y);
  };
  const [label0, value0, label1, value1] = ticksAt;
  const p0 = position(label0);
  const p1 = position(label1);
  return p0 + ((value - value0) / (value1 - value0)) * (p1 - p0);
}

/** Reasons of two stage x outcome groups (reasonBars): shares within each group sum to 1. */
export const reasonSegments = [
  { group: 'Screen · rejected', reason: 'Not a fit', count: 4, share: 0.5 },
  { group: 'Screen · rejected', reason: 'Failed take-home', count: 3, share: 0.375 },
  { group: 'Screen · rejected', reason: 'Not given', count: 1, share: 0.125 },
  { group: 'Offer · withdrew', reason: 'Accepted another offer', count: 3, share: 0.75 },
  { group: 'Offer · withdrew', reason: 'Other reasons', count: 1, share: 0.25 },
];

/** Pay equity (issue 19): headline gaps (one suppressed) and quartile bands, hand-made. */
export const payGaps = [
  { measure: 'Hourly basic, mean', gap: 0.123 },
  { measure: 'Hourly basic, median', gap: 0.03 },
  { measure: 'Variable, mean', gap: -0.08 },
  { measure: 'Variable, median', gap: null },
];
export const payGapQuartileRows = [
  { band: 1, women: 6, men: 2, shareWomen: 0.75, shareMen: 0.25 },
  { band: 2, women: 4, men: 4, shareWomen: 0.5, shareMen: 0.5 },
  { band: 3, women: 3, men: 5, shareWomen: 0.375, shareMen: 0.625 },
  { band: 4, women: 1, men: 7, shareWomen: 0.125, shareMen: 0.875 },
];
