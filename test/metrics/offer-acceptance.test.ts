/** DESIGN §3 offer acceptance rate, on hand-made offers (every number worked out in the comments). */
import { describe, expect, it } from 'vitest';
import { csv, metricsOf } from '../helpers/warehouse.ts';

const offersHeader = 'offer_id,application_id,status,version,created_at,sent_at,resolved_at';

describe('offer acceptance: versions, deprecated, rescinded, pending, period', () => {
  const offers = csv(offersHeader, [
    // a1: v1 declined, then v2 accepted -> latest version v2 counts: accepted (resolved Jan 10)
    'o1,a1,declined,1,2026-01-01,2026-01-01,2026-01-05',
    'o2,a1,accepted,2,2026-01-06,2026-01-06,2026-01-10',
    // a2: v2 deprecated is never counted -> v1 accepted counts (resolved Jan 3)
    'o3,a2,accepted,1,2026-01-02,2026-01-02,2026-01-03',
    'o4,a2,deprecated,2,2026-01-04,,',
    // a3: v1 deprecated, v2 declined -> declined (Jan 12)
    'o5,a3,deprecated,1,2026-01-02,,',
    'o6,a3,declined,2,2026-01-08,2026-01-08,2026-01-12',
    // a4: rescinded by the company (Jan 15): reported apart, not in the rate
    'o7,a4,rescinded,1,2026-01-10,2026-01-10,2026-01-15',
    // a5: pending, a current state whatever the period
    'o8,a5,pending,1,2026-02-20,2026-02-20,',
    // a6: two rows with version 1: the later created_at wins -> accepted (Feb 2)
    'o9,a6,declined,1,2026-01-20,2026-01-20,2026-01-25',
    'o10,a6,accepted,1,2026-01-28,2026-01-28,2026-02-02',
    // a7: accepted on Mar 1, outside the period [Jan 1, Feb 28] -> not counted
    'o11,a7,accepted,1,2026-02-25,2026-02-25,2026-03-01',
    // a8: pending but created after asOf (Mar 31) -> does not exist yet
    'o12,a8,pending,1,2026-04-05,,',
  ]);

  it('counts the latest version per application, resolved in the period', async () => {
    const m = await metricsOf({ 'offers.csv': offers }, { asOf: '2026-03-31', filters: { from: '2026-01-01', to: '2026-02-28' } });
    // accepted a1, a2, a6 = 3; declined a3 = 1; rescinded a4 = 1; pending a5 = 1
    expect(m.offerAcceptance).toMatchObject({ accepted: 3, declined: 1, rescinded: 1, pending: 1 });
    // rate = 3 / (3 + 1) = 0.75; 4 resolved offers < minOffers 10 -> insufficient-data
    expect(m.offerAcceptance.rate).toBe(0.75);
    expect(m.offerAcceptance.status).toBe('insufficient-data');
    // Wilson, z = 1.959963984540054, n = 4, p = 0.75: z^2/n = 0.96036; centre (0.75 + 0.48018) / 1.96036,
    // half-width z * sqrt(0.1875/4 + z^2/64) / 1.96036 -> [0.30064184, 0.95441274]
    expect(m.offerAcceptance.ci95![0]).toBeCloseTo(0.3006418425824019, 10);
    expect(m.offerAcceptance.ci95![1]).toBeCloseTo(0.9544127391902995, 10);
    expect(m.offerAcceptance.thresholds).toEqual({ healthy: 0.85, alarm: 0.75 });
    expect(m.offerAcceptance.minOffers).toBe(10);
  });

  it('applies the configured minOffers: exactly 75% is watch, not alarm', async () => {
    const m = await metricsOf(
      { 'offers.csv': offers },
      { asOf: '2026-03-31', filters: { from: '2026-01-01', to: '2026-02-28' } },
      { offerAcceptance: { healthy: 0.85, alarm: 0.75, minOffers: 4 } },
    );
    expect(m.offerAcceptance.status).toBe('watch');
  });

  it('without a period counts every resolution up to asOf', async () => {
    const m = await metricsOf({ 'offers.csv': offers }, { asOf: '2026-03-31' });
    // a7 now counts: accepted 4, declined 1 -> 4/5 = 0.8
    expect(m.offerAcceptance).toMatchObject({ accepted: 4, declined: 1, pending: 1, rescinded: 1, rate: 0.8 });
  });

  it('an offer resolved after asOf was still pending at asOf', async () => {
    const m = await metricsOf({ 'offers.csv': offers }, { asOf: '2026-02-28' });
    // a7 (resolved Mar 1) is pending at Feb 28, as is a5: pending 2; accepted a1, a2, a6 = 3; declined 1
    expect(m.offerAcceptance).toMatchObject({ accepted: 3, declined: 1, pending: 2, rate: 0.75 });
  });
});

/** n offers, `accepted` of them accepted, all resolved on 2026-05-10. */
function offerRows(total: number, accepted: number): string {
  const rows = Array.from({ length: total }, (_, i) =>
    `o${i},a${i},${i < accepted ? 'accepted' : 'declined'},1,2026-05-01,2026-05-02,2026-05-10`,
  );
  return csv(offersHeader, rows);
}

describe('offer acceptance status lines', () => {
  it('exactly 85% (17 of 20) is healthy', async () => {
    const m = await metricsOf({ 'offers.csv': offerRows(20, 17) }, { asOf: '2026-06-30' });
    expect(m.offerAcceptance.rate).toBe(0.85);
    expect(m.offerAcceptance.status).toBe('healthy');
    // Wilson n = 20, p = 0.85 -> [0.63958114, 0.94763125]
    expect(m.offerAcceptance.ci95![0]).toBeCloseTo(0.639581135259243, 10);
    expect(m.offerAcceptance.ci95![1]).toBeCloseTo(0.9476312541037835, 10);
  });

  it('84.2% (16 of 19) is watch', async () => {
    const m = await metricsOf({ 'offers.csv': offerRows(19, 16) }, { asOf: '2026-06-30' });
    expect(m.offerAcceptance.status).toBe('watch');
  });

  it('exactly 75% (15 of 20) is watch; 70% (14 of 20) is alarm', async () => {
    const watch = await metricsOf({ 'offers.csv': offerRows(20, 15) }, { asOf: '2026-06-30' });
    expect(watch.offerAcceptance).toMatchObject({ rate: 0.75, status: 'watch' });
    const alarm = await metricsOf({ 'offers.csv': offerRows(20, 14) }, { asOf: '2026-06-30' });
    expect(alarm.offerAcceptance).toMatchObject({ rate: 0.7, status: 'alarm' });
  });

  it('zero offers: insufficient data, no rate, no interval, no NaN', async () => {
    const m = await metricsOf({ 'jobs.csv': csv('job_id', ['j1']) }, { asOf: '2026-06-30' });
    expect(m.offerAcceptance).toEqual({
      accepted: 0,
      declined: 0,
      pending: 0,
      rescinded: 0,
      rate: null,
      ci95: null,
      status: 'insufficient-data',
      thresholds: { healthy: 0.85, alarm: 0.75 },
      minOffers: 10,
    });
  });
});
