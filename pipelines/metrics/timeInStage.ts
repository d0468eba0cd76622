import { z } from 'zod';
import { timeInStageSchema } from '../contract/metrics.ts';
import { stageKeys } from '../contract/stages.ts';
import { queryMetric, type MetricDefinition } from './metric.ts';

const schema = z.array(timeInStageSchema);

/**
 * Time in stage: Median days per canonical stage over finished stays of applications applied in the
 * period.
 */
export const timeInStage: MetricDefinition<typeof schema> = {
  async compute(context) {
    const rows = await queryMetric<{ stage: (typeof stageKeys)[number]; stays: number; median_days: number | null }>(context, 'time_in_stage');
    return rows.map((r) => ({ stage: r.stage, stays: r.stays, medianDays: r.median_days }));
  },
};
