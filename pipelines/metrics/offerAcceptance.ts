import { offerAcceptanceSchema } from '../schemas/metrics.ts';
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

/** Status of a rate (DESIGN §3): insufficient-data under minOffers resolved offers, else healthy / watch / alarm. */
export function oarStatus(accepted: number, declined: number, { healthy, alarm, minOffers }: { healthy: number; alarm: number; minOffers: number }) {
  const n = accepted + declined;
  if (n < minOffers || n === 0) return 'insufficient-data' as const;
  const rate = accepted / n;
  if (rate >= healthy) return 'healthy' as const;
  if (rate >= alarm) return 'watch' as const;
  return 'alarm' as const;
}

export const offerAcceptance: MetricDefinition<typeof offerAcceptanceSchema> = {
  id: 'offerAcceptance',
  label: 'Offer acceptance rate',
  unit: 'ratio',
  description:
    'Accepted / (accepted + declined) over the latest offer version per application resolved in the period; 95% Wilson interval; healthy >= 85%, alarm < 75%.',
  sql: ['metrics/offer_acceptance.sql'],
  schema: offerAcceptanceSchema,
  async compute(context) {
    const [row] = await queryMetric<Row>(context, 'offer_acceptance');
    const { healthy, alarm, minOffers } = context.config.offerAcceptance;
    const r = row!;
    return {
      accepted: r.accepted,
      declined: r.declined,
      pending: r.pending,
      rescinded: r.rescinded,
      rate: r.rate,
      ci95: r.ci_low === null || r.ci_high === null ? null : [r.ci_low, r.ci_high],
      status: oarStatus(r.accepted, r.declined, { healthy, alarm, minOffers }),
      thresholds: { healthy, alarm },
      minOffers,
    };
  },
};
