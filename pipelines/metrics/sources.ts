import { z } from 'zod';
import { sourceSchema } from '../contract/metrics.ts';
import { queryMetric, type MetricDefinition } from './metric.ts';

const schema = z.array(sourceSchema);
interface Row {
  source: string;
  applications: number;
  hires: number;
  hire_rate: number;
  offers_accepted: number;
  offers_declined: number;
}

/**
 * Source effectiveness: Per source, applications in the period, hires, hire rate and the outcome of their
 * latest offers.
 */
export const sources: MetricDefinition<typeof schema> = {
  async compute(context) {
    const rows = await queryMetric<Row>(context, 'sources');
    return rows.map((r) => ({
      source: r.source,
      applications: r.applications,
      hires: r.hires,
      hireRate: r.hire_rate,
      offersAccepted: r.offers_accepted,
      offersDeclined: r.offers_declined,
    }));
  },
};
