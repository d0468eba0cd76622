import { z } from 'zod';
import { funnelStageSchema } from '../contract/metrics.ts';
import { stageKeys } from '../contract/stages.ts';
import { queryMetric, type MetricDefinition } from './metric.ts';

const schema = z.array(funnelStageSchema);
interface Row {
  stage: (typeof stageKeys)[number];
  reached: number;
  advanced: number | null;
  pass_through: number | null;
  rejected: number;
  withdrew: number;
  other: number;
  active: number;
}

/**
 * Stage drop-off: Applications applied in the period that reached each stage (furthest stage or later),
 * pass-through to the next stage, and where they stopped: rejected, withdrew, other, active.
 */
export const funnel: MetricDefinition<typeof schema> = {
  async compute(context) {
    const rows = await queryMetric<Row>(context, 'funnel');
    return rows.map((r) => ({
      stage: r.stage,
      reached: r.reached,
      advanced: r.advanced,
      passThrough: r.pass_through,
      rejected: r.rejected,
      withdrew: r.withdrew,
      other: r.other,
      active: r.active,
    }));
  },
};
