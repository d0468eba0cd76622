/** DESIGN §3 time to fill, open aging, Kaplan-Meier median, regional benchmarks and time to hire. */
import { describe, expect, it } from 'vitest';
import { csv, metricsOf } from '../helpers/warehouse.ts';

const jobs = csv('job_id,department,level,country', [
  'j-us,Engineering,Senior,US',
  'j-in,Engineering,Mid-Level,India',
  'j-br,Sales,Sr.,BR',
  'j-de,Design,Staff,Germany',
]);
const openings = csv('opening_id,job_id,opened_at,closed_at,close_reason,hired_application_id', [
  // o1: filled by h1, whose accepted offer resolved Feb 10; closed later (Feb 20): filled_at = Feb 10 -> 40 days
  'o1,j-us,2026-01-01,2026-02-20,Hired,h1',
  // o2: filled by h2 with no offer row: filled_at = closed_at Mar 2 -> Jan 1..Mar 2 = 31 + 28 + 1 = 60 days
  'o2,j-us,2026-01-01,2026-03-02,Hired,h2',
  // o3: filled by h3, offer resolved Feb 21 -> 20 days
  'o3,j-in,2026-02-01,2026-02-21,Hired,h3',
  // o4: still open at asOf Jun 30 -> age Mar 1..Jun 30 = 30 + 30 + 31 + 30 = 121 days (91-180)
  'o4,j-de,2026-03-01,,,',
  // o5: cancelled on Feb 14 without a hire: neither filled nor open; censored at 30 days
  'o5,j-de,2026-01-15,2026-02-14,Cancelled,',
  // o6: open, opened Jun 10 -> age 20 (0-30)
  'o6,j-us,2026-06-10,,,',
  // o7: filled by h7, offer resolved May 11 -> Apr 1..May 11 = 40 days
  'o7,j-br,2026-04-01,2026-05-11,Hired,h7',
]);
const applications = csv('application_id,job_id,applied_at,source,status,hired_at', [
  'h1,j-us,2026-01-05,Referral,hired,2026-02-12', // hire = offer resolution Feb 10 -> 36 days
  'h2,j-us,2026-01-10,LinkedIn,hired,2026-02-25', // no offer: hired_at Feb 25 -> 46 days
  'h3,j-in,2026-01-20,Referral,hired,', // offer Feb 21 -> 32 days
  'h7,j-br,2026-04-02,Agency,hired,2026-05-11', // offer May 11 -> 39 days
]);
const offers = csv('offer_id,application_id,status,version,created_at,sent_at,resolved_at', [
  'f1,h1,accepted,1,2026-02-05,2026-02-06,2026-02-10',
  'f3,h3,accepted,1,2026-02-15,2026-02-16,2026-02-21',
  'f7,h7,accepted,1,2026-05-05,2026-05-06,2026-05-11',
]);
const files = { 'jobs.csv': jobs, 'openings.csv': openings, 'applications.csv': applications, 'offers.csv': offers };

describe('time to fill', () => {
  it('measures filled openings, ages open ones and runs Kaplan-Meier over the cohort', async () => {
    const m = await metricsOf(files, { asOf: '2026-06-30' });
    // filled days 40 (o1), 60 (o2), 20 (o3), 40 (o7): sorted 20, 40, 40, 60
    // median = (40 + 40) / 2 = 40; mean = 160 / 4 = 40; p75 at position 3 * 0.75 = 2.25 -> 40 + 0.25 * 20 = 45
    expect(m.timeToFill).toMatchObject({ filled: 4, medianDays: 40, meanDays: 40, p75Days: 45, open: 2 });
    expect(m.timeToFill.openAging).toEqual({ '0-30': 1, '31-60': 0, '61-90': 0, '91-180': 1, '>180': 0 });
    // KM times: 20 event (o3) + 20 censored (o6), 30 censored (o5), 40 events x2 (o1, o7), 60 event (o2), 121 censored (o4)
    // t=20: at risk 7, S = 6/7; t=40: at risk 4 (o1, o7, o2, o4), S = 6/7 * 2/4 = 3/7 = 0.4286 <= 0.5 -> median 40
    expect(m.timeToFill.kmMedianDays).toBe(40);
    expect(m.timeToFill.kmCurve.find((p) => p.days === 40)).toMatchObject({ atRisk: 4, events: 2, censored: 0 });
    expect(m.timeToFill.kmCurve.find((p) => p.days === 40)!.survival).toBeCloseTo(3 / 7, 12);
  });

  it('reports by fill date in the period, and the KM cohort by opening date', async () => {
    const m = await metricsOf(files, { asOf: '2026-06-30', filters: { from: '2026-02-01', to: '2026-02-28' } });
    // filled in February: o1 (Feb 10, 40 days), o3 (Feb 21, 20 days); o2 filled Mar 2 is out
    expect(m.timeToFill).toMatchObject({ filled: 2, medianDays: 30, meanDays: 30, p75Days: 35 });
    // open openings are a current state at asOf: still o4 and o6
    expect(m.timeToFill.open).toBe(2);
    // KM cohort opened in February: only o3 (event at 20): S(20) = 0 -> median 20
    expect(m.timeToFill.kmMedianDays).toBe(20);
  });

  it('treats a fill after asOf as still open at asOf', async () => {
    const m = await metricsOf(files, { asOf: '2026-02-15' });
    // by Feb 15 only o1 was filled (Feb 10). Open at Feb 15: o2 (opened Jan 1, 45 days), o3 (14 days);
    // o5 was cancelled Feb 14; o4, o6, o7 were not opened yet
    expect(m.timeToFill).toMatchObject({ filled: 1, medianDays: 40, open: 2 });
    expect(m.timeToFill.openAging).toEqual({ '0-30': 1, '31-60': 1, '61-90': 0, '91-180': 0, '>180': 0 });
  });

  it('compares regional medians with the seed ranges', async () => {
    const m = await metricsOf(files, { asOf: '2026-06-30' });
    expect(m.regions).toEqual([
      // US: o1 40, o2 60 -> median 50, within 40-55
      { region: 'US', filled: 2, medianTimeToFillDays: 50, benchmarkDays: [40, 55], status: 'within' },
      // EU (Germany): nothing filled
      { region: 'EU', filled: 0, medianTimeToFillDays: null, benchmarkDays: [35, 50], status: null },
      // LatAm (BR): o7 40 > 35 -> above
      { region: 'LatAm', filled: 1, medianTimeToFillDays: 40, benchmarkDays: [25, 35], status: 'above' },
      // APAC (India, by name): o3 20 -> within 20-35 (the low end is inside)
      { region: 'APAC', filled: 1, medianTimeToFillDays: 20, benchmarkDays: [20, 35], status: 'within' },
    ]);
  });

  it('measures time to hire from application to accepted offer, else hired_at', async () => {
    const m = await metricsOf(files, { asOf: '2026-06-30' });
    // 36 (h1), 46 (h2), 32 (h3), 39 (h7): sorted 32, 36, 39, 46 -> median 37.5, mean 153 / 4 = 38.25
    expect(m.timeToHire).toEqual({ hires: 4, medianDays: 37.5, meanDays: 38.25 });
  });

  it('filters by department, region and level (aliases resolved), combined with AND', async () => {
    const engineering = await metricsOf(files, { asOf: '2026-06-30', filters: { department: 'engineering' } });
    // Engineering jobs j-us and j-in: filled o1 40, o2 60, o3 20 -> median 40; open o6
    expect(engineering.timeToFill).toMatchObject({ filled: 3, medianDays: 40, open: 1 });
    const senior = await metricsOf(files, { asOf: '2026-06-30', filters: { level: 'Sr.' } });
    // "Sr." is senior: j-us (Senior) and j-br (Sr.): o1 40, o2 60, o7 40 -> median 40, mean 140/3
    expect(senior.timeToFill).toMatchObject({ filled: 3, medianDays: 40, open: 1 });
    expect(senior.timeToFill.meanDays).toBeCloseTo(140 / 3, 12);
    const seniorUs = await metricsOf(files, { asOf: '2026-06-30', filters: { level: 'senior', region: 'US' } });
    expect(seniorUs.timeToFill).toMatchObject({ filled: 2, medianDays: 50 });
    expect(seniorUs.regions.map((r) => r.region)).toEqual(['US']);
  });
});

describe('Kaplan-Meier ties and exact halves', () => {
  const km = (rows: string[]) =>
    metricsOf({ 'openings.csv': csv('opening_id,job_id,opened_at,closed_at,close_reason,hired_application_id', rows) }, { asOf: '2026-12-31' });

  it('counts events before censorings at equal times', async () => {
    // events at 10, 20, 30; censored at 10 (cancelled) and 40 (cancelled).
    // Events first: t=10 n=5 S=4/5; t=20 n=3 S=0.8*2/3=0.533; t=30 n=2 S=0.267 -> median 30.
    // (Censorings first would give n=4 at t=10, S=0.75, then 0.5 at t=20 -> median 20.)
    const m = await km([
      'o1,j,2026-01-01,2026-01-11,Hired,a1',
      'o2,j,2026-01-01,2026-01-11,Cancelled,',
      'o3,j,2026-01-01,2026-01-21,Hired,a3',
      'o4,j,2026-01-01,2026-01-31,Hired,a4',
      'o5,j,2026-01-01,2026-02-10,Cancelled,',
    ]);
    expect(m.timeToFill.kmMedianDays).toBe(30);
  });

  it('takes a survival of exactly 0.5 as the median despite floating-point error', async () => {
    // t=10 n=4 S=3/4; t=20 n=3 S=3/4*2/3 = 0.5 exactly (0.5000000000000001 in doubles) -> median 20
    const m = await km([
      'o1,j,2026-01-01,2026-01-11,Hired,a1',
      'o2,j,2026-01-01,2026-01-21,Hired,a2',
      'o3,j,2026-01-01,2026-01-31,Cancelled,',
      'o4,j,2026-01-01,2026-02-10,Cancelled,',
    ]);
    expect(m.timeToFill.kmMedianDays).toBe(20);
  });

  it('has no median while survival stays above 0.5', async () => {
    // one event of four: S = 3/4 -> null
    const m = await km([
      'o1,j,2026-01-01,2026-01-11,Hired,a1',
      'o2,j,2026-01-01,,,',
      'o3,j,2026-01-01,,,',
      'o4,j,2026-01-01,,,',
    ]);
    expect(m.timeToFill.kmMedianDays).toBeNull();
    expect(m.timeToFill.open).toBe(3);
  });
});

describe('an empty selection', () => {
  it('gives zeros and nulls, never NaN or an error', async () => {
    const m = await metricsOf(files, { asOf: '2026-06-30', filters: { department: 'Nonexistent' } });
    expect(m.timeToFill).toMatchObject({ filled: 0, medianDays: null, meanDays: null, p75Days: null, open: 0, kmMedianDays: null, kmCurve: [] });
    expect(m.timeToHire).toEqual({ hires: 0, medianDays: null, meanDays: null });
    expect(m.funnel.map((f) => [f.reached, f.passThrough])).toEqual([
      [0, null], [0, null], [0, null], [0, null], [0, null], [0, null],
    ]);
    expect(m.sources).toEqual([]);
    expect(m.offerAcceptance.rate).toBeNull();
    expect(JSON.stringify(m)).not.toContain('NaN');
  });

  it('a period with nothing in it gives zeros too', async () => {
    const m = await metricsOf(files, { asOf: '2026-06-30', filters: { from: '2025-01-01', to: '2025-06-30' } });
    expect(m.timeToFill).toMatchObject({ filled: 0, medianDays: null, kmMedianDays: null });
    expect(m.funnel[0]).toMatchObject({ stage: 'applied', reached: 0, advanced: 0, passThrough: null });
  });
});
