/**
 * Lever adapter (issue 7): opportunities, stage changes, applications, offers, postings, requisitions,
 * stages and archive reasons from the Lever API, flattened to CSV, against the canonical files of the
 * same company, through the real CLI. Then the Lever quirks by hand (epoch milliseconds, archive reasons,
 * stays from consecutive stage changes, superseded offers) and malformed exports.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { AS_OF, expectSameMetrics, type CompanyRun, companyPairs } from '../helpers/vendors.ts';
import { runCli, tempDir, writeFiles } from '../helpers/tmp.ts';

type Doc = Record<string, any>;

const metricsOf = (db: string, filters: string[] = []): Doc => {
  const run = runCli(['metrics', '--db', db, '--json', '--as-of', AS_OF, ...filters]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout);
};

/** Rows of a query on a warehouse the CLI has closed (read-only; timestamps as ISO text in UTC). */
async function query(db: string, sql: string): Promise<Doc[]> {
  const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    await connection.run(`SET TimeZone = 'UTC'`);
    return (await connection.runAndReadAll(sql)).getRowObjectsJson() as Doc[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * The same export as the Lever API gives it in JSON lines: GET /opportunities?expand=applications (nested
 * `archived`, arrays `sources`, `stageChanges` and `applications`, personal data `name` and `emails`),
 * offers with `signatures.candidate.signedAt` and the `fields` array, postings with `categories`,
 * requisitions with the `postings` array. Written by DuckDB from the generated CSV files.
 */
async function writeJsonLines(csvDir: string, outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const src = (name: string) => literal(path.join(csvDir, name));
  const dst = (name: string) => literal(path.join(outDir, name));
  const statements = [
    `CREATE TEMP VIEW opportunities AS SELECT * FROM read_csv(${src('opportunities.csv')}, header = true, columns = {'id': 'VARCHAR',
       'contact': 'VARCHAR', 'createdAt': 'BIGINT', 'origin': 'VARCHAR', 'sources': 'VARCHAR', 'archived_reason': 'VARCHAR',
       'archived_archivedAt': 'BIGINT', 'stageChanges': 'VARCHAR'})`,
    `COPY (
       WITH changes AS (
         SELECT opportunityId AS id, list({'toStageId': toStageId, 'toStageIndex': toStageIndex, 'updatedAt': updatedAt, 'userId': userId}
           ORDER BY updatedAt, toStageId) AS stageChanges
         FROM (
           SELECT * FROM read_csv(${src('stage_changes.csv')}, header = true, columns = {'opportunityId': 'VARCHAR', 'toStageId': 'VARCHAR',
             'toStageIndex': 'INTEGER', 'updatedAt': 'BIGINT', 'userId': 'VARCHAR'})
           UNION
           SELECT id, c.toStageId, c.toStageIndex, c.updatedAt, c.userId FROM (
             SELECT id, unnest(from_json(stageChanges, '[{"toStageId": "VARCHAR", "toStageIndex": "INTEGER", "updatedAt": "BIGINT", "userId": "VARCHAR"}]')) AS c
             FROM opportunities WHERE stageChanges IS NOT NULL)
         ) GROUP BY opportunityId
       ), apps AS (
         SELECT opportunityId AS id, list({'id': id, 'type': type, 'posting': posting, 'createdAt': createdAt,
           'requisitionForHire': CASE WHEN requisitionForHire_id IS NOT NULL THEN {'id': requisitionForHire_id} END} ORDER BY id) AS applications
         FROM read_csv(${src('applications.csv')}, header = true, columns = {'id': 'VARCHAR', 'opportunityId': 'VARCHAR', 'posting': 'VARCHAR',
           'createdAt': 'BIGINT', 'type': 'VARCHAR', 'requisitionForHire_id': 'VARCHAR', 'requisitionForHire_requisitionCode': 'VARCHAR'})
         GROUP BY opportunityId
       )
       SELECT o.id, 'A Candidate' AS name, ['a@example.com'] AS emails, o.contact, o.createdAt, o.origin,
         from_json(o.sources, '["VARCHAR"]') AS sources,
         CASE WHEN o.archived_reason IS NOT NULL THEN {'reason': o.archived_reason, 'archivedAt': o.archived_archivedAt} END AS archived,
         coalesce(c.stageChanges, []) AS stageChanges, coalesce(a.applications, []) AS applications
       FROM opportunities o LEFT JOIN changes c USING (id) LEFT JOIN apps a USING (id)
       ORDER BY o.id
     ) TO ${dst('opportunities.jsonl')} (FORMAT json)`,
    `COPY (
       SELECT id, opportunityId, status, createdAt, approvedAt, sentAt,
         CASE WHEN signatures_candidate_signedAt IS NOT NULL THEN {'candidate': {'signed': true, 'signedAt': signatures_candidate_signedAt}} END AS signatures,
         posting,
         [{'text': 'Salary', 'identifier': 'salary_amount', 'value': to_json(fields_salary_amount)},
          {'text': 'Currency', 'identifier': 'salary_currency', 'value': to_json(fields_salary_currency)},
          {'text': 'Anticipated start date', 'identifier': 'anticipated_start_date', 'value': to_json(fields_anticipated_start_date)},
          {'text': 'Decline reason', 'identifier': 'decline_reason', 'value': to_json(fields_decline_reason)}] AS fields
       FROM read_csv(${src('offers.csv')}, header = true, columns = {'id': 'VARCHAR', 'opportunityId': 'VARCHAR', 'status': 'VARCHAR',
         'createdAt': 'BIGINT', 'approvedAt': 'BIGINT', 'sentAt': 'BIGINT', 'signatures_candidate_signedAt': 'BIGINT', 'posting': 'VARCHAR',
         'fields_salary_amount': 'BIGINT', 'fields_salary_currency': 'VARCHAR', 'fields_anticipated_start_date': 'BIGINT',
         'fields_decline_reason': 'VARCHAR'})
       ORDER BY id
     ) TO ${dst('offers.jsonl')} (FORMAT json)`,
    `COPY (
       SELECT id, text, state, createdAt, updatedAt, {'commitment': categories_commitment, 'department': categories_department,
         'level': categories_level, 'location': categories_location, 'team': categories_team} AS categories, owner, hiringManager
       FROM read_csv(${src('postings.csv')}, header = true, columns = {'id': 'VARCHAR', 'text': 'VARCHAR', 'state': 'VARCHAR', 'createdAt': 'BIGINT',
         'updatedAt': 'BIGINT', 'categories_department': 'VARCHAR', 'categories_team': 'VARCHAR', 'categories_location': 'VARCHAR',
         'categories_level': 'VARCHAR', 'categories_commitment': 'VARCHAR', 'owner': 'VARCHAR', 'hiringManager': 'VARCHAR'})
       ORDER BY id
     ) TO ${dst('postings.jsonl')} (FORMAT json)`,
    `COPY (
       SELECT id, requisitionCode, status, headcountTotal, headcountHired, from_json(postings, '["VARCHAR"]') AS postings, createdAt, closedAt
       FROM read_csv(${src('requisitions.csv')}, header = true, columns = {'id': 'VARCHAR', 'requisitionCode': 'VARCHAR', 'status': 'VARCHAR',
         'headcountTotal': 'INTEGER', 'headcountHired': 'INTEGER', 'postings': 'VARCHAR', 'createdAt': 'BIGINT', 'closedAt': 'BIGINT'})
       ORDER BY id
     ) TO ${dst('requisitions.jsonl')} (FORMAT json)`,
    `COPY (SELECT * FROM read_csv(${src('stages.csv')}, header = true, all_varchar = true) ORDER BY id) TO ${dst('stages.jsonl')} (FORMAT json)`,
    `COPY (SELECT * FROM read_csv(${src('archive_reasons.csv')}, header = true, all_varchar = true) ORDER BY id) TO ${dst('archive_reasons.jsonl')} (FORMAT json)`,
    `COPY (SELECT * FROM read_csv(${src('users.csv')}, header = true, all_varchar = true) ORDER BY id) TO ${dst('users.jsonl')} (FORMAT json)`,
  ];
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    for (const sql of statements) await connection.run(sql);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  for (const name of ['compensation.csv', 'benchmarks.csv', 'fx_rates.csv']) copyFileSync(path.join(csvDir, name), path.join(outDir, name));
}

describe('Lever: generated export vs canonical files of the same company', () => {
  const tmp = tempDir('hs-lever-');
  let canonical: CompanyRun;
  let lever: CompanyRun;
  let canonicalB: CompanyRun;
  let leverB: CompanyRun;

  beforeAll(() => {
    ({ canonical, vendor: lever, canonicalB, vendorB: leverB } = companyPairs(tmp.dir, 'lever'));
  }, 240_000);
  afterAll(() => tmp.cleanup());

  it('loads every Lever file and leaves the sourced leads out', () => {
    const kinds = lever.ingest.files.map((f) => [path.basename(f.path), f.kind, f.status, f.rowsRejected]);
    expect(kinds).toEqual([
      ['fx_rates.csv', 'fx_rates', 'loaded', 0],
      ['benchmarks.csv', 'benchmarks', 'loaded', 0],
      ['compensation.csv', 'compensation', 'loaded', 0],
      ['opportunities.csv', 'lever:opportunities', 'loaded', 0],
      ['stage_changes.csv', 'lever:stage_changes', 'loaded', 0],
      ['applications.csv', 'lever:applications', 'loaded', 0],
      ['offers.csv', 'lever:offers', 'loaded', 0],
      ['postings.csv', 'lever:postings', 'loaded', 0],
      ['requisitions.csv', 'lever:requisitions', 'loaded', 0],
      ['archive_reasons.csv', 'lever:archive_reasons', 'loaded', 0],
      ['users.csv', 'lever:users', 'loaded', 0], // the staff who own postings (issue 18)
      ['stages.csv', 'lever:stages', 'loaded', 0],
    ]);
    const rows = (kind: string) => lever.ingest.files.find((f) => f.kind === kind)!.rowsLoaded;
    const canonicalRows = (kind: string) => canonical.ingest.files.find((f) => f.kind === kind)!.rowsLoaded;
    expect(canonicalRows('applications')).toBe(1905);
    expect(canonicalRows('stage_history')).toBe(7700);
    // Every 40th candidate was first a sourced lead without a posting: floor(1905 / 40) = 47 extra
    // opportunities, each with one stage change ("New lead").
    expect(rows('lever:opportunities')).toBe(1905 + 47);
    // Opportunities numbered ...0 keep their stage changes only in opportunities.stageChanges (JSON text):
    // 7700 stays - 715 of those + 47 lead changes = 7032 rows in stage_changes.csv.
    expect(rows('lever:stage_changes')).toBe(7032);
    const derived = Object.fromEntries(lever.ingest.derived.map((d) => [d.entity, { rows: d.rows, leftOut: d.leftOut }]));
    expect(derived).toEqual({
      jobs: { rows: 60, leftOut: [] },
      applications: { rows: 1905, leftOut: [{ reason: 'lead without a posting', rows: 47 }] },
      openings: { rows: 100, leftOut: [] },
      // Every stay back, whether it came from the file, the JSON text, or both (counted once).
      stage_history: { rows: 7700, leftOut: [{ reason: 'opportunity left out', rows: 47 }] },
      offers: { rows: 110, leftOut: [] },
    });
  });

  it('gives exactly the canonical metrics (seed 5, scale 1)', () => {
    expectSameMetrics(lever.metrics, canonical.metrics);
    // Not vacuous: the offers, fills and stays are there.
    expect(lever.metrics).toMatchObject({
      offerAcceptance: { accepted: 80, declined: 15, rescinded: 3 },
      timeToFill: { filled: 80, open: 13 },
    });
  });

  it('gives exactly the canonical metrics from the same export as JSON lines (nested objects, arrays as JSON)', async () => {
    const dir = path.join(tmp.dir, 'jsonl');
    await writeJsonLines(lever.dir, dir);
    const db = path.join(tmp.dir, 'jsonl.duckdb');
    const run = runCli(['ingest', dir, '--db', db, '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const ingested = JSON.parse(run.stdout) as Doc;
    const files = Object.fromEntries((ingested.files as Doc[]).map((f) => [path.basename(f.path), [f.kind, f.rowsLoaded, f.rowsRejected]]));
    expect(files).toMatchObject({
      'opportunities.jsonl': ['lever:opportunities', 1952, 0],
      'offers.jsonl': ['lever:offers', 110, 0],
      'postings.jsonl': ['lever:postings', 60, 0],
      'requisitions.jsonl': ['lever:requisitions', 100, 0],
    });
    // The candidate's name and emails never reach the warehouse.
    expect((ingested.files as Doc[]).find((f) => f.kind === 'lever:opportunities')!.droppedColumns).toEqual(['name', 'emails']);
    // Stage changes, postings and hires now come from JSON text only: the same rows as from the CSV files.
    const derived = Object.fromEntries((ingested.derived as Doc[]).map((d) => [d.entity, d.rows]));
    expect(derived).toEqual({ jobs: 60, applications: 1905, openings: 100, stage_history: 7700, offers: 110 });
    expectSameMetrics(metricsOf(db), canonical.metrics);
  });

  it('gives exactly the canonical metrics on a second company (seed 11, scale 0.5), also filtered to Engineering', () => {
    expectSameMetrics(leverB.metrics, canonicalB.metrics);
    const filter = ['--department', 'Engineering'];
    const v = metricsOf(leverB.db, filter);
    const c = metricsOf(canonicalB.db, filter);
    expectSameMetrics(v, c);
    expect(v.funnel[0].reached).toBeGreaterThan(100);
    expect(v.offerAcceptance.accepted).toBeGreaterThan(10);
  });
});

describe('Lever quirks, by hand', () => {
  const tmp = tempDir('hs-lever-quirks-');
  afterAll(() => tmp.cleanup());

  // Times: t0 = 2026-03-02T09:00:00Z = 20514 days x 86 400 000 ms + 9 h x 3 600 000 ms = 1772442000000 ms;
  // each further day adds 86 400 000 ms (t0+1d = 1772528400000 ... t0+12d = 1773478800000).
  const day = (n: number, hours = 0) => String(1772442000000 + n * 86_400_000 + hours * 3_600_000);
  const stages = ['id,text', 'st-review,Application Review', 'st-screen,Recruiter Screen', 'st-onsite,Onsite', 'st-offer,Offer', 'st-lead,New lead'];
  // Lever says only hired / non-hired; the text decides the rejection type.
  const reasons = [
    'id,text,type,status',
    'ar-hired,Hired,hired,active',
    'ar-fit,Not a fit,non-hired,active', // default: rejected
    'ar-withdrew,Withdrew,non-hired,active', // default table: withdrew
    'ar-declined,Offer declined,non-hired,active', // default table: withdrew (o9 names it by its text)
    'ar-cancel,Position cancelled,non-hired,active', // default table: other
    'ar-ghost,Ghosted us,non-hired,active', // unknown: rejected by default, withdrew by the config below
  ];
  const postings = [
    'id,text,state,createdAt,updatedAt,categories_department,categories_team,categories_location,categories_level',
    'p-eng,Backend Engineer,published,2026-02-20T09:00:00Z,2026-02-20T09:00:00Z,Engineering,engineering,"Berlin, Germany",Senior',
    'p-sal,Account Executive,published,2026-02-20T09:00:00Z,2026-02-20T09:00:00Z,Sales,sales,"Austin, United States",Mid-Level',
  ];
  // r-1 (2026-02-20T09:00Z = 1771578000000) is filled by o1; r-2 is still open. `postings` is an array in
  // the API: a JSON array or a single id.
  const requisitions = [
    'id,requisitionCode,status,headcountTotal,postings,createdAt,closedAt',
    `r-1,REQ-1,closed,1,"[""p-eng""]",1771578000000,${day(12)}`,
    'r-2,REQ-2,open,1,p-sal,1771578000000,',
  ];
  const opportunities = [
    'id,contact,createdAt,origin,sources,archived_reason,archived_archivedAt,stageChanges',
    `o1,c1,${day(0)},referred,"[""Referral""]",ar-hired,${day(12)},`,
    `o2,c2,${day(0)},applied,"[""LinkedIn""]",ar-fit,${day(4)},`,
    `o3,c3,${day(0)},sourced,LinkedIn,ar-withdrew,${day(8)},`,
    `o4,c4,${day(0)},applied,"[""Careers Page""]",ar-cancel,${day(7)},`,
    `o5,c5,${day(0)},applied,"[""Indeed""]",,,`,
    `o6,c6,${day(-3)},sourced,"[""LinkedIn""]",,,`, // a lead: no application, no posting
    // o7's changes are in the JSON text; its first one is in stage_changes.csv as well (counted once).
    `o7,c7,${day(0)},applied,,,,"[{""toStageId"":""st-review"",""toStageIndex"":0,""updatedAt"":${day(0)}},{""toStageId"":""st-screen"",""toStageIndex"":1,""updatedAt"":${day(3)}}]"`,
    `o8,c8,${day(0)},referred,"[""Referral""]",ar-ghost,${day(2)},`,
    `o9,c9,${day(0)},applied,"[""LinkedIn""]",Offer declined,${day(1)},`, // the reason by its text, not its id
  ];
  const stageChanges = [
    'opportunityId,toStageId,toStageIndex,updatedAt,userId',
    ...[
      ['o1', 'st-review', 0], ['o1', 'st-screen', 2], ['o1', 'st-onsite', 5], ['o1', 'st-offer', 9],
      ['o2', 'st-review', 0], ['o2', 'st-screen', 1],
      ['o3', 'st-review', 0], ['o3', 'st-screen', 1], ['o3', 'st-onsite', 3], ['o3', 'st-offer', 6],
      ['o4', 'st-review', 0], ['o4', 'st-offer', 5],
      ['o5', 'st-review', 0], ['o5', 'st-onsite', 2], ['o5', 'st-offer', 6],
      ['o6', 'st-lead', -3],
      ['o7', 'st-review', 0],
      ['o8', 'st-review', 0],
      ['o9', 'st-review', 0],
    ].map(([opportunity, stage, at]) => `${opportunity},${stage},,${day(at as number)},u1`),
  ];
  const applications = [
    'id,opportunityId,posting,createdAt,type,requisitionForHire_id',
    ...['o1', 'o2', 'o3', 'o7', 'o9'].map((o) => `a-${o},${o},p-eng,${day(0)},posting,${o === 'o1' ? 'r-1' : ''}`),
    ...['o4', 'o5', 'o8'].map((o) => `a-${o},${o},p-sal,${day(0)},posting,`),
  ];
  // o1 got two offers: off-1a (sent) was superseded by off-1b, which the candidate signed at t0+11d.
  const offers = [
    'id,opportunityId,status,createdAt,sentAt,signatures_candidate_signedAt,fields_salary_amount,fields_salary_currency',
    `off-1a,o1,sent,${day(9)},${day(9, 2)},,90000,EUR`,
    `off-1b,o1,signed,${day(10)},${day(10, 1)},${day(11)},95000,EUR`,
    `off-3,o3,opened,${day(6)},${day(6)},,80000,EUR`,
    `off-4,o4,sent,${day(5)},${day(5)},,70000,USD`,
    `off-5,o5,sent,${day(6)},${day(6)},,72000,USD`,
  ];
  const config = JSON.stringify({ vendors: { rejectionTypes: { 'Ghosted us': 'withdrew' } } });

  let db: string;
  let ingested: Doc;
  beforeAll(() => {
    const dir = path.join(tmp.dir, 'in');
    const text = (lines: string[]) => lines.join('\n') + '\n';
    writeFiles(dir, {
      'stages.csv': text(stages),
      'archive_reasons.csv': text(reasons),
      'postings.csv': text(postings),
      'requisitions.csv': text(requisitions),
      'opportunities.csv': text(opportunities),
      'stage_changes.csv': text(stageChanges),
      'applications.csv': text(applications),
      'offers.csv': text(offers),
    });
    writeFiles(tmp.dir, { 'hirescope.config.json': config });
    db = path.join(tmp.dir, 'l.duckdb');
    const run = runCli(['ingest', dir, '--db', db, '--json', '--config', path.join(tmp.dir, 'hirescope.config.json')]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    ingested = JSON.parse(run.stdout);
  }, 60_000);

  it('loads every file and leaves the lead without a posting out, with its stage change', () => {
    expect((ingested.files as Doc[]).every((f) => f.status === 'loaded' && f.rowsRejected === 0)).toBe(true);
    const derived = Object.fromEntries((ingested.derived as Doc[]).map((d) => [d.entity, [d.rows, d.leftOut]]));
    expect(derived).toEqual({
      jobs: [2, []],
      applications: [8, [{ reason: 'lead without a posting', rows: 1 }]], // o6
      openings: [2, []],
      // o1 4 + o2 2 + o3 4 + o4 2 + o5 3 + o7 2 (review from both places, once) + o8 1 + o9 1 = 19
      stage_history: [19, [{ reason: 'opportunity left out', rows: 1 }]],
      offers: [5, []],
    });
  });

  it('reads epoch milliseconds and chains the stays: each exits at the next change, the last at the archive time', async () => {
    const rows = await query(
      db,
      `SELECT stage, strftime(entered_at, '%Y-%m-%dT%H:%M:%SZ') AS entered, strftime(exited_at, '%Y-%m-%dT%H:%M:%SZ') AS exited
       FROM stage_history WHERE application_id IN ('o1', 'o5', 'o7') ORDER BY application_id, entered_at`,
    );
    expect(rows).toEqual([
      // o1: 1772442000000 = 2026-03-02T09:00Z, +2 d, +5 d, +9 d; archived Hired at t0+12d.
      { stage: 'Application Review', entered: '2026-03-02T09:00:00Z', exited: '2026-03-04T09:00:00Z' },
      { stage: 'Recruiter Screen', entered: '2026-03-04T09:00:00Z', exited: '2026-03-07T09:00:00Z' },
      { stage: 'Onsite', entered: '2026-03-07T09:00:00Z', exited: '2026-03-11T09:00:00Z' },
      { stage: 'Offer', entered: '2026-03-11T09:00:00Z', exited: '2026-03-14T09:00:00Z' },
      // o5 is active: its last stay stays open.
      { stage: 'Application Review', entered: '2026-03-02T09:00:00Z', exited: '2026-03-04T09:00:00Z' },
      { stage: 'Onsite', entered: '2026-03-04T09:00:00Z', exited: '2026-03-08T09:00:00Z' },
      { stage: 'Offer', entered: '2026-03-08T09:00:00Z', exited: null },
      // o7 from its stageChanges JSON text (the first change also in the file).
      { stage: 'Application Review', entered: '2026-03-02T09:00:00Z', exited: '2026-03-05T09:00:00Z' },
      { stage: 'Recruiter Screen', entered: '2026-03-05T09:00:00Z', exited: null },
    ]);
    // Finished stays (days): applied o1 2, o2 1, o3 1, o4 5, o5 2, o7 3, o8 2, o9 1 -> 1,1,1,2,2,2,3,5:
    // median 2; screen o1 3, o2 3 (t0+1d -> archived t0+4d), o3 2 -> median 3 (o7 open); onsite o1 4,
    // o3 3, o5 4 -> 4; offer o1 3, o3 2, o4 2 -> 2 (o5 open).
    expect(metricsOf(db).timeInStage).toEqual([
      { stage: 'applied', stays: 8, medianDays: 2 },
      { stage: 'screen', stays: 3, medianDays: 3 },
      { stage: 'technical', stays: 0, medianDays: null },
      { stage: 'onsite', stays: 3, medianDays: 4 },
      { stage: 'offer', stays: 3, medianDays: 2 },
      { stage: 'hired', stays: 0, medianDays: null },
    ]);
  });

  it('reads the archive reasons: hired vs non-hired, and withdrew / rejected / other from the text', async () => {
    const rows = await query(
      db,
      `SELECT application_id, status, rejection_type, rejection_reason, source, source_type,
         strftime(coalesce(rejected_at, hired_at), '%Y-%m-%dT%H:%MZ') AS closed
       FROM applications ORDER BY application_id`,
    );
    expect(rows).toEqual([
      { application_id: 'o1', status: 'hired', rejection_type: null, rejection_reason: null, source: 'Referral', source_type: 'referral', closed: '2026-03-14T09:00Z' },
      { application_id: 'o2', status: 'rejected', rejection_type: 'rejected', rejection_reason: 'Not a fit', source: 'LinkedIn', source_type: 'job_board', closed: '2026-03-06T09:00Z' },
      { application_id: 'o3', status: 'rejected', rejection_type: 'withdrew', rejection_reason: 'Withdrew', source: 'LinkedIn', source_type: 'sourced', closed: '2026-03-10T09:00Z' },
      { application_id: 'o4', status: 'rejected', rejection_type: 'other', rejection_reason: 'Position cancelled', source: 'Careers Page', source_type: 'inbound', closed: '2026-03-09T09:00Z' },
      { application_id: 'o5', status: 'active', rejection_type: null, rejection_reason: null, source: 'Indeed', source_type: 'job_board', closed: null },
      { application_id: 'o7', status: 'active', rejection_type: null, rejection_reason: null, source: null, source_type: 'inbound', closed: null },
      // "Ghosted us" is unknown to the default table (-> rejected); the config makes it withdrew.
      { application_id: 'o8', status: 'rejected', rejection_type: 'withdrew', rejection_reason: 'Ghosted us', source: 'Referral', source_type: 'referral', closed: '2026-03-04T09:00Z' },
      { application_id: 'o9', status: 'rejected', rejection_type: 'withdrew', rejection_reason: 'Offer declined', source: 'LinkedIn', source_type: 'job_board', closed: '2026-03-03T09:00Z' },
    ]);
    // Furthest stage: o1 hired; o3 o4 o5 offer (an Offer stay and an offer row; o4 and o5 skipped stages,
    // which count as passed); o2 o7 screen; o8 o9 applied. reached: applied 8, screen 6, technical 4,
    // onsite 4, offer 4, hired 1. Ending at applied: o8 o9 withdrew; screen: o2 rejected, o7 active;
    // offer: o3 withdrew, o4 other, o5 active.
    const funnel = (metricsOf(db).funnel as Doc[]).map(({ stage, reached, advanced, rejected, withdrew, active }) => ({
      stage, reached, advanced, rejected, withdrew, active,
    }));
    expect(funnel).toEqual([
      { stage: 'applied', reached: 8, advanced: 6, rejected: 0, withdrew: 2, active: 0 },
      { stage: 'screen', reached: 6, advanced: 4, rejected: 1, withdrew: 0, active: 1 },
      { stage: 'technical', reached: 4, advanced: 4, rejected: 0, withdrew: 0, active: 0 },
      { stage: 'onsite', reached: 4, advanced: 4, rejected: 0, withdrew: 0, active: 0 },
      { stage: 'offer', reached: 4, advanced: 1, rejected: 0, withdrew: 1, active: 1 },
      { stage: 'hired', reached: 1, advanced: null, rejected: 0, withdrew: 0, active: 0 },
    ]);
  });

  it('supersedes the older offer, signs at signedAt, and settles the rest with the opportunity', async () => {
    const rows = await query(
      db,
      `SELECT offer_id, status, version, strftime(resolved_at, '%Y-%m-%dT%H:%MZ') AS resolved, base_salary, currency
       FROM offers ORDER BY offer_id`,
    );
    expect(rows).toEqual([
      { offer_id: 'off-1a', status: 'deprecated', version: 1, resolved: null, base_salary: 90000, currency: 'EUR' },
      // Signed at t0+11d = 1773392400000 ms, a day before the hire was archived (t0+12d).
      { offer_id: 'off-1b', status: 'accepted', version: 2, resolved: '2026-03-13T09:00Z', base_salary: 95000, currency: 'EUR' },
      // Opened, then the candidate withdrew: declined at the archive time (t0+8d).
      { offer_id: 'off-3', status: 'declined', version: 1, resolved: '2026-03-10T09:00Z', base_salary: 80000, currency: 'EUR' },
      // Sent, then the position was cancelled (other): rescinded at the archive time (t0+7d).
      { offer_id: 'off-4', status: 'rescinded', version: 1, resolved: '2026-03-09T09:00Z', base_salary: 70000, currency: 'USD' },
      // Sent, opportunity still active: pending.
      { offer_id: 'off-5', status: 'pending', version: 1, resolved: null, base_salary: 72000, currency: 'USD' },
    ]);
    const m = metricsOf(db);
    expect(m.offerAcceptance).toMatchObject({ accepted: 1, declined: 1, pending: 1, rescinded: 1, rate: 0.5 });
    // r-1 opened 2026-02-20, filled when off-1b was signed (2026-03-13): 8 + 13 = 21 days; r-2 open.
    expect(m.timeToFill).toMatchObject({ filled: 1, medianDays: 21, open: 1 });
    // o1 applied 2026-03-02, hire date = the signature (2026-03-13): 11 days.
    expect(m.timeToHire).toEqual({ hires: 1, medianDays: 11, meanDays: 11 });
  });

  it('derives jobs and openings from postings and requisitions', async () => {
    expect(await query(db, `SELECT job_id, title, department, role_family, level, office, country, status FROM jobs ORDER BY job_id`)).toEqual([
      { job_id: 'p-eng', title: 'Backend Engineer', department: 'Engineering', role_family: 'engineering', level: 'Senior', office: 'Berlin', country: 'DE', status: 'open' },
      { job_id: 'p-sal', title: 'Account Executive', department: 'Sales', role_family: 'sales', level: 'Mid-Level', office: 'Austin', country: 'US', status: 'open' },
    ]);
    expect(
      await query(db, `SELECT opening_id, job_id, strftime(closed_at, '%Y-%m-%d') AS closed, close_reason, hired_application_id FROM openings ORDER BY opening_id`),
    ).toEqual([
      { opening_id: 'r-1', job_id: 'p-eng', closed: '2026-03-14', close_reason: 'Hired', hired_application_id: 'o1' },
      { opening_id: 'r-2', job_id: 'p-sal', closed: null, close_reason: null, hired_application_id: null },
    ]);
  });
});

describe('Lever malformed exports', () => {
  const tmp = tempDir('hs-lever-bad-');
  afterAll(() => tmp.cleanup());

  it('quarantines a non-numeric or out-of-range updatedAt with its line and column, and loads the rest', () => {
    const dir = path.join(tmp.dir, 'bad-timestamp');
    writeFiles(dir, {
      'stage_changes.csv': [
        'opportunityId,toStageId,toStageIndex,updatedAt,userId',
        'o1,st-review,0,1772442000000,u1',
        'o1,st-screen,1,yesterday,u1',
        'o1,st-onsite,2,1772614800000,u1',
        'o1,st-offer,3,17726148000000,u1', // 14 digits: not epoch milliseconds
      ].join('\n') + '\n',
    });
    const db = path.join(tmp.dir, 'bad-timestamp.duckdb');
    const run = runCli(['ingest', dir, '--db', db, '--json']);
    expect(run.status).toBe(0);
    const file = JSON.parse(run.stdout).files[0];
    expect(file).toMatchObject({ kind: 'lever:stage_changes', status: 'loaded', rowsRead: 4, rowsLoaded: 2, rowsRejected: 2 });
    const rejects = JSON.parse(runCli(['rejects', '--db', db, '--json']).stdout).rejects as Doc[];
    expect(rejects.map((r) => [path.basename(r.file), r.line, r.column, r.value, r.reason])).toEqual([
      ['stage_changes.csv', 3, 'updatedAt', 'yesterday', 'invalid_timestamp'],
      ['stage_changes.csv', 5, 'updatedAt', '17726148000000', 'invalid_timestamp'],
    ]);
  });

  it('quarantines a bad createdAt in a JSON lines export with its line and column', () => {
    const dir = path.join(tmp.dir, 'bad-jsonl');
    writeFiles(dir, {
      'opportunities.jsonl': [
        '{"id":"o1","contact":"c1","createdAt":1772442000000,"origin":"applied","sources":["Indeed"],"archived":null}',
        '',
        '{"id":"o2","contact":"c2","createdAt":"next week","origin":"applied","sources":["Indeed"],"archived":null}',
        '{"id":"o3","contact":"c3","createdAt":1772442000000,"origin":"applied","sources":[],"archived":{"reason":"ar-fit","archivedAt":1772528400000}}',
      ].join('\n') + '\n',
    });
    const db = path.join(tmp.dir, 'bad-jsonl.duckdb');
    const run = runCli(['ingest', dir, '--db', db, '--json']);
    expect(run.status).toBe(0);
    const file = JSON.parse(run.stdout).files[0];
    expect(file).toMatchObject({ kind: 'lever:opportunities', status: 'loaded', rowsRead: 3, rowsLoaded: 2, rowsRejected: 1 });
    const rejects = JSON.parse(runCli(['rejects', '--db', db, '--json']).stdout).rejects as Doc[];
    // Line 3 of the file (line 2 is blank).
    expect(rejects.map((r) => [path.basename(r.file), r.line, r.column, r.value, r.reason])).toEqual([
      ['opportunities.jsonl', 3, 'createdAt', 'next week', 'invalid_timestamp'],
    ]);
  });

  it('quarantines an offer status Lever does not have', () => {
    const dir = path.join(tmp.dir, 'bad-status');
    writeFiles(dir, {
      'offers.csv': 'id,opportunityId,status,createdAt\nf1,o1,signed,1772442000000\nf2,o1,accepted,1772442000000\n',
    });
    const db = path.join(tmp.dir, 'bad-status.duckdb');
    expect(runCli(['ingest', dir, '--db', db, '--json']).status).toBe(0);
    const rejects = JSON.parse(runCli(['rejects', '--db', db, '--json']).stdout).rejects as Doc[];
    expect(rejects.map((r) => [path.basename(r.file), r.line, r.column, r.value, r.reason])).toEqual([
      ['offers.csv', 3, 'status', 'accepted', 'invalid_enum'],
    ]);
  });

  it('refuses a stage changes file without updatedAt, naming the column, and loads nothing from it', () => {
    const dir = path.join(tmp.dir, 'no-updated-at');
    writeFiles(dir, { 'stage_changes.csv': 'opportunityId,toStageId,toStageIndex,userId\no1,st-review,0,u1\n' });
    const db = path.join(tmp.dir, 'no-updated-at.duckdb');
    const run = runCli(['ingest', dir, '--db', db, '--json']);
    expect(run.status).toBe(1);
    const file = JSON.parse(run.stdout).files[0];
    expect(file).toMatchObject({ status: 'refused', rowsRead: 0, rowsLoaded: 0 });
    expect(file.message).toContain('lever stage_changes (missing updatedAt)');
    expect(run.stderr).toContain('lever stage_changes (missing updatedAt)');
  });
});
