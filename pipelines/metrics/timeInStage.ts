import { z } from 'zod';
import { stageKeys, timeInStageSchema } from '../schemas/metrics.ts';
import { queryMetric, type MetricDefinition } from './metric.ts';

const schema = z.array(timeInStageSchema);

export const timeInStage: MetricDefinition<typeof schema> = {
  id: 'timeInStage',
  label: 'Time in stage',
  unit: 'days',
  description: 'Median days per canonical stage over finished stays of applications applied in the period.',
  sql: ['metrics/time_in_stage.sql'],
  schema,
  async compute(context) {
    const rows = await queryMetric<{ stage: (typeof stageKeys)[number]; stays: number; median_days: number | null }>(context, 'time_in_stage');
    return rows.map((r) => ({ stage: r.stage, stays: r.stays, medianDays: r.median_days }));
  },
};
