import { z } from 'zod';
import { regionSchema } from '../contract/metrics.ts';
import type { BenchmarkStatus } from '../contract/status.ts';
import { queryMetric, type MetricDefinition } from './metric.ts';

const schema = z.array(regionSchema);
interface Row {
  region: string;
  filled: number;
  median_days: number | null;
  low_days: number | null;
  high_days: number | null;
  status: BenchmarkStatus | null;
}

/**
 * Regional time to fill: Per region, openings filled in the period and their median time to fill against
 * the seed article's ranges.
 */
export const regions: MetricDefinition<typeof schema> = {
  async compute(context) {
    const rows = await queryMetric<Row>(context, 'regions');
    return rows.map((r) => ({
      region: r.region,
      filled: r.filled,
      medianTimeToFillDays: r.median_days,
      benchmarkDays: r.low_days === null || r.high_days === null ? null : [r.low_days, r.high_days],
      status: r.status,
    }));
  },
};
