import { timeToHireSchema } from '../contract/metrics.ts';
import { queryMetric, type MetricDefinition } from './metric.ts';

/**
 * Time to hire: Days from application to hire (accepted offer resolution, else hired_at) for hires dated
 * in the period.
 */
export const timeToHire: MetricDefinition<typeof timeToHireSchema> = {
  async compute(context) {
    const [row] = await queryMetric<{ hires: number; median_days: number | null; mean_days: number | null }>(context, 'time_to_hire');
    return { hires: row!.hires, medianDays: row!.median_days, meanDays: row!.mean_days };
  },
};
