import { offerSpeedSchema } from '../contract/metrics.ts';
import { queryMetric, type MetricDefinition } from './metric.ts';

interface Row {
  within_accepted: number;
  within_declined: number;
  later_accepted: number;
  later_declined: number;
}

/**
 * Offer speed: Offers sent within 2 days of the last onsite stay vs later, and how each group was
 * answered.
 */
export const offerSpeed: MetricDefinition<typeof offerSpeedSchema> = {
  async compute(context) {
    const [r] = await queryMetric<Row>(context, 'offer_speed');
    return {
      within2Days: { accepted: r!.within_accepted, declined: r!.within_declined },
      later: { accepted: r!.later_accepted, declined: r!.later_declined },
    };
  },
};
