/**
 * Issue 14, Deliver 4: exports that log events instead of stays. A stay without an exit ends at the next
 * stay's entry, else at the application's rejection or hire; a terminal stage (Hired, Rejected, Withdrawn)
 * sets the outcome when no status says otherwise; offers settled without any date count by status.
 */
import { describe, expect, it } from 'vitest';
import { csv, metricsOf } from '../helpers/warehouse.ts';

// No status for e1, e2, e3, e5: their log says it. e4's own status (active) wins over its Rejected row.
// e6 is rejected (withdrew) on 2026-01-15 by its own columns: its last stay closes then.
const applications = csv('application_id,job_id,applied_at,source,status,rejected_at,rejection_type', [
  'e1,j1,2026-01-02T09:00:00Z,Referral,,,',
  'e2,j1,2026-01-03T09:00:00Z,LinkedIn,,,',
  'e3,j1,2026-01-05T09:00:00Z,Referral,,,',
  'e4,j1,2026-01-06T09:00:00Z,LinkedIn,active,,',
  'e5,j1,2026-01-06T09:00:00Z,Indeed,,,',
  'e6,j1,2026-01-07T09:00:00Z,Referral,rejected,2026-01-15T12:00:00Z,withdrew',
]);
// Entry times only, as an event log has them (no exited_at column at all).
const history = csv('application_id,stage,entered_at', [
  'e1,Application Review,2026-01-02T09:00:00Z', // applied: 01-02 -> 01-05 (next entry) = 3 days
  'e1,Recruiter Screen,2026-01-05T09:00:00Z', // screen: 01-05 -> 01-09 = 4
  'e1,Onsite,2026-01-09T09:00:00Z', // onsite: 01-09 -> 01-20 = 11
  'e1,Hired,2026-01-20T09:00:00Z', // terminal: hired on 01-20 (an outcome, not a stay)
  'e2,Application Review,2026-01-03T09:00:00Z', // applied: 01-03 -> 01-04 = 1
  'e2,Recruiter Screen,2026-01-04T09:00:00Z', // screen: 01-04 -> 01-10 = 6
  'e2,Rejected,2026-01-10T09:00:00Z', // terminal: rejected
  'e3,Application Review,2026-01-05T09:00:00Z', // applied: 01-05 -> 01-07 = 2
  'e3,Coding Interview,2026-01-07T09:00:00Z', // technical: 01-07 -> 01-12 = 5
  'e3,Withdrawn,2026-01-12T09:00:00Z', // terminal: withdrew
  'e4,Application Review,2026-01-06T09:00:00Z', // applied: 01-06 -> 01-08 = 2
  'e4,Rejected,2026-01-08T09:00:00Z', // terminal, but e4 says active: active it is
  'e5,Application Review,2026-01-06T09:00:00Z', // still open: no next entry, no outcome
  'e6,Application Review,2026-01-07T09:00:00Z', // applied: 01-07 -> 01-09 = 2
  'e6,Recruiter Screen,2026-01-09T09:00:00Z', // screen: 01-09 -> rejection 01-15 = 6
]);
const files = { 'applications.csv': applications, 'stage_history.csv': history };
const january = { asOf: '2026-03-31', filters: { from: '2026-01-01', to: '2026-01-31' } };

describe('stage logs without exits', () => {
  it('closes each stay at the next entry or the outcome, and counts time in stage from them', async () => {
    const m = await metricsOf(files, january);
    // applied: 3, 1, 2, 2, 2 (e5 open) -> sorted 1 2 2 2 3, median 2; screen: 4, 6, 6 -> 6;
    // technical: 5; onsite: 11; offer: none; hired: an outcome, never a stay.
    expect(m.timeInStage).toEqual([
      { stage: 'applied', stays: 5, medianDays: 2 },
      { stage: 'screen', stays: 3, medianDays: 6 },
      { stage: 'technical', stays: 1, medianDays: 5 },
      { stage: 'onsite', stays: 1, medianDays: 11 },
      { stage: 'offer', stays: 0, medianDays: null },
      { stage: 'hired', stays: 0, medianDays: null },
    ]);
  });

  it('takes the outcome from a terminal stage when no status says otherwise', async () => {
    const m = await metricsOf(files, january);
    // furthest: e1 hired (6), e2 screen, e3 technical, e4 applied (Rejected is an outcome, not a stage),
    // e5 applied, e6 screen. reached: applied 6, screen 4 (e1 e2 e3 e6: e3 skipped it), technical 2 (e1 e3), onsite 1,
    // offer 1 (e1: hired passes offer), hired 1. Stopped at applied: e4 and e5 active; at screen: e2
    // rejected, e6 withdrew; at technical: e3 withdrew (its Withdrawn row).
    expect(m.funnel).toEqual([
      { stage: 'applied', reached: 6, advanced: 4, passThrough: 4 / 6, rejected: 0, withdrew: 0, other: 0, active: 2 },
      { stage: 'screen', reached: 4, advanced: 2, passThrough: 0.5, rejected: 1, withdrew: 1, other: 0, active: 0 },
      { stage: 'technical', reached: 2, advanced: 1, passThrough: 0.5, rejected: 0, withdrew: 1, other: 0, active: 0 },
      { stage: 'onsite', reached: 1, advanced: 1, passThrough: 1, rejected: 0, withdrew: 0, other: 0, active: 0 },
      { stage: 'offer', reached: 1, advanced: 1, passThrough: 1, rejected: 0, withdrew: 0, other: 0, active: 0 },
      { stage: 'hired', reached: 1, advanced: null, passThrough: null, rejected: 0, withdrew: 0, other: 0, active: 0 },
    ]);
    // e1 hired at its Hired row, 2026-01-20: 18 days after applying on 2026-01-02.
    expect(m.timeToHire).toMatchObject({ hires: 1, medianDays: 18, meanDays: 18 });
    // Referral: e1, e3, e6 -> 3 applications, 1 hire.
    expect(m.sources.find((s) => s.source === 'Referral')).toMatchObject({ applications: 3, hires: 1, hireRate: 1 / 3 });
    // Terminal stage names are outcomes, not unmapped stages.
    expect(m.dataQuality.unmappedStages).toEqual([]);
  });

  it('reads other terminal names from the config', async () => {
    const log = history.replace('e2,Rejected,', 'e2,Not a fit,');
    const m = await metricsOf({ ...files, 'stage_history.csv': log }, january, { terminalStages: { 'Not a fit': 'rejected' } });
    // Same funnel at screen as above: e2 rejected by "Not a fit", which is not listed as unmapped.
    expect(m.funnel[1]).toMatchObject({ stage: 'screen', rejected: 1, withdrew: 1, active: 0 });
    expect(m.dataQuality.unmappedStages).toEqual([]);
  });
});

describe('offers without dates', () => {
  // u1-u9 accepted, u10-u11 declined, u12 pending, u13 rescinded: no date at all. d1: accepted, resolved
  // on 2025-06-01 (dated: inside all history, outside January 2026).
  const undated = [
    ...Array.from({ length: 9 }, (_, i) => `u${i + 1},a${i + 1},accepted,,,`),
    'u10,a10,declined,,,',
    'u11,a11,declined,,,',
    'u12,a12,pending,,,',
    'u13,a13,rescinded,,,',
    'd1,a14,accepted,2025-05-20,2025-05-20,2025-06-01',
  ];
  const offerFiles = { 'offers.csv': csv('offer_id,application_id,status,created_at,sent_at,resolved_at', undated) };

  it('counts them by status in every period and reports them', async () => {
    const all = await metricsOf(offerFiles, { asOf: '2026-03-31', filters: {} });
    // All history: accepted 9 + d1 = 10, declined 2 -> 10 / 12 = 0.8333: watch (75% <= rate < 85%).
    expect(all.offerAcceptance).toMatchObject({ accepted: 10, declined: 2, pending: 1, rescinded: 1, rate: 10 / 12, status: 'watch' });
    // u1-u11 and u13 are settled without a resolution date: 12 (d1 has one; u12 is pending).
    expect(all.dataQuality.offersWithoutResolutionDate).toBe(12);
    const jan = await metricsOf(offerFiles, january);
    // January 2026: d1 falls outside; the undated ones count as a current state -> 9 / 11 = 0.8182: watch.
    expect(jan.offerAcceptance).toMatchObject({ accepted: 9, declined: 2, pending: 1, rescinded: 1, rate: 9 / 11, status: 'watch' });
  });
});
