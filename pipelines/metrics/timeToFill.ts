import { timeToFillSchema } from '../schemas/metrics.ts';
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

export const timeToFill: MetricDefinition<typeof timeToFillSchema> = {
  id: 'timeToFill',
  label: 'Time to fill',
  unit: 'days',
  description:
    'Days from opening to fill (accepted offer resolution, else close) for openings filled in the period; open openings with aging at asOf; Kaplan-Meier median over openings opened in the period.',
  sql: ['metrics/time_to_fill.sql', 'metrics/open_aging.sql', 'metrics/km_median.sql', 'metrics/km_curve.sql'],
  schema: timeToFillSchema,
  async compute(context) {
    const [fill] = await queryMetric<Fill>(context, 'time_to_fill');
    const [aging] = await queryMetric<Aging>(context, 'open_aging');
    const [km] = await queryMetric<{ km_median_days: number | null }>(context, 'km_median');
    const curve = await queryMetric<CurvePoint>(context, 'km_curve');
    const { open, ...buckets } = aging!;
    return {
      filled: fill!.filled,
      medianDays: fill!.median_days,
      meanDays: fill!.mean_days,
      p75Days: fill!.p75_days,
      open,
      openAging: buckets,
      kmMedianDays: km!.km_median_days,
      kmCurve: curve.map((p) => ({ days: p.days, atRisk: p.at_risk, events: p.events, censored: p.censored, survival: p.survival })),
    };
  },
};
