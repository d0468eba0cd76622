/**
 * "Compared with what" (issue 18, Deliver 5): the periods a KPI is compared with and the change against
 * each, as pure functions shared by `hirescope metrics --compare`, the snapshot's tiles and the weekly
 * digest. No DuckDB here (the site imports it); the warehouse side is pipelines/metrics/compare.ts.
 *
 * The period (README "Compared with what"): `[from, to]`, inclusive, as the filters give it; without a
 * `from`, the Overview's default period — from the first day of the data's first month (the site's
 * "Beginning") to `to` (default and cap: asOf, the site's "Data date").
 * - A period that starts on the 1st of a month (every site period, the default period) is measured in
 *   calendar months: months A..B (B = the month of `to`) compare with the n = B - A + 1 months before A
 *   and with months A-12..B-12. Each ends on the same day of its last month as `to` (capped at that
 *   month's length; a `to` on its month's last day maps to the last day).
 * - Any other period is measured in days: the L days before `from`, and the same dates a year earlier.
 */
export interface Period {
  readonly from: string;
  readonly to: string;
}

export interface ComparisonPeriods {
  readonly unit: 'month' | 'day';
  /** Months (unit month) or days (unit day) in the period. */
  readonly length: number;
  readonly current: Period;
  readonly previous: Period;
  readonly yearEarlier: Period;
}

const dayMs = 86_400_000;
const ms = (date: string) => Date.parse(`${date}T00:00:00Z`);
const iso = (time: number) => new Date(time).toISOString().slice(0, 10);
const daysInMonth = (year: number, month0: number) => new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();

/** Year and zero-based month of a YYYY-MM-DD date, as one month index. */
const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

/** The date in the month `shift` months from `date`'s: the same day, capped at the month's length; a month's last day stays a last day. */
export function shiftMonths(date: string, shift: number): string {
  const index = monthIndex(date) + shift;
  const year = Math.floor(index / 12);
  const month0 = index - year * 12;
  const day = Number(date.slice(8, 10));
  const lastDay = day === daysInMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1);
  const target = daysInMonth(year, month0);
  return `${String(year).padStart(4, '0')}-${String(month0 + 1).padStart(2, '0')}-${String(lastDay ? target : Math.min(day, target)).padStart(2, '0')}`;
}

/** The previous period of the same length and the same period a year earlier (rules above). */
export function comparisonPeriods(current: Period): ComparisonPeriods {
  const yearEarlier = { from: shiftMonths(current.from, -12), to: shiftMonths(current.to, -12) };
  if (current.from.endsWith('-01')) {
    const length = monthIndex(current.to) - monthIndex(current.from) + 1;
    return { unit: 'month', length, current, previous: { from: shiftMonths(current.from, -length), to: shiftMonths(current.to, -length) }, yearEarlier };
  }
  const length = Math.round((ms(current.to) - ms(current.from)) / dayMs) + 1;
  return { unit: 'day', length, current, previous: { from: iso(ms(current.from) - length * dayMs), to: iso(ms(current.from) - dayMs) }, yearEarlier };
}

/** The months (YYYY-MM) a period touches: how the site, whose cubes are monthly, reads it. */
export function periodMonths(period: Period): { from: string; to: string } {
  return { from: period.from.slice(0, 7), to: period.to.slice(0, 7) };
}

/** The four KPI tiles' figures for one period (zod: contract/tiles.ts). */
export interface KpiFigures {
  readonly offerAcceptance: { readonly accepted: number; readonly declined: number; readonly rate: number | null; readonly ci95: readonly [number, number] | null };
  /** Median days to fill over the openings filled in the period. */
  readonly medianTimeToFillDays: number | null;
  readonly filled: number;
  /** Openings open at the period's end (the current period: at asOf, as its tile). */
  readonly openOpenings: number;
  /** Hires dated in the period. */
  readonly hires: number;
}

/** The current period's figures minus a comparison period's; null where either side has none. */
export interface KpiChange {
  readonly offerAcceptance: {
    /** Percentage points: (rate - baseline rate) x 100. */
    readonly points: number | null;
    /** False when the two 95% Wilson intervals overlap ("not significant"); null without both intervals. */
    readonly significant: boolean | null;
  };
  readonly medianTimeToFillDays: number | null;
  readonly openOpenings: number;
  readonly hires: number;
  /** hires / baseline hires - 1; null when the baseline had none. */
  readonly hiresRelative: number | null;
}

/** The `comparison` block of `metrics --compare --json` (README "Compared with what"). */
export interface KpiComparison {
  readonly unit: 'month' | 'day';
  readonly length: number;
  readonly periods: { readonly current: Period; readonly previous: Period; readonly yearEarlier: Period };
  readonly figures: { readonly current: KpiFigures; readonly previous: KpiFigures; readonly yearEarlier: KpiFigures };
  readonly change: { readonly previous: KpiChange; readonly yearEarlier: KpiChange };
}

/** Two closed intervals share a point. */
export function intervalsOverlap(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[0] <= b[1] && b[0] <= a[1];
}

/** The change of each KPI from `baseline` to `current`. */
export function kpiChange(current: KpiFigures, baseline: KpiFigures): KpiChange {
  const a = current.offerAcceptance;
  const b = baseline.offerAcceptance;
  return {
    offerAcceptance: {
      points: a.rate === null || b.rate === null ? null : (a.rate - b.rate) * 100,
      significant: a.ci95 === null || b.ci95 === null ? null : !intervalsOverlap(a.ci95, b.ci95),
    },
    medianTimeToFillDays:
      current.medianTimeToFillDays === null || baseline.medianTimeToFillDays === null ? null : current.medianTimeToFillDays - baseline.medianTimeToFillDays,
    openOpenings: current.openOpenings - baseline.openOpenings,
    hires: current.hires - baseline.hires,
    hiresRelative: baseline.hires === 0 ? null : current.hires / baseline.hires - 1,
  };
}

/** The whole comparison from the periods and the three periods' figures. */
export function kpiComparison(periods: ComparisonPeriods, figures: { current: KpiFigures; previous: KpiFigures; yearEarlier: KpiFigures }): KpiComparison {
  return {
    unit: periods.unit,
    length: periods.length,
    periods: { current: periods.current, previous: periods.previous, yearEarlier: periods.yearEarlier },
    figures,
    change: { previous: kpiChange(figures.current, figures.previous), yearEarlier: kpiChange(figures.current, figures.yearEarlier) },
  };
}

const signed = (value: number, text: string) => `${value > 0 ? '+' : value < 0 ? '−' : '±'}${text}`;

/** One tile's change against one comparison period, as a tile and the CLI write it ("+4.2 pts, not significant"). */
export function changeText(kpi: 'oar' | 'ttf' | 'open' | 'hires', change: KpiChange, baseline: KpiFigures): string {
  switch (kpi) {
    case 'oar': {
      const { points, significant } = change.offerAcceptance;
      if (points === null) return 'no offers to compare';
      return `${signed(points, `${Math.abs(points).toFixed(1)} pts`)}${significant === false ? ', not significant' : significant ? ', significant' : ''}`;
    }
    case 'ttf': {
      const d = change.medianTimeToFillDays;
      if (d === null) return baseline.medianTimeToFillDays === null ? 'no fills to compare' : 'no fills';
      return signed(d, `${Math.abs(Math.round(d * 10) / 10)} d`);
    }
    case 'open':
      return signed(change.openOpenings, String(Math.abs(change.openOpenings)));
    case 'hires':
      return `${signed(change.hires, String(Math.abs(change.hires)))}${change.hiresRelative === null ? '' : ` (${signed(change.hiresRelative, `${Math.round(Math.abs(change.hiresRelative) * 100)}%`)})`}`;
  }
}

/** A period as a person reads it: "2026-04-01 – 2026-06-30". */
export const periodText = (p: Period) => `${p.from} – ${p.to}`;
