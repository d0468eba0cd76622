/**
 * Expected fill dates from a Kaplan-Meier time-to-fill curve (issue 18, Deliver 2), given how long an
 * opening has been open. Pure functions over the curve of metrics/km_curve.sql (DESIGN §3: filled = event,
 * open at asOf or closed without a hire = censored, events before censorings at equal times).
 *
 * - Conditional survival: an opening open d days has outlived every event at or before d (it is censored at
 *   d, after the events at d), so S(t | d) = S(t) / S(d) = product over event times d < u <= t of (1 - e_u / n_u).
 * - Conditional median: the smallest event time t >= d with S(t) <= 0.5 * S(d); null when the curve never
 *   gets there (too many openings censored before it halves).
 * - Its 95% interval: the same rule applied to the pointwise 95% bounds of S(t | d), with Greenwood's
 *   variance summed over the event times after d, Var = S(t|d)^2 * sum e_u / (n_u (n_u - e_u)), on the
 *   log-log scale (Kalbfleisch-Prentice; R survival's conf.type = "log-log"): bounds S^exp(±1.96 theta),
 *   theta = sqrt(sum) / |ln S|. Chosen over the plain bounds S ± 1.96 sqrt(Var) because those leave
 *   [0, 1] on small curves and are symmetric where S is not. The lower curve halves first: the early end
 *   of the interval; the upper one last (null when it never halves: open-ended).
 * - Overdue: d past the curve's P75, the smallest event time with S(t) <= 0.25 (never, when there is none).
 */
import { wilsonZ as z95 } from '../contract/wilson.ts';

export interface KmPoint {
  readonly days: number;
  readonly atRisk: number;
  readonly events: number;
  readonly survival: number;
}

/** Slack for the floating-point error of the product (3/4 * 2/3 is not exactly 0.5). */
const slack = 1e-12;

/** S(t): the survival of the last curve time at or before t (1 before the first event). */
export function survivalAt(curve: readonly KmPoint[], t: number): number {
  let s = 1;
  for (const p of curve) {
    if (p.days > t) break;
    s = p.survival;
  }
  return s;
}

/** The smallest event time with S(t) <= q (q = 0.5: the KM median, 0.25: the P75), else null. */
export function kmQuantileDays(curve: readonly Pick<KmPoint, 'days' | 'events' | 'survival'>[], survivalLevel: number): number | null {
  return curve.find((p) => p.events > 0 && p.survival <= survivalLevel + slack)?.days ?? null;
}

/** The conditional median: smallest event time t >= d with S(t) <= 0.5 S(d), else null. */
export function conditionalMedian(curve: readonly KmPoint[], d: number): number | null {
  const target = 0.5 * survivalAt(curve, d);
  return curve.find((p) => p.events > 0 && p.days >= d && p.survival <= target + slack)?.days ?? null;
}

/** The 95% interval of the conditional median (log-log Greenwood bounds of S(t | d)); null ends = not reached. */
export function conditionalMedianInterval(curve: readonly KmPoint[], d: number): { low: number | null; high: number | null } {
  let s = 1;
  let greenwood = 0;
  let low: number | null = null;
  let high: number | null = null;
  for (const p of curve) {
    if (p.days <= d || p.events === 0) continue;
    s *= 1 - p.events / p.atRisk;
    greenwood = p.atRisk > p.events ? greenwood + p.events / (p.atRisk * (p.atRisk - p.events)) : Infinity;
    let lower: number;
    let upper: number;
    if (s <= 0 || !Number.isFinite(greenwood)) {
      // every opening still at risk filled here: the curve is certainly at 0
      lower = 0;
      upper = 0;
    } else {
      const theta = Math.sqrt(greenwood) / Math.abs(Math.log(s));
      lower = s ** Math.exp(z95 * theta);
      upper = s ** Math.exp(-z95 * theta);
    }
    if (low === null && lower <= 0.5 + slack) low = p.days;
    if (high === null && upper <= 0.5 + slack) high = p.days;
    if (high !== null) break;
  }
  return { low, high };
}

export interface FillForecast {
  /** Expected days from opening to fill (the conditional median), null when the curve never halves. */
  readonly days: number | null;
  readonly low: number | null;
  readonly high: number | null;
  /** d past the curve's P75. */
  readonly overdue: boolean;
}

/** The forecast for an opening open `daysOpen` days, read off `curve`. */
export function forecastFill(curve: readonly KmPoint[], daysOpen: number): FillForecast {
  const p75 = kmQuantileDays(curve, 0.25);
  return {
    days: conditionalMedian(curve, daysOpen),
    ...conditionalMedianInterval(curve, daysOpen),
    overdue: p75 !== null && daysOpen > p75,
  };
}

/** `YYYY-MM-DD` plus whole days (UTC calendar arithmetic: the dates are already organisation days). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
