import { agingBuckets, type AgingBucket } from '../contract/dimensions.ts';
import { timeToFillSchema } from '../contract/metrics.ts';
import { queryMetric, type MetricDefinition } from './metric.ts';
import { kmQuantileDays } from './kmForecast.ts';

interface Fill {
  filled: number;
  median_days: number | null;
  mean_days: number | null;
  p75_days: number | null;
}
interface Aging {
  bucket: AgingBucket;
  count: number;
}
interface CurvePoint {
  days: number;
  at_risk: number;
  events: number;
  censored: number;
  survival: number;
}

/**
 * DESIGN §3 Kaplan-Meier median: the smallest event time with S(t) <= 0.5 (kmForecast.ts: 1e-12 of slack
 * absorbs the floating-point error of the product, e.g. 3/4 * 2/3), else null.
 */
export function kmMedian(curve: readonly { days: number; events: number; survival: number }[]): number | null {
  return kmQuantileDays(curve, 0.5);
}

/**
 * Time to fill: Days from opening to fill (accepted offer resolution, else close) for openings filled in
 * the period; open openings with aging at asOf; Kaplan-Meier median over openings opened in the period.
 */
export const timeToFill: MetricDefinition<typeof timeToFillSchema> = {
  async compute(context) {
    const [fill] = await queryMetric<Fill>(context, 'time_to_fill');
    const aging = await queryMetric<Aging>(context, 'open_aging');
    const curve = await queryMetric<CurvePoint>(context, 'km_curve');
    const openAging = Object.fromEntries(agingBuckets.map((b) => [b, aging.find((a) => a.bucket === b)?.count ?? 0])) as Record<AgingBucket, number>;
    return {
      filled: fill!.filled,
      medianDays: fill!.median_days,
      meanDays: fill!.mean_days,
      p75Days: fill!.p75_days,
      open: aging.reduce((n, a) => n + a.count, 0),
      openAging,
      kmMedianDays: kmMedian(curve),
      kmCurve: curve.map((p) => ({ days: p.days, atRisk: p.at_risk, events: p.events, censored: p.censored, survival: p.survival })),
    };
  },
};
