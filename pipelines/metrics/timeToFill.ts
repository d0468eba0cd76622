import { timeToFillSchema } from '../contract/metrics.ts';
import { queryMetric, type MetricDefinition } from './metric.ts';

interface Fill {
  filled: number;
  median_days: number | null;
  mean_days: number | null;
  p75_days: number | null;
}
interface Aging {
  open: number;
  '0-30': number;
  '31-60': number;
  '61-90': number;
  '91-180': number;
  '>180': number;
}
interface CurvePoint {
  days: number;
  at_risk: number;
  events: number;
  censored: number;
  survival: number;
}

/**
 * DESIGN §3 Kaplan-Meier median: the smallest event time with S(t) <= 0.5 (1e-12 of slack absorbs the
 * floating-point error of the product, e.g. 3/4 * 2/3), else null.
 */
export function kmMedian(curve: readonly { days: number; events: number; survival: number }[]): number | null {
  return curve.find((p) => p.events > 0 && p.survival <= 0.5 + 1e-12)?.days ?? null;
}

/**
 * Time to fill: Days from opening to fill (accepted offer resolution, else close) for openings filled in
 * the period; open openings with aging at asOf; Kaplan-Meier median over openings opened in the period.
 */
export const timeToFill: MetricDefinition<typeof timeToFillSchema> = {
  async compute(context) {
    const [fill] = await queryMetric<Fill>(context, 'time_to_fill');
    const [aging] = await queryMetric<Aging>(context, 'open_aging');
    const curve = await queryMetric<CurvePoint>(context, 'km_curve');
    const { open, ...buckets } = aging!;
    return {
      filled: fill!.filled,
      medianDays: fill!.median_days,
      meanDays: fill!.mean_days,
      p75Days: fill!.p75_days,
      open,
      openAging: buckets,
      kmMedianDays: kmMedian(curve),
      kmCurve: curve.map((p) => ({ days: p.days, atRisk: p.at_risk, events: p.events, censored: p.censored, survival: p.survival })),
    };
  },
};
