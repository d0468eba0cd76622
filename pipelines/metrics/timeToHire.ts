import { timeToHireSchema } from '../schemas/metrics.ts';
import { queryMetric, type MetricDefinition } from './metric.ts';

export const timeToHire: MetricDefinition<typeof timeToHireSchema> = {
  id: 'timeToHire',
  label: 'Time to hire',
  unit: 'days',
  description: 'Days from application to hire (accepted offer resolution, else hired_at) for hires dated in the period.',
  sql: ['metrics/time_to_hire.sql'],
  schema: timeToHireSchema,
  async compute(context) {
    const [row] = await queryMetric<{ hires: number; median_days: number | null; mean_days: number | null }>(context, 'time_to_hire');
    return { hires: row!.hires, medianDays: row!.median_days, meanDays: row!.mean_days };
  },
};
