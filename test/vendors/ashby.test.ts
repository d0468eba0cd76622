/**
 * Ashby adapter (issue 7): generated Ashby files (API objects flattened with `_`) give the same
 * `metrics --json` as the canonical files of the same company; the Ashby quirks — cancelled offers,
 * offers still waiting on the candidate after the application was archived, application history with
 * Hired / Archived state events — are checked on a small hand-made export with hand-computed numbers;
 * malformed Ashby files are quarantined (line and column) or refused.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { csv } from '../helpers/warehouse.ts';
import { AS_OF, expectSameMetrics, rowsOf, type CompanyRun, type Row, companyPairs } from '../helpers/vendors.ts';
import { runCli, tempDir, writeFiles } from '../helpers/tmp.ts';

const tmp = tempDir('hs-ashby-');
afterAll(() => tmp.cleanup());

type Doc = Record<string, any>;

interface IngestDoc {
  files: { path: string; kind: string | null; status: string; rowsRead: number; rowsLoaded: number; rowsRejected: number; message: string }[];
  derived: { vendor: string; entity: string; rows: number; leftOut: { reason: string; rows: number }[] }[];
}

function ingestJson(dir: string, db: string, extra: string[] = []): IngestDoc {
  const run = runCli(['ingest', dir, '--db', db, '--json', ...extra]);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as IngestDoc;
}

function metricsJson(db: string, extra: string[] = []): Doc {
  const run = runCli(['metrics', '--db', db, '--json', '--as-of', AS_OF, ...extra]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as Doc;
}

const derivedOf = (doc: Pick<IngestDoc, 'derived'>) =>
  Object.fromEntries(
    doc.derived.filter((d) => d.vendor === 'ashby').map((d) => [d.entity, { rows: d.rows, leftOut: Object.fromEntries(d.leftOut.map((l) => [l.reason, l.rows])) }]),
  );

/** Counts of the values of one column of a generated CSV (no quoted commas in the columns counted). */
function valueCounts(file: string, column: string): Record<string, number> {
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  const index = header!.split(',').indexOf(column);
  const counts: Record<string, number> = {};
  for (const line of lines) {
    const value = line.split(',')[index]!;
    counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
}

describe('generated Ashby export vs canonical files of the same company', () => {
  let canonical: CompanyRun;
  let ashby: CompanyRun;
  let canonicalB: CompanyRun;
  let ashbyB: CompanyRun;
  beforeAll(() => {
    ({ canonical, vendor: ashby, canonicalB, vendorB: ashbyB } = companyPairs(tmp.dir, 'ashby'));
  }, 300_000);

  test('seed 5 scale 1: identical metrics --json', () => {
    expectSameMetrics(ashby.metrics, canonical.metrics);
  });

  test('seed 11 scale 0.5: identical metrics --json, whole company and --department Engineering', () => {
    expectSameMetrics(ashbyB.metrics, canonicalB.metrics);
    expectSameMetrics(metricsJson(ashbyB.db, ['--department', 'Engineering']), metricsJson(canonicalB.db, ['--department', 'Engineering']));
  });

  test('every file is detected as its Ashby table, nothing is quarantined', () => {
    const kinds = Object.fromEntries(ashby.ingest.files.map((f) => [path.basename(f.path), [f.kind, f.status, f.rowsRejected]]));
    expect(kinds).toEqual({
      'fx_rates.csv': ['fx_rates', 'loaded', 0],
      'benchmarks.csv': ['benchmarks', 'loaded', 0],
      'compensation.csv': ['compensation', 'loaded', 0],
      'applications.csv': ['ashby:applications', 'loaded', 0],
      'application_history.csv': ['ashby:application_history', 'loaded', 0],
      'offers.csv': ['ashby:offers', 'loaded', 0],
      'jobs.csv': ['ashby:jobs', 'loaded', 0],
      'openings.csv': ['ashby:openings', 'loaded', 0],
      'departments.csv': ['ashby:departments', 'loaded', 0],
      'locations.csv': ['ashby:locations', 'loaded', 0],
      'interview_stages.csv': ['ashby:interview_stages', 'loaded', 0],
      'close_reasons.csv': ['ashby:close_reasons', 'loaded', 0],
    });
  });

  test('leads and the Hired / Archived / Lead state events are left out and counted; one offer row per offer', () => {
    // 1905 canonical applications; every 40th is also written as a Lead: floor(1905 / 40) = 47.
    // History: 7700 canonical stays + one state event per closed application (80 hired + 1755 rejected =
    // 1905 - 70 active) + one New Lead event per lead (47).
    // Offers: 110 canonical rows minus the 12 deprecated first versions, which offer.list does not export.
    expect(derivedOf(ashby.ingest)).toEqual({
      jobs: { rows: 60, leftOut: {} },
      applications: { rows: 1905, leftOut: { 'lead (a prospect, not an applicant)': 47 } },
      stage_history: {
        rows: 7700,
        leftOut: {
          'archived state (not an interview stage)': 1755,
          'hired state (not an interview stage)': 80,
          'lead state (not an interview stage)': 47,
        },
      },
      offers: { rows: 98, leftOut: {} },
      openings: { rows: 100, leftOut: {} },
    });
  });

  test('cancelled and stale waiting offers in the export still give the canonical 80 accepted, 15 declined, 3 rescinded', () => {
    // Generated: of the 3 rescinded offers, the 2nd is left WaitingOnResponse (settled by the archive,
    // reason type Other) and 2 are Cancelled; of the 15 declined, every 3rd (5) is left WaitingOnResponse
    // (settled by RejectedByCandidate) and 10 are Declined. 80 + 2 + 10 + 6 = 98 offers.
    expect(valueCounts(path.join(ashby.dir, 'offers.csv'), 'acceptanceStatus')).toEqual({
      Accepted: 80,
      Cancelled: 2,
      Declined: 10,
      WaitingOnResponse: 6,
    });
    expect(ashby.metrics.offerAcceptance).toMatchObject({ accepted: 80, declined: 15, rescinded: 3, pending: 0 });
    expect(ashby.metrics.offerAcceptance).toEqual(canonical.metrics.offerAcceptance);
  });
});

// A hand-made Ashby export (ids shortened). Dates are 2026; the arithmetic is in the tests.
const handMade: Record<string, string> = {
  'departments.csv': csv('id,name,isArchived,parentId', ['d1,Engineering,false,']),
  'locations.csv': csv('id,name,isArchived,address_postalAddress_addressCountry,address_postalAddress_addressLocality', [
    'l1,Berlin,false,Germany,Berlin',
  ]),
  'jobs.csv': csv('id,title,status,departmentId,locationId,openedAt,closedAt,customFields_Level', [
    'j1,Backend Engineer,Open,d1,l1,2026-01-05T09:00:00.000Z,,Senior',
  ]),
  'close_reasons.csv': csv('id,reasonText,isArchived', ['cr1,Position Filled,false']),
  'openings.csv': csv('id,openedAt,closedAt,isArchived,closeReasonId,openingState,latestVersion_identifier,latestVersion_jobIds', [
    'o1,2026-01-05T09:00:00.000Z,2026-03-02T10:00:00.000Z,false,cr1,Filled,BE-1,j1',
    'o2,2026-02-01T09:00:00.000Z,,false,,Open,BE-2,j1',
    'o3,2026-02-01T09:00:00.000Z,,true,,Open,BE-3,j1', // archived (deleted): left out
  ]),
  'applications.csv': csv(
    'id,createdAt,status,candidate_id,job_id,source_title,source_sourceType_title,archiveReason_text,archiveReason_reasonType,archivedAt',
    [
      'a1,2026-01-10T09:00:00.000Z,Hired,c1,j1,LinkedIn,Job Board,,,',
      'a2,2026-02-01T10:00:00.000Z,Archived,c2,j1,Referral,Referral,Accepted another offer,RejectedByCandidate,2026-03-10T15:00:00.000Z',
      'a3,2026-02-02T10:00:00.000Z,Archived,c3,j1,LinkedIn,Job Board,Budget cut,RejectedByOrg,2026-03-12T09:30:00.000Z',
      'a4,2026-02-03T10:00:00.000Z,Archived,c4,j1,LinkedIn,Job Board,Ghosted,Other,2026-03-14T11:00:00.000Z',
      'a5,2026-02-04T10:00:00.000Z,Active,c5,j1,LinkedIn,Job Board,,,',
      'a6,2026-02-05T10:00:00.000Z,Active,c6,j1,LinkedIn,Job Board,,,',
      'a7,2026-01-15T10:00:00.000Z,Lead,c7,j1,GitHub,Sourced,,,',
      'a8,2026-02-10T10:00:00.000Z,Archived,c8,j1,LinkedIn,Job Board,Not a fit,RejectedByOrg,2026-02-20T10:00:00.000Z',
    ],
  ),
  // No interview_stages file: the Hired and Archived state events are told by their titles.
  'application_history.csv': csv('id,applicationId,stageId,title,enteredStageAt,leftStageAt,stageNumber', [
    'h1,a1,s1,Application Review,2026-01-10T09:00:00.000Z,2026-01-12T09:00:00.000Z,0',
    'h2,a1,s2,Recruiter Screen,2026-01-12T09:00:00.000Z,2026-01-20T09:00:00.000Z,1',
    'h3,a1,s3,Onsite,2026-01-20T09:00:00.000Z,2026-02-20T09:00:00.000Z,2',
    'h4,a1,s4,Offer,2026-02-20T09:00:00.000Z,2026-03-01T12:00:00.000Z,3',
    'h5,a1,s5,Hired,2026-03-01T12:00:00.000Z,,4',
    'h6,a2,s1,Application Review,2026-02-01T10:00:00.000Z,2026-02-03T10:00:00.000Z,0',
    'h7,a2,s2,Recruiter Screen,2026-02-03T10:00:00.000Z,2026-02-06T10:00:00.000Z,1',
    'h8,a2,s3,Onsite,2026-02-06T10:00:00.000Z,2026-02-10T10:00:00.000Z,2',
    'h9,a2,s4,Offer,2026-02-10T10:00:00.000Z,,3', // no leftStageAt: it ends where the next event starts
    'h10,a2,s6,Archived,2026-03-10T15:00:00.000Z,,4',
    'h11,a3,s1,Application Review,2026-02-02T10:00:00.000Z,2026-02-05T10:00:00.000Z,0',
    'h12,a3,s4,Offer,2026-02-05T10:00:00.000Z,2026-03-12T09:30:00.000Z,1',
    'h13,a3,s6,Archived,2026-03-12T09:30:00.000Z,,2',
    'h14,a7,s0,New Lead,2026-01-15T10:00:00.000Z,,0',
  ]),
  'offers.csv': csv(
    'id,applicationId,acceptanceStatus,offerStatus,decidedAt,latestVersion_id,latestVersion_createdAt,latestVersion_startDate,latestVersion_salary_value,latestVersion_salary_currencyCode,latestVersion_openingId',
    [
      'f1,a1,Accepted,CandidateAccepted,2026-03-01T12:00:00.000Z,v1,2026-02-21T10:00:00.000Z,2026-04-01,90000,EUR,o1',
      'f2,a2,WaitingOnResponse,WaitingOnCandidateResponse,,v2,2026-02-11T10:00:00.000Z,,85000,EUR,',
      'f3,a3,Pending,WaitingOnOfferApproval,,v3,2026-02-06T10:00:00.000Z,,80000,EUR,',
      'f4,a4,Created,WaitingOnApprovalStart,,v4,2026-02-07T10:00:00.000Z,,80000,EUR,',
      'f5,a5,Cancelled,OfferCancelled,2026-03-05T08:00:00.000Z,v5,2026-02-12T10:00:00.000Z,,82000,EUR,',
      'f6,a6,,WaitingOnCandidateResponse,,v6,2026-02-13T10:00:00.000Z,,83000,EUR,', // acceptanceStatus empty: offerStatus reads
    ],
  ),
};

describe('Ashby quirks on a hand-made export', () => {
  const dir = path.join(tmp.dir, 'hand');
  const db = path.join(tmp.dir, 'hand.duckdb');
  const dbOverride = path.join(tmp.dir, 'hand-override.duckdb');
  const config = path.join(tmp.dir, 'hirescope.config.json');
  let doc: IngestDoc;
  beforeAll(() => {
    writeFiles(dir, handMade);
    writeFiles(tmp.dir, { 'hirescope.config.json': JSON.stringify({ vendors: { rejectionTypes: { ghosted: 'withdrew' } } }) });
    doc = ingestJson(dir, db);
    ingestJson(dir, dbOverride, ['--config', config]);
  }, 120_000);

  test('every file loads; the lead, its history and the archived opening are left out and counted', () => {
    expect(doc.files.map((f) => [path.basename(f.path), f.kind, f.status, f.rowsRejected])).toEqual([
      ['applications.csv', 'ashby:applications', 'loaded', 0],
      ['application_history.csv', 'ashby:application_history', 'loaded', 0],
      ['offers.csv', 'ashby:offers', 'loaded', 0],
      ['jobs.csv', 'ashby:jobs', 'loaded', 0],
      ['openings.csv', 'ashby:openings', 'loaded', 0],
      ['departments.csv', 'ashby:departments', 'loaded', 0],
      ['locations.csv', 'ashby:locations', 'loaded', 0],
      ['close_reasons.csv', 'ashby:close_reasons', 'loaded', 0],
    ]);
    expect(derivedOf(doc)).toEqual({
      jobs: { rows: 1, leftOut: {} },
      applications: { rows: 7, leftOut: { 'lead (a prospect, not an applicant)': 1 } },
      // 14 events: 2 Archived + 1 Hired state events, 1 event of the left-out lead; 10 stays remain.
      stage_history: {
        rows: 10,
        leftOut: { 'archived state (not an interview stage)': 2, 'hired state (not an interview stage)': 1, 'application left out': 1 },
      },
      offers: { rows: 6, leftOut: {} },
      openings: { rows: 2, leftOut: { 'archived opening': 1 } },
    });
  });

  test('archive status, reason type and dates: RejectedByCandidate -> withdrew, RejectedByOrg -> rejected, Other -> other', async () => {
    const rows = await rowsOf(
      db,
      `SELECT application_id, status, rejection_type, rejection_reason, rejected_at, hired_at, source, source_type
       FROM applications ORDER BY application_id`,
    );
    expect(rows).toEqual([
      // Hired: hired_at = entry into the Hired stage of the history.
      { application_id: 'a1', status: 'hired', rejection_type: null, rejection_reason: null, rejected_at: null, hired_at: '2026-03-01T12:00:00.000Z', source: 'LinkedIn', source_type: 'job_board' },
      { application_id: 'a2', status: 'rejected', rejection_type: 'withdrew', rejection_reason: 'Accepted another offer', rejected_at: '2026-03-10T15:00:00.000Z', hired_at: null, source: 'Referral', source_type: 'referral' },
      { application_id: 'a3', status: 'rejected', rejection_type: 'rejected', rejection_reason: 'Budget cut', rejected_at: '2026-03-12T09:30:00.000Z', hired_at: null, source: 'LinkedIn', source_type: 'job_board' },
      { application_id: 'a4', status: 'rejected', rejection_type: 'other', rejection_reason: 'Ghosted', rejected_at: '2026-03-14T11:00:00.000Z', hired_at: null, source: 'LinkedIn', source_type: 'job_board' },
      { application_id: 'a5', status: 'active', rejection_type: null, rejection_reason: null, rejected_at: null, hired_at: null, source: 'LinkedIn', source_type: 'job_board' },
      { application_id: 'a6', status: 'active', rejection_type: null, rejection_reason: null, rejected_at: null, hired_at: null, source: 'LinkedIn', source_type: 'job_board' },
      { application_id: 'a8', status: 'rejected', rejection_type: 'rejected', rejection_reason: 'Not a fit', rejected_at: '2026-02-20T10:00:00.000Z', hired_at: null, source: 'LinkedIn', source_type: 'job_board' },
    ]);
    // The config override by reason text comes first: "Ghosted" -> withdrew.
    const overridden = await rowsOf(dbOverride, `SELECT rejection_type FROM applications WHERE application_id = 'a4'`);
    expect(overridden).toEqual([{ rejection_type: 'withdrew' }]);
  });

  test('cancelled -> rescinded; waiting offers on archived applications -> declined / rescinded at the archive date', async () => {
    const query = `SELECT offer_id, application_id, status, resolved_at, created_at, sent_at, base_salary, currency FROM offers ORDER BY offer_id`;
    const rows = await rowsOf(db, query);
    expect(rows.map((r) => [r.offer_id, r.status, r.resolved_at])).toEqual([
      ['f1', 'accepted', '2026-03-01T12:00:00.000Z'], // decidedAt
      ['f2', 'declined', '2026-03-10T15:00:00.000Z'], // WaitingOnResponse, a2 archived RejectedByCandidate on 03-10
      ['f3', 'rescinded', '2026-03-12T09:30:00.000Z'], // Pending, a3 archived RejectedByOrg on 03-12
      ['f4', 'rescinded', '2026-03-14T11:00:00.000Z'], // Created, a4 archived for Other ("Ghosted") on 03-14
      ['f5', 'rescinded', '2026-03-05T08:00:00.000Z'], // Cancelled (decidedAt); a5 stays active
      ['f6', 'pending', null], // empty acceptanceStatus, offerStatus WaitingOnCandidateResponse, a6 active
    ]);
    // No sentAt column: the latest version's createdAt stands for the send time.
    expect(rows[0]).toMatchObject({ created_at: '2026-02-21T10:00:00.000Z', sent_at: '2026-02-21T10:00:00.000Z', base_salary: 90000, currency: 'EUR' });
    // With "Ghosted" -> withdrew in the config, a4's waiting offer is declined instead, still on 03-14.
    const overridden = await rowsOf(dbOverride, `SELECT status, resolved_at FROM offers WHERE offer_id = 'f4'`);
    expect(overridden).toEqual([{ status: 'declined', resolved_at: '2026-03-14T11:00:00.000Z' }]);
  });

  test('offer acceptance counts the settled offers in the period of their archive date', () => {
    // Default: accepted f1; declined f2; rescinded f3, f4, f5; pending f6. rate = 1 / (1 + 1) = 0.5.
    expect(metricsJson(db).offerAcceptance).toMatchObject({ accepted: 1, declined: 1, rescinded: 3, pending: 1, rate: 0.5, status: 'insufficient-data' });
    // Override: f4 declined too. rate = 1 / (1 + 2) = 1/3.
    expect(metricsJson(dbOverride).offerAcceptance).toMatchObject({ accepted: 1, declined: 2, rescinded: 2, pending: 1, rate: 1 / 3 });
    // Only 2026-03-10 (a2's archive date): f2 declined, nothing else resolved that day.
    expect(metricsJson(db, ['--from', '2026-03-10', '--to', '2026-03-10']).offerAcceptance).toMatchObject({ accepted: 0, declined: 1, rescinded: 0 });
    // Only 2026-03-12 to 2026-03-14: f3 and f4 rescinded.
    expect(metricsJson(db, ['--from', '2026-03-12', '--to', '2026-03-14']).offerAcceptance).toMatchObject({ accepted: 0, declined: 0, rescinded: 2 });
  });

  test('application history stays: state events left out, a missing leftStageAt ends at the next event', async () => {
    const stays = await rowsOf(db, `SELECT application_id, stage, entered_at, exited_at FROM stage_history ORDER BY application_id, entered_at`);
    expect(stays.map((s) => [s.application_id, s.stage, String(s.entered_at).slice(0, 10), String(s.exited_at).slice(0, 10)])).toEqual([
      ['a1', 'Application Review', '2026-01-10', '2026-01-12'],
      ['a1', 'Recruiter Screen', '2026-01-12', '2026-01-20'],
      ['a1', 'Onsite', '2026-01-20', '2026-02-20'],
      ['a1', 'Offer', '2026-02-20', '2026-03-01'],
      ['a2', 'Application Review', '2026-02-01', '2026-02-03'],
      ['a2', 'Recruiter Screen', '2026-02-03', '2026-02-06'],
      ['a2', 'Onsite', '2026-02-06', '2026-02-10'],
      ['a2', 'Offer', '2026-02-10', '2026-03-10'], // exit = entry of the Archived event
      ['a3', 'Application Review', '2026-02-02', '2026-02-05'],
      ['a3', 'Offer', '2026-02-05', '2026-03-12'],
    ]);
    const m = metricsJson(db);
    // Finished stays in days: applied a1 2, a2 2, a3 3 -> median 2; screen a1 8, a2 3 -> 5.5; onsite a1 31
    // (01-20 -> 02-20), a2 4 -> 17.5; offer a1 9 (02-20 -> 03-01), a2 28 (02-10 -> 03-10), a3 35 (02-05 ->
    // 03-12) -> 28. No stay in `hired`: the Hired event is a state.
    expect((m.timeInStage as Doc[]).map((s) => [s.stage, s.stays, s.medianDays])).toEqual([
      ['applied', 3, 2],
      ['screen', 2, 5.5],
      ['technical', 0, null],
      ['onsite', 2, 17.5],
      ['offer', 3, 28],
      ['hired', 0, null],
    ]);
    // Funnel over the 7 applications (the lead is not one): 6 have an offer row, a1 is hired. Furthest
    // stage offer: a2 withdrew, a3 and a4 rejected / other, a5 and a6 active; a8 rejected at applied.
    const funnel = Object.fromEntries((m.funnel as Doc[]).map((f) => [f.stage, f]));
    expect(funnel.applied).toMatchObject({ reached: 7, advanced: 6, rejected: 1, withdrew: 0, active: 0 });
    expect(funnel.offer).toMatchObject({ reached: 6, advanced: 1, rejected: 1, withdrew: 1, active: 2 });
    expect(funnel.hired).toMatchObject({ reached: 1 });
  });

  test('the hire of an opening is the application whose accepted offer names it', async () => {
    const openings = await rowsOf(db, `SELECT opening_id, job_id, close_reason, hired_application_id FROM openings ORDER BY opening_id`);
    expect(openings).toEqual([
      { opening_id: 'o1', job_id: 'j1', close_reason: 'Position Filled', hired_application_id: 'a1' },
      { opening_id: 'o2', job_id: 'j1', close_reason: null, hired_application_id: null },
    ]);
    const m = metricsJson(db);
    // o1: opened 2026-01-05, filled when a1's offer was accepted on 2026-03-01: 26 + 28 + 1 = 55 days.
    // o2: open since 2026-02-01, 241 days at 2026-09-30 -> >180.
    expect(m.timeToFill).toMatchObject({ filled: 1, medianDays: 55, open: 1, openAging: { '0-30': 0, '31-60': 0, '61-90': 0, '91-180': 0, '>180': 1 } });
    // a1: applied 2026-01-10, hired (accepted) 2026-03-01: 21 + 28 + 1 = 50 days.
    expect(m.timeToHire).toEqual({ hires: 1, medianDays: 50, meanDays: 50 });
    const jobs = await rowsOf(db, `SELECT job_id, department, office, country, level, status FROM jobs`);
    expect(jobs).toEqual([{ job_id: 'j1', department: 'Engineering', office: 'Berlin', country: 'DE', level: 'Senior', status: 'open' }]);
  });
});

describe('malformed Ashby files', () => {
  test('a bad timestamp is quarantined with its line and Ashby column; a file missing a required column is refused', async () => {
    const dir = path.join(tmp.dir, 'bad');
    const db = path.join(tmp.dir, 'bad.duckdb');
    writeFiles(dir, {
      'applications.csv': handMade['applications.csv']!,
      'application_history.csv': csv('id,applicationId,stageId,title,enteredStageAt,leftStageAt,stageNumber', [
        'h1,a1,s1,Application Review,2026-01-10T09:00:00.000Z,2026-01-12T09:00:00.000Z,0',
        'h2,a1,s2,Recruiter Screen,last Tuesday,,1', // line 3
      ]),
      // No applicationId: an offer.list export cannot be read without it.
      'offers.csv': csv('id,acceptanceStatus,offerStatus,decidedAt', ['f1,Accepted,CandidateAccepted,2026-03-01T12:00:00.000Z']),
    });
    const run = runCli(['ingest', dir, '--db', db, '--json', '--vendor', 'ashby']);
    expect(run.status).toBe(1);
    const doc = JSON.parse(run.stdout) as IngestDoc;
    const byName = Object.fromEntries(doc.files.map((f) => [path.basename(f.path), f]));
    expect(byName['application_history.csv']).toMatchObject({ status: 'loaded', rowsRead: 2, rowsLoaded: 1, rowsRejected: 1 });
    expect(byName['offers.csv']).toMatchObject({ status: 'refused', rowsLoaded: 0 });
    // The refusal names the Ashby shape tried and the Ashby column it lacks.
    expect(byName['offers.csv']!.message).toMatch(/^unknown file shape: .*ashby offers \(missing applicationId\)/);

    const rejects = runCli(['rejects', '--db', db, '--json']);
    const rows = (JSON.parse(rejects.stdout) as { rejects: { file: string; line: number; column: string; value: string; reason: string }[] }).rejects;
    expect(rows).toEqual([expect.objectContaining({ line: 3, column: 'enteredStageAt', value: 'last Tuesday', reason: 'invalid_timestamp' })]);
    expect(path.basename(rows[0]!.file)).toBe('application_history.csv');
    // Nothing of the refused offers file reached the warehouse.
    expect(await rowsOf(db, `SELECT count(*)::INTEGER AS n FROM ashby_offers`)).toEqual([{ n: 0 }]);
  }, 60_000);
});
