/**
 * Requisitions (issue 18, Deliver 2) on a tiny hand-made company, every figure worked out by hand: the
 * conditional Kaplan-Meier median and its interval, overdue, the pipeline counts and the last movement,
 * owners shown and hidden (config privacy.owners), the opening-age alert naming job and owners, and the CLI.
 *
 * One job (Platform Engineer, Engineering, US; recruiter Rita Recruiter, hiring manager Hank Manager), nine
 * openings, as of 2026-06-30. Days from opening to fill (e), close without a hire (c) or asOf (open, c):
 *   opened 2026-01-01: filled +10, +20, +30, +30, +40, +50 (e); closed without a hire +25 (c)
 *   opn-g opened 2026-06-08, open: d = 22 (June 8 -> June 30), between the event times 20 and 30
 *   opn-i opened 2026-05-06, open: d = 55 (25 days of May + 30 of June)
 * Kaplan-Meier (DESIGN §3; n = at risk, e = fills):
 *   t=10 n=9 e=1  S = 8/9
 *   t=20 n=8 e=1  S = 8/9 * 7/8 = 7/9   (0.7778)
 *   t=22 n=7 c    (opn-g)   t=25 n=6 c (closed without a hire)
 *   t=30 n=5 e=2  S = 7/9 * 3/5 = 7/15  (0.4667)  -> KM median 30
 *   t=40 n=3 e=1  S = 7/15 * 2/3 = 14/45 (0.3111)
 *   t=50 n=2 e=1  S = 14/45 * 1/2 = 7/45 (0.1556) -> P75 (first S <= 0.25) 50
 *   t=55 n=1 c    (opn-i)
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  requisitionCubeColumns,
  requisitionsFromColumns,
  requisitionsReportSchema,
  requisitionsToColumns,
  type RequisitionsReport,
} from '../../pipelines/contract/requisitions.ts';
import { cubeToIpc } from '../../pipelines/snapshot/arrow.ts';
import { cubeFromIpc } from '../../src/lib/cube.ts';
import type { Config } from '../../pipelines/lib/config.ts';
import { evaluateAlerts } from '../../pipelines/alerts/index.ts';
import { prepareMetrics } from '../../pipelines/metrics/index.ts';
import { computeRequisitions, minRegionEvents, type OwnerFilters } from '../../pipelines/metrics/requisitions.ts';
import { conditionalMedian, conditionalMedianInterval, forecastFill, kmQuantileDays, type KmPoint } from '../../pipelines/metrics/kmForecast.ts';
import { csv, withLoadedWarehouse } from '../helpers/warehouse.ts';
import { runCli, tempDir, writeFiles } from '../helpers/tmp.ts';

const asOf = '2026-06-30';

const files = {
  'jobs.csv': csv('job_id,title,department,role_family,level,office,country,status,opened_at,closed_at,recruiter,hiring_manager', [
    'j1,Platform Engineer,Engineering,engineering,Senior,NYC,US,open,2026-01-01,,Rita Recruiter,Hank Manager',
  ]),
  'openings.csv': csv('opening_id,job_id,opened_at,closed_at,close_reason,hired_application_id', [
    'opn-a,j1,2026-01-01,2026-01-11,Hired,h1',
    'opn-b,j1,2026-01-01,2026-01-21,Hired,h2',
    'opn-c,j1,2026-01-01,2026-01-26,Cancelled,',
    'opn-d,j1,2026-01-01,2026-01-31,Hired,h3',
    'opn-e,j1,2026-01-01,2026-01-31,Hired,h4',
    'opn-f,j1,2026-01-01,2026-02-10,Hired,h5',
    'opn-h,j1,2026-01-01,2026-02-20,Hired,h6',
    'opn-g,j1,2026-06-08,,,',
    'opn-i,j1,2026-05-06,,,',
  ]),
  'applications.csv': csv('application_id,job_id,applied_at,source,status,rejected_at,rejection_type,hired_at', [
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h) => `${h},j1,2025-12-20,Referral,hired,,,2026-01-10`),
    'a1,j1,2026-06-01,LinkedIn,active,,,', // furthest: screen (history below)
    'a2,j1,2026-06-02,LinkedIn,active,,,', // furthest: onsite (technical skipped: still counted at onsite)
    'a3,j1,2026-06-20,Indeed,active,,,', // no history: applied
    'a4,j1,2026-05-10,Referral,active,,,', // has an offer row: offer
    'a5,j1,2026-06-03,Indeed,rejected,2026-06-29,rejected,', // not active
    'a6,j1,2026-07-05,Indeed,active,,,', // applied after asOf: not counted
  ]),
  'stage_history.csv': csv('application_id,stage,entered_at,exited_at', [
    'a1,Application Review,2026-06-01T09:00:00Z,2026-06-03T09:00:00Z',
    'a1,Recruiter Screen,2026-06-03T09:00:00Z,',
    'a2,Application Review,2026-06-02T09:00:00Z,2026-06-04T09:00:00Z',
    'a2,Onsite,2026-06-20T09:00:00Z,2026-06-28T09:00:00Z',
    'a4,Application Review,2026-05-10T09:00:00Z,2026-05-12T09:00:00Z',
    'a5,Application Review,2026-06-03T09:00:00Z,2026-06-05T09:00:00Z',
    'a5,Recruiter Screen,2026-06-05T09:00:00Z,2026-06-29T12:00:00Z', // the latest movement up to asOf: June 29
    'a6,Application Review,2026-07-05T09:00:00Z,', // after asOf: unknown on June 30
  ]),
  'offers.csv': csv('offer_id,application_id,status,version,created_at,sent_at,resolved_at,start_date,base_salary,currency', [
    'o4,a4,pending,1,2026-06-25T09:00:00Z,2026-06-25T09:00:00Z,,,150000,USD',
  ]),
};

function requisitionsOf(config: Partial<Config> = {}, filters = {}, owners: OwnerFilters = {}): Promise<RequisitionsReport> {
  return withLoadedWarehouse(files, async (warehouse, settings) => computeRequisitions(await prepareMetrics(warehouse, settings, { asOf, filters }), filters, owners), config);
}

describe('the conditional Kaplan-Meier median (pure, on the curve above)', () => {
  const curve: KmPoint[] = [
    { days: 10, atRisk: 9, events: 1, survival: 8 / 9 },
    { days: 20, atRisk: 8, events: 1, survival: 7 / 9 },
    { days: 22, atRisk: 7, events: 0, survival: 7 / 9 },
    { days: 25, atRisk: 6, events: 0, survival: 7 / 9 },
    { days: 30, atRisk: 5, events: 2, survival: 7 / 15 },
    { days: 40, atRisk: 3, events: 1, survival: 14 / 45 },
    { days: 50, atRisk: 2, events: 1, survival: 7 / 45 },
    { days: 55, atRisk: 1, events: 0, survival: 7 / 45 },
  ];

  it('reads the median, the P75 and the conditional median given d', () => {
    expect(kmQuantileDays(curve, 0.5)).toBe(30); // 7/15 = 0.4667 <= 0.5
    expect(kmQuantileDays(curve, 0.25)).toBe(50); // 14/45 = 0.311 > 0.25; 7/45 = 0.156 <= 0.25
    // d = 22: S(22) = 7/9, half of it 7/18 = 0.3889; S(30) = 0.4667 is above, S(40) = 0.3111 below -> 40
    expect(conditionalMedian(curve, 22)).toBe(40);
    // d = 0: S(0) = 1, the plain median
    expect(conditionalMedian(curve, 0)).toBe(30);
    // d = 55: past every event time -> never reached
    expect(conditionalMedian(curve, 55)).toBeNull();
  });

  it('gives the 95% interval from log-log Greenwood bounds of S(t | d)', () => {
    // d = 22, event times after it:
    // t=30: S(t|d) = 3/5 = 0.6, Greenwood sum 2/(5*3) = 0.1333, theta = sqrt(0.1333) / |ln 0.6| = 0.3651 / 0.5108 = 0.7148;
    //       lower = 0.6^exp(1.96*0.7148) = 0.6^4.059 = 0.126 <= 0.5 -> low 30; upper = 0.6^exp(-1.401) = 0.6^0.2463 = 0.882
    // t=40: S = 0.4, sum 0.1333 + 1/(3*2) = 0.3, theta = 0.5477 / 0.9163 = 0.5978; upper = 0.4^exp(-1.1716) = 0.4^0.3099 = 0.753
    // t=50: S = 0.2, sum 0.3 + 1/(2*1) = 0.8, theta = 0.8944 / 1.6094 = 0.5557; upper = 0.2^exp(-1.0892) = 0.2^0.3365 = 0.582
    // the upper bound never falls to 0.5: open-ended
    expect(conditionalMedianInterval(curve, 22)).toEqual({ low: 30, high: null });
    // overdue: d = 55 > P75 50; d = 22 is not
    expect(forecastFill(curve, 55)).toEqual({ days: null, low: null, high: null, overdue: true });
    expect(forecastFill(curve, 22)).toEqual({ days: 40, low: 30, high: null, overdue: false });
  });
});

describe('requisitions on a real warehouse', () => {
  it('lists the open openings with market range, pipeline, last movement, owners and the expected fill date', async () => {
    const report = await requisitionsOf();
    // US: 6 fills < minRegionEvents (20): the curve of all openings (here the same nine)
    expect(minRegionEvents).toBe(20);
    expect(report.curves).toEqual([
      { region: 'all', openings: 9, events: 6, medianDays: 30, p75Days: 50 },
      { region: 'US', openings: 9, events: 6, medianDays: 30, p75Days: 50 },
    ]);
    // same job: the same pipeline and last movement on both rows. Active applied by June 30: a1 screen, a2 onsite,
    // a3 applied, a4 offer (pending offer row); a5 rejected, a6 applied July 5, h1-h6 hired: not counted.
    const pipeline = { applied: 1, screen: 1, technical: 0, onsite: 1, offer: 1 };
    const job = { jobId: 'j1', title: 'Platform Engineer', department: 'Engineering', region: 'US', level: 'senior', recruiter: 'Rita Recruiter', hiringManager: 'Hank Manager' };
    expect(report.requisitions).toEqual([
      {
        openingId: 'opn-i', ...job, openedAt: '2026-05-06', daysOpen: 55,
        benchmarkDays: [40, 55], benchmarkStatus: 'within', // 55 is the top of US 40-55
        pipeline, activeApplications: 4, lastMovement: '2026-06-29',
        // past every event time: not reached; 55 > P75 50: overdue
        expectedFill: { days: null, date: null, low: null, high: null, curve: 'all' },
        overdue: true,
      },
      {
        openingId: 'opn-g', ...job, openedAt: '2026-06-08', daysOpen: 22,
        benchmarkDays: [40, 55], benchmarkStatus: 'below',
        pipeline, activeApplications: 4, lastMovement: '2026-06-29',
        // conditional median 40 days: June 8 + 40 = July 18; low 30 days: July 8; high open-ended
        expectedFill: { days: 40, date: '2026-07-18', low: '2026-07-08', high: null, curve: 'all' },
        overdue: false,
      },
    ]);
  });

  it('goes through the snapshot cube (requisitions.arrow) and back unchanged, nulls included', async () => {
    const { requisitions } = await requisitionsOf();
    const cube = cubeFromIpc(cubeToIpc(requisitionsToColumns(requisitions), requisitionCubeColumns));
    // opn-i: no expected date, no interval; both: no upper end
    expect(requisitionsFromColumns(cube.columns, cube.length)).toEqual(requisitions);
  });

  it('honours the filters, and forecasts a row the same whatever they are', async () => {
    expect((await requisitionsOf({}, { region: 'EU' })).requisitions).toEqual([]);
    const engineering = await requisitionsOf({}, { department: 'Engineering', level: 'senior' });
    expect(engineering.filters).toEqual({ department: 'Engineering', level: 'senior' });
    expect(engineering.requisitions.map((r) => [r.openingId, r.expectedFill.date])).toEqual([['opn-i', null], ['opn-g', '2026-07-18']]);
    // owners match in any case; another hiring manager has none of them
    const rita = await requisitionsOf({}, {}, { recruiter: 'rita recruiter' });
    expect(rita.filters).toEqual({ recruiter: 'rita recruiter' });
    expect(rita.requisitions.map((r) => r.openingId)).toEqual(['opn-i', 'opn-g']);
    expect((await requisitionsOf({}, {}, { hiringManager: 'Nobody' })).requisitions).toEqual([]);
  });

  it('leaves every owner name out under privacy.owners "hide", in the rows and the alerts', async () => {
    const hidden = await requisitionsOf({ privacy: { owners: 'hide' } });
    expect(hidden.owners).toBe('hide');
    expect(JSON.stringify(hidden)).not.toMatch(/Rita|Hank/);
    expect(hidden.requisitions.map((r) => [r.recruiter, r.hiringManager])).toEqual([[null, null], [null, null]]);
    const alerts = await withLoadedWarehouse(files, (w, c) => evaluateAlerts(w, c, { asOf }), { privacy: { owners: 'hide' }, alerts: [{ rule: 'opening-age', enabled: true, level: 'watch', maxDays: 30 }] });
    expect(alerts.alerts.map((a) => a.message)).toEqual(['Opening opn-i — Platform Engineer (Engineering, US) has been open 55 days']);
  });

  it('names the job title and its owners in the opening-age alert', async () => {
    // maxDays 30: opn-i (55 days) breaches, opn-g (22) does not
    const alerts = await withLoadedWarehouse(files, (w, c) => evaluateAlerts(w, c, { asOf }), { alerts: [{ rule: 'opening-age', enabled: true, level: 'watch', maxDays: 30 }] });
    expect(alerts.alerts).toEqual([
      {
        rule: 'opening-age', level: 'watch', subject: 'opn-i', value: 55, threshold: 30,
        message: 'Opening opn-i — Platform Engineer (Engineering, US; recruiter Rita Recruiter, hiring manager Hank Manager) has been open 55 days',
      },
    ]);
  });
});

describe('hirescope requisitions', () => {
  it('prints the document under --json, the CSV under --csv, and refuses both', () => {
    const tmp = tempDir();
    try {
      writeFiles(path.join(tmp.dir, 'in'), files);
      const db = path.join(tmp.dir, 'w.duckdb');
      expect(runCli(['ingest', path.join(tmp.dir, 'in'), '--db', db]).status).toBe(0);
      const run = runCli(['requisitions', '--db', db, '--as-of', asOf, '--json', '--department', 'engineering']);
      expect(run.status).toBe(0);
      const doc = requisitionsReportSchema.parse(JSON.parse(run.stdout));
      expect(doc.filters).toEqual({ department: 'Engineering' }); // the warehouse's spelling
      expect(doc.requisitions.map((r) => [r.openingId, r.daysOpen, r.expectedFill.date, r.overdue, r.recruiter])).toEqual([
        ['opn-i', 55, null, true, 'Rita Recruiter'],
        ['opn-g', 22, '2026-07-18', false, 'Rita Recruiter'],
      ]);
      const table = runCli(['requisitions', '--db', db, '--as-of', asOf, '--csv']);
      expect(table.stdout.split('\n')[2]).toBe(
        'opn-g,j1,Platform Engineer,Engineering,US,senior,Rita Recruiter,Hank Manager,2026-06-08,22,40,55,below,1,1,0,1,1,2026-06-29,2026-07-18,2026-07-08,,all,no',
      );
      const both = runCli(['requisitions', '--db', db, '--json', '--csv']);
      expect(both.status).toBe(2);
      expect(both.stderr).toContain('--csv and --json cannot be combined');
    } finally {
      tmp.cleanup();
    }
  });
});
