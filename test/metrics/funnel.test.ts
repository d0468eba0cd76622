/** DESIGN §3 funnel, time in stage, sources and offer speed on hand-made histories. */
import { describe, expect, it } from 'vitest';
import { csv, metricsOf } from '../helpers/warehouse.ts';

const applications = csv('application_id,job_id,applied_at,source,status,rejection_type', [
  'f1,j1,2026-01-02T09:00:00Z,Referral,rejected,rejected', // applied > screen > technical > onsite, rejected
  'f2,j1,2026-01-03T09:00:00Z,Referral,active,', // applied > onsite (skips screen and technical), active
  'f3,j1,2026-01-05T09:00:00Z,LinkedIn,rejected,withdrew', // ... technical, back to screen; withdrew
  'f4,j1,2026-01-02T09:00:00Z,LinkedIn,rejected,rejected', // applied > Culture Chat (unmapped)
  'f5,j1,2026-01-04T09:00:00Z,,rejected,withdrew', // applied > screen, then an offer row (declined)
  'f6,j1,2026-01-06T09:00:00Z,Referral,hired,', // no history at all, hired
  'f7,j1,2026-01-06T09:00:00Z,LinkedIn,active,', // Recruiter Screen, active
  'x1,j1,2026-02-10T09:00:00Z,Indeed,active,', // outside the January cohort
]);
const history = csv('application_id,stage,entered_at,exited_at', [
  'f1,Application Review,2026-01-02T09:00:00Z,2026-01-04T09:00:00Z', // applied 2 days
  'f1,Recruiter Screen,2026-01-04T09:00:00Z,2026-01-09T09:00:00Z', // screen 5
  'f1,Coding Interview,2026-01-09T09:00:00Z,2026-01-16T09:00:00Z', // technical 7
  'f1,Onsite,2026-01-16T09:00:00Z,2026-01-20T09:00:00Z', // onsite 4
  'f2,Application Review,2026-01-03T09:00:00Z,2026-01-05T09:00:00Z', // applied 2
  'f2,Final Interview,2026-01-05T09:00:00Z,', // onsite, not finished
  'f3,application review,2026-01-05T09:00:00Z,2026-01-06T09:00:00Z', // applied 1 (case-insensitive name)
  'f3,Preliminary Phone Screen,2026-01-06T09:00:00Z,2026-01-10T09:00:00Z', // screen 4
  'f3,Take Home Test,2026-01-10T09:00:00Z,2026-01-12T09:00:00Z', // technical 2
  'f3,Recruiter Screen,2026-01-12T09:00:00Z,', // back to screen: progress is not undone
  'f4,Application Review,2026-01-02T09:00:00Z,2026-01-03T09:00:00Z', // applied 1
  'f4,Culture Chat,2026-01-03T09:00:00Z,2026-01-05T09:00:00Z', // unmapped: left out
  'f5,Application Review,2026-01-04T09:00:00Z,2026-01-08T09:00:00Z', // applied 4
  'f5,Recruiter Screen,2026-01-08T09:00:00Z,2026-01-10T09:00:00Z', // screen 2
  'f7,Recruiter Screen,2026-01-06T09:00:00Z,', // screen, not finished
  'x1,Application Review,2026-02-10T09:00:00Z,2026-02-20T09:00:00Z', // outside the cohort
]);
const offers = csv('offer_id,application_id,status,version,created_at,sent_at,resolved_at', [
  'o5,f5,declined,1,2026-01-12,2026-01-12,2026-01-15',
  'o6,f6,accepted,1,2026-01-20,2026-01-20,2026-01-22',
]);
const files = { 'applications.csv': applications, 'stage_history.csv': history, 'offers.csv': offers };
const january = { asOf: '2026-03-31', filters: { from: '2026-01-01', to: '2026-01-31' } };

describe('funnel', () => {
  it('counts the furthest stage reached: skips pass, backward moves never undo progress', async () => {
    const m = await metricsOf(files, january);
    // furthest: f1 onsite, f2 onsite (skip), f3 technical (backward move), f4 applied (unmapped ignored),
    // f5 offer (offer row), f6 hired (status), f7 screen.
    // reached: applied 7; screen 6 (all but f4); technical 5 (f1 f2 f3 f5 f6); onsite 4 (f1 f2 f5 f6);
    // offer 2 (f5 f6); hired 1 (f6). passThrough = next / this: 6/7, 5/6, 4/5, 2/4, 1/2.
    // stopped at: applied f4 rejected; screen f7 active; technical f3 withdrew; onsite f1 rejected + f2 active;
    // offer f5 withdrew; hired f6.
    expect(m.funnel).toEqual([
      { stage: 'applied', reached: 7, advanced: 6, passThrough: 6 / 7, rejected: 1, withdrew: 0, other: 0, active: 0 },
      { stage: 'screen', reached: 6, advanced: 5, passThrough: 5 / 6, rejected: 0, withdrew: 0, other: 0, active: 1 },
      { stage: 'technical', reached: 5, advanced: 4, passThrough: 4 / 5, rejected: 0, withdrew: 1, other: 0, active: 0 },
      { stage: 'onsite', reached: 4, advanced: 2, passThrough: 0.5, rejected: 1, withdrew: 0, other: 0, active: 1 },
      { stage: 'offer', reached: 2, advanced: 1, passThrough: 0.5, rejected: 0, withdrew: 1, other: 0, active: 0 },
      { stage: 'hired', reached: 1, advanced: null, passThrough: null, rejected: 0, withdrew: 0, other: 0, active: 0 },
    ]);
    expect(m.dataQuality.unmappedStages).toEqual(['Culture Chat']);
  });

  it('measures median days in stage over finished stays of the cohort', async () => {
    const m = await metricsOf(files, january);
    // applied: f1 2, f2 2, f3 1, f4 1, f5 4 -> 1 1 2 2 4, median 2 (x1's 10 days is outside the cohort)
    // screen: f1 5, f3 4, f5 2 -> median 4 (f3's second screen and f7's are unfinished)
    // technical: f1 7, f3 2 -> median 4.5; onsite: f1 4
    expect(m.timeInStage).toEqual([
      { stage: 'applied', stays: 5, medianDays: 2 },
      { stage: 'screen', stays: 3, medianDays: 4 },
      { stage: 'technical', stays: 2, medianDays: 4.5 },
      { stage: 'onsite', stays: 1, medianDays: 4 },
      { stage: 'offer', stays: 0, medianDays: null },
      { stage: 'hired', stays: 0, medianDays: null },
    ]);
  });

  it('compares sources on the cohort, a missing source being Unknown', async () => {
    const m = await metricsOf(files, january);
    // LinkedIn f3 f4 f7: 3 applications, no hire; Referral f1 f2 f6: 3, 1 hire (f6, offer accepted);
    // Unknown f5: 1 application, offer declined. Sorted by applications, then name.
    expect(m.sources).toEqual([
      { source: 'LinkedIn', applications: 3, hires: 0, hireRate: 0, offersAccepted: 0, offersDeclined: 0 },
      { source: 'Referral', applications: 3, hires: 1, hireRate: 1 / 3, offersAccepted: 1, offersDeclined: 0 },
      { source: 'Unknown', applications: 1, hires: 0, hireRate: 0, offersAccepted: 0, offersDeclined: 1 },
    ]);
  });

  it('puts an application whose time crosses midnight UTC on the organisation calendar day', async () => {
    const late = csv('application_id,job_id,applied_at', ['t1,j1,2026-01-31T23:30:00-05:00']); // = 2026-02-01T04:30Z
    const inFebruaryUtc = await metricsOf({ 'applications.csv': late }, { asOf: '2026-03-31', filters: { from: '2026-02-01', to: '2026-02-28' } });
    expect(inFebruaryUtc.funnel[0]!.reached).toBe(1); // UTC calendar: 1 February
    const inFebruaryNy = await metricsOf(
      { 'applications.csv': late },
      { asOf: '2026-03-31', filters: { from: '2026-02-01', to: '2026-02-28' } },
      { timeZone: 'America/New_York' },
    );
    expect(inFebruaryNy.funnel[0]!.reached).toBe(0); // New York calendar: still 31 January
  });
});

describe('offer speed', () => {
  it('splits offers sent within 2 calendar days of the last onsite stay from later ones', async () => {
    const stays = csv('application_id,stage,entered_at,exited_at', [
      'a1,Onsite,2026-03-01T09:00:00Z,2026-03-02T09:00:00Z',
      'a1,System Design,2026-03-05T09:00:00Z,2026-03-10T17:00:00Z', // last onsite stay ends Mar 10
      'a2,Onsite,2026-03-08T09:00:00Z,2026-03-10T17:00:00Z',
      'a3,Onsite,2026-03-08T09:00:00Z,2026-03-10T17:00:00Z',
      'a4,Recruiter Screen,2026-03-08T09:00:00Z,2026-03-10T17:00:00Z', // no onsite: left out
    ]);
    const sent = csv('offer_id,application_id,status,version,created_at,sent_at,resolved_at', [
      'o1,a1,accepted,1,2026-03-12,2026-03-12T09:00:00Z,2026-03-14', // Mar 10 -> Mar 12 = 2 days: within
      'o2,a2,declined,1,2026-03-13,2026-03-13T09:00:00Z,2026-03-16', // 3 days: later
      'o3,a3,declined,1,2026-03-11,2026-03-11T09:00:00Z,2026-03-12', // 1 day: within
      'o4,a4,accepted,1,2026-03-11,2026-03-11T09:00:00Z,2026-03-12',
    ]);
    const m = await metricsOf({ 'stage_history.csv': stays, 'offers.csv': sent }, { asOf: '2026-03-31' });
    expect(m.offerSpeed).toEqual({ within2Days: { accepted: 1, declined: 1 }, later: { accepted: 0, declined: 1 } });
  });
});
