import { offerAcceptanceSchema } from '../contract/metrics.ts';
import { rateStatus } from '../contract/status.ts';
import { linesFor } from '../contract/thresholds.ts';
import { queryMetric, type MetricDefinition } from './metric.ts';

interface Row {
  accepted: number;
  declined: number;
  pending: number;
  rescinded: number;
  rate: number | null;
  ci_low: number | null;
  ci_high: number | null;
}

/** The department and region filters of a prepared context (the cell whose lines apply). */
export function viewOf(context: { readonly params: Record<string, unknown> }): { department: string | null; region: string | null } {
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return { department: text(context.params.department), region: text(context.params.region) };
}

/**
 * Offer acceptance rate: Accepted / (accepted + declined) over the latest offer version per application
 * resolved in the period; 95% Wilson interval; healthy >= 85%, alarm < 75%.
 */
export const offerAcceptance: MetricDefinition<typeof offerAcceptanceSchema> = {
  async compute(context) {
    const [row] = await queryMetric<Row>(context, 'offer_acceptance');
    // the lines of this view's department / region cell (config offerAcceptance.cells), else the defaults
    const { healthy, alarm, minOffers } = linesFor(context.config.offerAcceptance, viewOf(context));
    const r = row!;
    return {
      accepted: r.accepted,
      declined: r.declined,
      pending: r.pending,
      rescinded: r.rescinded,
      rate: r.rate,
      ci95: r.ci_low === null || r.ci_high === null ? null : [r.ci_low, r.ci_high],
      status: rateStatus(r.accepted, r.declined, { healthy, alarm, minOffers }),
      thresholds: { healthy, alarm },
      minOffers,
    };
  },
};
