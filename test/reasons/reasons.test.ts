/**
 * Issue 18 "Why": drop-off and offer declines by reason, worked out by hand on a tiny company; the
 * 3-candidate rule in the CLI's cells (after a filter too) and in the site's cube rows.
 */
import { describe, expect, it } from 'vitest';
import { csv, withLoadedWarehouse } from '../helpers/warehouse.ts';
import { prepareMetrics } from '../../pipelines/metrics/index.ts';
import { reasonsFor } from '../../pipelines/reasons/index.ts';
import { paramsFor, sqlFile } from '../../pipelines/lib/duckdb.ts';
import { reasonRows } from '../../src/lib/reasons.ts';
import type { Cube, Column } from '../../src/lib/cube.ts';
import type { Filters } from '../../pipelines/contract/metrics.ts';

const asOf = '2026-06-30';
// j1 Engineering (US), j2 Sales (DE), both Senior.
const jobs = csv('job_id,title,department,level,country', ['j1,Engineer,Engineering,Senior,US', 'j2,Seller,Sales,Senior,DE']);
const applications = csv('application_id,job_id,applied_at,candidate_id,status,rejection_type,rejection_reason', [
  'a1,j1,2026-01-05T09:00:00Z,c1,rejected,rejected,Not a fit', // Q1 screen
  'a2,j1,2026-02-05T09:00:00Z,c2,rejected,rejected,Not a fit', // Q1 screen
  'a3,j2,2026-03-05T09:00:00Z,c3,rejected,rejected,Not a fit', // Q1 screen (Sales)
  'a4,j1,2026-04-10T09:00:00Z,c4,rejected,rejected,Failed take-home', // Q2 screen
  'a5,j1,2026-02-10T09:00:00Z,c5,rejected,rejected,', // Q1 screen, no reason
  'a6,j1,2026-04-05T09:00:00Z,c6,rejected,rejected,Not a fit', // Q2 screen
  'a7,j1,2026-04-06T09:00:00Z,c7,rejected,rejected,Failed take-home', // Q2 screen
  'a8,j1,2026-05-06T09:00:00Z,c8,rejected,rejected,Failed take-home', // Q2 screen
  'a9,j2,2026-05-07T09:00:00Z,c9,rejected,withdrew,Relocated to Mars', // Q2 applied (Sales)
  'a10,j1,2026-05-08T09:00:00Z,c9,rejected,withdrew,Relocated to Mars', // Q2 applied: the same candidate c9
  'a11,j1,2026-06-01T09:00:00Z,c10,rejected,withdrew,Relocated to Mars', // Q2 applied
  'a12,j1,2026-02-01T09:00:00Z,c11,rejected,withdrew,Accepted another offer', // Q1 offer, declined in Q1
  'a13,j2,2026-04-01T09:00:00Z,c12,rejected,withdrew,Accepted another offer', // Q2 offer (Sales), declined in Q2
  'a14,j1,2026-05-01T09:00:00Z,c13,rejected,withdrew,Accepted another offer', // Q2 offer, declined in Q2
  'a15,j1,2026-05-02T09:00:00Z,c14,rejected,withdrew,Salary too low', // Q2 offer, declined in Q2
]);
const screened = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8'];
const history = csv('application_id,stage,entered_at,exited_at', [
  ...screened.flatMap((a) => [`${a},Application Review,2026-01-01T00:00:00Z,2026-01-02T00:00:00Z`, `${a},Recruiter Screen,2026-01-02T00:00:00Z,2026-01-03T00:00:00Z`]),
]);
// o15's own decline_reason wins over its application's rejection_reason (Salary too low).
const offers = csv('offer_id,application_id,status,version,created_at,sent_at,resolved_at,decline_reason', [
  'o12,a12,declined,1,2026-02-10,2026-02-10,2026-02-20,',
  'o13,a13,declined,1,2026-04-10,2026-04-10,2026-04-25,',
  'o14,a14,declined,1,2026-05-10,2026-05-10,2026-05-20,Accepted another offer',
  'o15,a15,declined,1,2026-05-12,2026-05-12,2026-05-22,Accepted another offer',
]);
const files = { 'jobs.csv': jobs, 'applications.csv': applications, 'stage_history.csv': history, 'offers.csv': offers };

const reasonsOf = (filters: Filters = {}) =>
  withLoadedWarehouse(files, async (warehouse, config) => reasonsFor(await prepareMetrics(warehouse, config, { asOf, filters }), filters));

/** The site's reasons cube of the fixture, as the snapshot writes it (cube_reasons.sql), decoded as the browser holds it. */
const reasonsCube = () =>
  withLoadedWarehouse(files, async (warehouse, config): Promise<Cube> => {
    const context = await prepareMetrics(warehouse, config, { asOf });
    const sql = sqlFile('snapshot/cube_reasons.sql');
    const columns = (await warehouse.columns(sql, paramsFor(sql, context.params)))() as Record<string, Column>;
    return { length: columns.count!.length, columns };
  });

describe('reasons', () => {
  it('splits the drop-off by reason per stage and outcome, naming a reason only for 3 candidates', async () => {
    const r = await reasonsOf();
    // screen / rejected: Not a fit a1 a2 a3 a6 (4 candidates), Failed take-home a4 a7 a8 (3: named),
    // no reason a5 (Not given): 8 in all -> 4/8, 3/8, 1/8.
    // applied / withdrew: Relocated to Mars a9 a10 a11 = 3 applications but 2 candidates (c9 twice) -> Other reasons.
    // offer / withdrew: Accepted another offer a12 a13 a14 (3), Salary too low a15 (1 -> Other reasons): 3/4, 1/4.
    expect(r.dropOff).toEqual([
      { stage: 'applied', outcome: 'withdrew', reason: 'Other reasons', count: 3, share: 1 },
      { stage: 'screen', outcome: 'rejected', reason: 'Not a fit', count: 4, share: 4 / 8 },
      { stage: 'screen', outcome: 'rejected', reason: 'Failed take-home', count: 3, share: 3 / 8 },
      { stage: 'screen', outcome: 'rejected', reason: 'Not given', count: 1, share: 1 / 8 },
      { stage: 'offer', outcome: 'withdrew', reason: 'Accepted another offer', count: 3, share: 3 / 4 },
      { stage: 'offer', outcome: 'withdrew', reason: 'Other reasons', count: 1, share: 1 / 4 },
    ]);
    expect(r.minCandidates).toBe(3);
  });

  it('trends the drop-off by quarter of application, folding each quarter on its own', async () => {
    const r = await reasonsOf();
    // 2026-Q1 screen / rejected: Not a fit a1 a2 a3 (3: named), a5 Not given -> 3/4, 1/4.
    // 2026-Q1 offer / withdrew: a12 alone -> Other reasons 1.
    // 2026-Q2 applied / withdrew: a9 a10 a11 (2 candidates) -> Other reasons 3.
    // 2026-Q2 screen / rejected: Failed take-home a4 a7 a8 (3: named), Not a fit a6 alone -> Other: 3/4, 1/4.
    // 2026-Q2 offer / withdrew: Accepted another offer a13 a14 (2) and Salary too low a15 -> Other reasons 3.
    expect(r.dropOffByQuarter).toEqual([
      { quarter: '2026-Q1', stage: 'screen', outcome: 'rejected', reason: 'Not a fit', count: 3, share: 3 / 4 },
      { quarter: '2026-Q1', stage: 'screen', outcome: 'rejected', reason: 'Not given', count: 1, share: 1 / 4 },
      { quarter: '2026-Q1', stage: 'offer', outcome: 'withdrew', reason: 'Other reasons', count: 1, share: 1 },
      { quarter: '2026-Q2', stage: 'applied', outcome: 'withdrew', reason: 'Other reasons', count: 3, share: 1 },
      { quarter: '2026-Q2', stage: 'screen', outcome: 'rejected', reason: 'Failed take-home', count: 3, share: 3 / 4 },
      { quarter: '2026-Q2', stage: 'screen', outcome: 'rejected', reason: 'Other reasons', count: 1, share: 1 / 4 },
      { quarter: '2026-Q2', stage: 'offer', outcome: 'withdrew', reason: 'Other reasons', count: 3, share: 1 },
    ]);
  });

  it('counts offer declines by reason over the period and per quarter of resolution', async () => {
    const r = await reasonsOf();
    // declined: o12 (Feb, Q1), o13 o14 o15 (Q2), all "Accepted another offer" — o15 by its own
    // decline_reason, which wins over its application's "Salary too low".
    // period: 4 candidates (c11 c12 c13 c14) -> named, share 1. Q1: o12 alone -> Other reasons.
    // Q2: o13 o14 o15, 3 candidates -> named.
    expect(r.declines).toEqual([{ reason: 'Accepted another offer', count: 4, share: 1 }]);
    expect(r.declinesByQuarter).toEqual([
      { quarter: '2026-Q1', reason: 'Other reasons', count: 1, share: 1 },
      { quarter: '2026-Q2', reason: 'Accepted another offer', count: 3, share: 1 },
    ]);
  });

  it('applies the rule again after a filter, in SQL', async () => {
    const r = await reasonsOf({ department: 'Engineering' });
    // Engineering declines: o12 o14 o15 (c11 c13 c14): still 3 -> named. Without o13 (Sales) Q2 holds 2 -> folded.
    expect(r.declines).toEqual([{ reason: 'Accepted another offer', count: 3, share: 1 }]);
    expect(r.declinesByQuarter).toEqual([
      { quarter: '2026-Q1', reason: 'Other reasons', count: 1, share: 1 },
      { quarter: '2026-Q2', reason: 'Other reasons', count: 2, share: 1 },
    ]);
    // Engineering screen / rejected: Not a fit a1 a2 a6 (3: named), Failed take-home a4 a7 a8 (3), Not given a5: 3/7, 3/7, 1/7.
    expect(r.dropOff.filter((d) => d.stage === 'screen')).toEqual([
      { stage: 'screen', outcome: 'rejected', reason: 'Failed take-home', count: 3, share: 3 / 7 },
      { stage: 'screen', outcome: 'rejected', reason: 'Not a fit', count: 3, share: 3 / 7 },
      { stage: 'screen', outcome: 'rejected', reason: 'Not given', count: 1, share: 1 / 7 },
    ]);
  });

  it('folds each row of the site cube, so any filter in the browser keeps the rule', async () => {
    const cube = await reasonsCube();
    // Cube rows (quarter x department x region x level x stage x outcome):
    // Q1 Eng screen rejected: Not a fit a1 a2 (2) -> Other 2, Not given a5 1; Q1 Sales screen rejected: a3 -> Other 1;
    // Q2 Eng screen rejected: Failed take-home a4 a7 a8 (3: named) 3, Not a fit a6 -> Other 1.
    // Whole period, screen / rejected: Other 2 + 1 + 1 = 4, Failed take-home 3, Not given 1 -> 4/8, 3/8, 1/8.
    const all = reasonRows(cube, {}, ['rejected', 'withdrew', 'other']).filter((r) => r.quarter === null && r.stage === 'screen');
    expect(all.map((r) => [r.reason, r.count, r.share])).toEqual([
      ['Failed take-home', 3, 3 / 8],
      ['Other reasons', 4, 4 / 8],
      ['Not given', 1, 1 / 8],
    ]);
    // Engineering only: Failed take-home 3, Other 2 + 1 = 3, Not given 1 -> 3/7 each, 1/7.
    const engineering = reasonRows(cube, { department: 'Engineering' }, ['rejected']).filter((r) => r.quarter === null);
    expect(engineering.map((r) => [r.reason, r.count])).toEqual([
      ['Failed take-home', 3],
      ['Other reasons', 3],
      ['Not given', 1],
    ]);
    // Period from May: quarters that overlap it, Q2 only -> Failed take-home 3, Other reasons 1 (a6).
    const fromMay = reasonRows(cube, { from: '2026-05' }, ['rejected']).filter((r) => r.quarter === null);
    expect(fromMay.map((r) => [r.reason, r.count])).toEqual([
      ['Failed take-home', 3],
      ['Other reasons', 1],
    ]);
    // Declines in the cube: Q1 Eng o12, Q2 Sales o13, Q2 Eng o14 o15: no row holds 3 candidates -> Other reasons 4.
    const declines = reasonRows(cube, {}, ['declined']);
    expect(declines.map((r) => [r.quarter, r.reason, r.count])).toEqual([
      [null, 'Other reasons', 4],
      ['2026-Q1', 'Other reasons', 1],
      ['2026-Q2', 'Other reasons', 3],
    ]);
    // No reason text that fewer than 3 candidates share is anywhere in the cube.
    expect(new Set(cube.columns.reason)).toEqual(new Set(['Other reasons', 'Not given', 'Failed take-home']));
  });
});
