/**
 * Page views computed from the cubes for a set of filters: the same numbers the metrics engine gives
 * (DESIGN §3), but over pre-aggregated cells, so the browser can redraw without any person-level row.
 * Used at build time (first paint) and in the browser (filter changes).
 */
import { addTo, filterRows, histogramSize, mean, quantile, type Column, type Cube, type Histogram } from './cube.ts';
import type { SiteFilters } from './filters.ts';
import { stageKeys, stageLabels, type StageKey } from '../../pipelines/contract/stages.ts';
import { agingBuckets, type AgingBucket } from '../../pipelines/contract/dimensions.ts';
import { benchmarkStatus, rateStatus, type BenchmarkStatus, type RateLines, type RateStatus } from '../../pipelines/contract/status.ts';
import { wilson } from '../../pipelines/contract/wilson.ts';

/** Code-point order, as DuckDB sorts text (localeCompare would differ on case). */
export const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const text = (value: string | number | null | undefined) => (value === null || value === undefined ? '' : String(value));

export interface OfferAcceptanceView {
  accepted: number;
  declined: number;
  pending: number;
  rescinded: number;
  rate: number | null;
  ci95: [number, number] | null;
  status: RateStatus;
}

export function offerAcceptance(offers: Cube, filters: SiteFilters, thresholds: RateLines): OfferAcceptanceView {
  const { status, count } = offers.columns;
  const totals = { accepted: 0, declined: 0, pending: 0, rescinded: 0 };
  for (const i of filterRows(offers, filters)) {
    const s = text(status![i]) as keyof typeof totals;
    if (s in totals) totals[s] += Number(count![i]);
  }
  const n = totals.accepted + totals.declined;
  return {
    ...totals,
    rate: n ? totals.accepted / n : null,
    ci95: wilson(totals.accepted, n),
    status: rateStatus(totals.accepted, totals.declined, thresholds),
  };
}

export interface RatePoint {
  key: string;
  accepted: number;
  declined: number;
  rate: number | null;
  low: number | null;
  high: number | null;
}

/** Offer acceptance grouped by a column (month, department, region, source), resolved offers only. */
export function oarBy(offers: Cube, filters: SiteFilters, column: 'month' | 'department' | 'region' | 'source'): RatePoint[] {
  const { status, count } = offers.columns;
  const keys = offers.columns[column]!;
  const groups = new Map<string, { accepted: number; declined: number }>();
  for (const i of filterRows(offers, filters)) {
    const s = status![i];
    if (s !== 'accepted' && s !== 'declined') continue;
    // An offer settled without a resolution date has no month: it counts in the rate, not in the trend.
    if (column === 'month' && (keys[i] === null || keys[i] === undefined)) continue;
    const key = text(keys[i]) || 'Unknown';
    const group = groups.get(key) ?? { accepted: 0, declined: 0 };
    group[s] += Number(count![i]);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .map(([key, g]) => {
      const n = g.accepted + g.declined;
      const ci = wilson(g.accepted, n);
      return { key, ...g, rate: n ? g.accepted / n : null, low: ci?.[0] ?? null, high: ci?.[1] ?? null };
    })
    .sort((a, b) => (column === 'month' ? byText(a.key, b.key) : b.accepted + b.declined - (a.accepted + a.declined) || byText(a.key, b.key)));
}

export interface OfferSpeedView {
  within2Days: { accepted: number; declined: number; rate: number | null };
  later: { accepted: number; declined: number; rate: number | null };
}

export function offerSpeed(offers: Cube, filters: SiteFilters): OfferSpeedView {
  const { status, within2, count } = offers.columns;
  const within = { accepted: 0, declined: 0 };
  const later = { accepted: 0, declined: 0 };
  for (const i of filterRows(offers, filters)) {
    const s = status![i];
    if (s !== 'accepted' && s !== 'declined') continue;
    const w = Number(within2![i]);
    if (w === 1) within[s] += Number(count![i]);
    else if (w === 0) later[s] += Number(count![i]);
  }
  const rate = (g: { accepted: number; declined: number }) => (g.accepted + g.declined ? g.accepted / (g.accepted + g.declined) : null);
  return { within2Days: { ...within, rate: rate(within) }, later: { ...later, rate: rate(later) } };
}

/**
 * Row indexes grouped by a column's text. Pushes, never copies: a copy of the group per row made the Funnel
 * page quadratic (the stage-stay cube has 521,747 rows at bench scale: 114 s to first draw, measured).
 */
function groupRows(rows: readonly number[], column: Column): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const i of rows) {
    const key = text(column[i]);
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  }
  return groups;
}

function histogramOf(cube: Cube, rows: readonly number[], valueColumn = 'days'): Histogram {
  const values = cube.columns[valueColumn]!;
  const counts = cube.columns.count!;
  const histogram: Histogram = new Map();
  for (const i of rows) addTo(histogram, Number(values[i]), Number(counts[i]));
  return histogram;
}

export interface DistributionView {
  count: number;
  median: number | null;
  mean: number | null;
  p75: number | null;
  /** days -> count, sorted by days */
  histogram: { days: number; count: number }[];
}

function distribution(histogram: Histogram): DistributionView {
  return {
    count: histogramSize(histogram),
    median: quantile(histogram, 0.5),
    mean: mean(histogram),
    p75: quantile(histogram, 0.75),
    histogram: [...histogram.entries()].sort((a, b) => a[0] - b[0]).map(([days, count]) => ({ days, count })),
  };
}

/** Time to fill over openings filled in the period (fills cube). */
export function timeToFill(fills: Cube, filters: SiteFilters): DistributionView {
  return distribution(histogramOf(fills, filterRows(fills, filters)));
}

/** Time to hire over hires dated in the period (hires cube). */
export function timeToHire(hires: Cube, filters: SiteFilters): DistributionView {
  return distribution(histogramOf(hires, filterRows(hires, filters)));
}

export interface MonthMedian {
  month: string;
  count: number;
  median: number | null;
}

/** Median days per month (fill month for time to fill). */
export function medianByMonth(cube: Cube, filters: SiteFilters): MonthMedian[] {
  const month = cube.columns.month!;
  const byMonth = groupRows(filterRows(cube, filters), month);
  return [...byMonth.entries()]
    .sort((a, b) => byText(a[0], b[0]))
    .map(([key, rows]) => {
      const histogram = histogramOf(cube, rows);
      return { month: key, count: histogramSize(histogram), median: quantile(histogram, 0.5) };
    });
}

export interface OpenView {
  open: number;
  buckets: { bucket: AgingBucket; count: number }[];
}

/** Openings open at asOf (a current state: the period does not apply). */
export function openOpenings(open: Cube, filters: SiteFilters): OpenView {
  const { bucket, count } = open.columns;
  const totals = new Map<string, number>(agingBuckets.map((b) => [b, 0]));
  for (const i of filterRows(open, filters, { period: false })) totals.set(text(bucket![i]), (totals.get(text(bucket![i])) ?? 0) + Number(count![i]));
  const buckets = agingBuckets.map((b) => ({ bucket: b, count: totals.get(b) ?? 0 }));
  return { open: buckets.reduce((n, b) => n + b.count, 0), buckets };
}

export interface KmPoint {
  days: number;
  atRisk: number;
  events: number;
  censored: number;
  survival: number;
}
export interface KmView {
  median: number | null;
  curve: KmPoint[];
}

/** Kaplan-Meier over openings opened in the period; events before censorings at equal times. */
export function kaplanMeier(km: Cube, filters: SiteFilters): KmView {
  const { days, event, count } = km.columns;
  const byDay = new Map<number, { events: number; censored: number }>();
  for (const i of filterRows(km, filters)) {
    const t = Number(days![i]);
    const entry = byDay.get(t) ?? { events: 0, censored: 0 };
    if (Number(event![i]) === 1) entry.events += Number(count![i]);
    else entry.censored += Number(count![i]);
    byDay.set(t, entry);
  }
  const times = [...byDay.keys()].sort((a, b) => a - b);
  let atRisk = times.reduce((n, t) => n + byDay.get(t)!.events + byDay.get(t)!.censored, 0);
  let survival = 1;
  let median: number | null = null;
  const curve: KmPoint[] = [];
  for (const t of times) {
    const { events, censored } = byDay.get(t)!;
    survival *= 1 - events / atRisk;
    if (median === null && events > 0 && survival <= 0.5 + 1e-12) median = t;
    curve.push({ days: t, atRisk, events, censored, survival });
    atRisk -= events + censored;
  }
  return { median, curve };
}

export interface RegionView {
  region: string;
  filled: number;
  median: number | null;
  low: number | null;
  high: number | null;
  status: BenchmarkStatus | null;
}

export function regionTimelines(
  fills: Cube,
  filters: SiteFilters,
  benchmarks: readonly { region: string; low: number; high: number }[],
): RegionView[] {
  const region = fills.columns.region!;
  const byRegion = groupRows(filterRows(fills, filters), region);
  const names = [...benchmarks.map((b) => b.region), ...[...byRegion.keys()].filter((r) => !benchmarks.some((b) => b.region === r)).sort()];
  return names
    .filter((name) => !filters.region || name === filters.region)
    .map((name) => {
      const rows = byRegion.get(name) ?? [];
      const histogram = histogramOf(fills, rows);
      const median = quantile(histogram, 0.5);
      const benchmark = benchmarks.find((b) => b.region === name);
      const status = benchmarkStatus(median, benchmark);
      return { region: name, filled: histogramSize(histogram), median, low: benchmark?.low ?? null, high: benchmark?.high ?? null, status };
    });
}

export interface FunnelStageView {
  stage: StageKey;
  label: string;
  reached: number;
  advanced: number | null;
  passThrough: number | null;
  rejected: number;
  withdrew: number;
  other: number;
  active: number;
}

/** Funnel on the cohort applied in the period (furthest stage reached, DESIGN §3). */
export function funnel(cube: Cube, filters: SiteFilters): FunnelStageView[] {
  const { furthest, status, rejection_type: rejectionType, count } = cube.columns;
  const reachedAt = new Array(7).fill(0) as number[];
  const stopped = stageKeys.map(() => ({ rejected: 0, withdrew: 0, other: 0, active: 0 }));
  for (const i of filterRows(cube, filters)) {
    const rank = Number(furthest![i]);
    const n = Number(count![i]);
    reachedAt[rank] = (reachedAt[rank] ?? 0) + n;
    const stop = stopped[rank - 1]!;
    const type = rejectionType![i];
    if (type === 'rejected' || type === 'withdrew' || type === 'other') stop[type] += n;
    if (status![i] === 'active') stop.active += n;
  }
  const reached = stageKeys.map((_, index) => reachedAt.slice(index + 1).reduce((a, b) => a + b, 0));
  return stageKeys.map((stage, index) => {
    const next = index < stageKeys.length - 1 ? reached[index + 1]! : null;
    return {
      stage,
      label: stageLabels[stage],
      reached: reached[index]!,
      advanced: next,
      passThrough: next === null || reached[index] === 0 ? null : next / reached[index]!,
      ...stopped[index]!,
    };
  });
}

export interface StageTimeView {
  stage: StageKey;
  label: string;
  stays: number;
  median: number | null;
}

export function timeInStage(stays: Cube, filters: SiteFilters): StageTimeView[] {
  const stage = stays.columns.stage!;
  const byStage = groupRows(filterRows(stays, filters), stage);
  return stageKeys.map((key) => {
    const histogram = histogramOf(stays, byStage.get(key) ?? []);
    return { stage: key, label: stageLabels[key], stays: histogramSize(histogram), median: quantile(histogram, 0.5) };
  });
}

export interface SourceView {
  source: string;
  applications: number;
  hires: number;
  hireRate: number;
  offersAccepted: number;
  offersDeclined: number;
}

export function sources(cube: Cube, filters: SiteFilters): SourceView[] {
  const { source, applications, hires, offers_accepted: accepted, offers_declined: declined } = cube.columns;
  const bySource = new Map<string, SourceView>();
  for (const i of filterRows(cube, filters)) {
    const key = text(source![i]) || 'Unknown';
    const row = bySource.get(key) ?? { source: key, applications: 0, hires: 0, hireRate: 0, offersAccepted: 0, offersDeclined: 0 };
    row.applications += Number(applications![i]);
    row.hires += Number(hires![i]);
    row.offersAccepted += Number(accepted![i]);
    row.offersDeclined += Number(declined![i]);
    bySource.set(key, row);
  }
  return [...bySource.values()]
    .map((row) => ({ ...row, hireRate: row.applications ? row.hires / row.applications : 0 }))
    .sort((a, b) => b.applications - a.applications || byText(a.source, b.source));
}

/** Openings open at the end of `month` (at asOf in asOf's month), from the openMonths cube. */
export function openAtMonth(openMonths: Cube, filters: SiteFilters, month: string): number {
  const { month: months, count } = openMonths.columns;
  let open = 0;
  for (const i of filterRows(openMonths, filters, { period: false })) if (months![i] === month) open += Number(count![i]);
  return open;
}
