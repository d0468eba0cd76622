/**
 * Greenhouse synced by Fivetran (issue 14): a generated sync of the same company gives the same
 * `metrics --json` as the canonical files; Fivetran's own seed files (fivetran/dbt_greenhouse_source,
 * test/fixtures/fivetran-greenhouse) are each recognised as their Fivetran table and derive what they
 * hold; a hand-made sync in the seed layouts checks soft deletes, the bridges, per-job stage ids, events
 * without exits, offers and the configured level; the tables hirescope does not use are declared.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { detectEntity } from '../../pipelines/ingest/detect.ts';
import { fivetranGreenhouse } from '../../pipelines/vendors/fivetran-greenhouse.ts';
import { csv } from '../helpers/warehouse.ts';
import { AS_OF, companyPairs, expectSameMetrics, rowDiffs, rowsOf, type CompanyRun } from '../helpers/vendors.ts';
import { repoRoot, runCli, tempDir, writeFiles } from '../helpers/tmp.ts';

const tmp = tempDir('hs-fivetran-gh-');
afterAll(() => tmp.cleanup());

const seeds = path.join(repoRoot, 'test', 'fixtures', 'fivetran-greenhouse');

interface IngestDoc {
  files: { path: string; kind: string; status: string; rowsRead: number; rowsLoaded: number; rowsRejected: number; message?: string }[];
  derived: { vendor: string; entity: string; rows: number; leftOut: { reason: string; rows: number }[] }[];
}

function ingest(dir: string, db: string, extra: string[] = []): IngestDoc {
  const run = runCli(['ingest', dir, '--db', db, '--json', ...extra]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as IngestDoc;
}

const derived = (doc: IngestDoc, entity: string) => {
  const d = doc.derived.find((x) => x.vendor === 'fivetran-greenhouse' && x.entity === entity)!;
  return { rows: d.rows, leftOut: Object.fromEntries(d.leftOut.map((l) => [l.reason, l.rows])) };
};

describe('generated Fivetran sync vs canonical files of the same company', () => {
  let pairs: { canonical: CompanyRun; vendor: CompanyRun; canonicalB: CompanyRun; vendorB: CompanyRun };
  beforeAll(() => {
    pairs = companyPairs(tmp.dir, 'fivetran-greenhouse');
  }, 480_000);

  test('seed 5 scale 1 and seed 11 scale 0.5: identical metrics --json', () => {
    expectSameMetrics(pairs.vendor.metrics, pairs.canonical.metrics);
    expectSameMetrics(pairs.vendorB.metrics, pairs.canonicalB.metrics);
  });

  test('every file is its Fivetran table, loaded whole', () => {
    const vendorFiles = pairs.vendor.ingest.files.filter((f) => !['fx_rates', 'benchmarks', 'compensation'].includes(f.kind));
    // 16 tables written: the 14 of the hiring data + hiring_team and users (the job owners, issue 18).
    expect(vendorFiles).toHaveLength(16);
    for (const f of vendorFiles) {
      expect({ kind: f.kind, rejected: f.rowsRejected }).toEqual({ kind: `fivetran-greenhouse:${path.basename(f.path, '.csv')}`, rejected: 0 });
    }
  });

  test('soft-deleted rows, the deleted job with its openings and applications, and prospects are left out and counted', () => {
    const doc = pairs.vendor.ingest;
    // 60 canonical jobs + the copy of job-00001 deleted in Greenhouse.
    expect(derived(doc, 'jobs')).toEqual({ rows: 60, leftOut: { 'deleted (_fivetran_deleted)': 1 } });
    // job-00001 has 2 openings, copied onto the deleted job.
    expect(derived(doc, 'openings')).toEqual({ rows: 100, leftOut: { 'job deleted': 2 } });
    // 1905 canonical applications kept. Copies: every 97th with _fivetran_deleted (floor(1905/97) = 19),
    // every 89th with is_deleted (floor(1905/89) = 21), the 59 applications of job-00001 on the deleted
    // job, every 40th as a prospect (floor(1905/40) = 47).
    expect(derived(doc, 'applications')).toEqual({
      rows: 1905,
      leftOut: { 'deleted (_fivetran_deleted)': 19, 'deleted (is_deleted)': 21, 'job deleted': 59, prospect: 47 },
    });
    // 7700 canonical stays. Status events: 1755 rejections + 80 hires = 1835. The copies' events: stays
    // 73 (97th) + 83 (89th) + 225 (job-00001) = 381, terminal events 18 + 20 + 59 = 97; 381 + 97 = 478.
    expect(derived(doc, 'stage_history')).toEqual({
      rows: 7700,
      leftOut: { 'application left out': 478, 'status change, not a stage': 1835 },
    });
    // 110 canonical offers; every 13th copied as deleted (floor(110/13) = 8); the offers of the copied
    // applications: 1 (97th) + 1 (89th) + 2 (job-00001) = 4.
    expect(derived(doc, 'offers')).toEqual({ rows: 110, leftOut: { 'deleted (_fivetran_deleted)': 8, 'application left out': 4 } });
  });

  test('canonical rows equal the canonical files (ids aside; sent_at kept to the day; stays without exits)', async () => {
    const n = (c: string) => `regexp_extract(${c}, '\\d+')::BIGINT`;
    const tables: Record<string, string> = {
      applications: `${n('application_id')}, ${n('job_id')}, applied_at, ${n('candidate_id')}, source, source_type, status, rejected_at, rejection_type, rejection_reason, hired_at`,
      stage_history: `${n('application_id')}, stage, entered_at`,
      offers: `${n('offer_id')}, ${n('application_id')}, status, version, created_at, sent_at::DATE, resolved_at, start_date, base_salary, currency`,
      openings: `${n('opening_id')}, ${n('job_id')}, opened_at, closed_at, close_reason, ${n('hired_application_id')}`,
      jobs: `${n('job_id')}, title, department, role_family, level, office, country, status, opened_at, closed_at`,
    };
    for (const diff of await rowDiffs(pairs.canonical.db, pairs.vendor.db, tables)) {
      expect(diff).toEqual({ table: diff.table, c_only: 0, v_only: 0, n: diff.n });
      expect(diff.n).toBeGreaterThan(0);
    }
    // Events have no exit: every stay is written open, and the canonical staging closes it.
    const [open] = await rowsOf(pairs.vendor.db, 'SELECT count(*)::INTEGER AS n, count(exited_at)::INTEGER AS closed FROM stage_history');
    expect(open).toEqual({ n: 7700, closed: 0 });
  });
});

describe("Fivetran's seed files (dbt_greenhouse_source integration_tests/seeds)", () => {
  const seedFiles = readdirSync(seeds).filter((f) => f.endsWith('.csv')).sort();
  const headerOf = (file: string) => readFileSync(path.join(seeds, file), 'utf8').split('\n')[0]!.split(',');

  test('each seed file alone is detected as its Fivetran table, by name and by header alone', () => {
    expect(seedFiles).toHaveLength(31);
    for (const file of seedFiles) {
      const table = `fivetran-greenhouse:${path.basename(file, '.csv')}`;
      expect({ file, kind: detectEntity(headerOf(file), file).entity.name }).toEqual({ file, kind: table });
    }
    // Under a neutral name the header decides. Two groups of tables have the same non-personal columns,
    // so a file named after neither is refused as ambiguous, not guessed: email_address, phone_number and
    // attachment (candidate_id, index, type, _fivetran_synced), and tags and close_reason (id, name,
    // _fivetran_deleted, _fivetran_synced).
    const tied = ['attachment.csv', 'email_address.csv', 'phone_number.csv', 'tags.csv'];
    for (const file of seedFiles.filter((f) => !tied.includes(f))) {
      const table = `fivetran-greenhouse:${path.basename(file, '.csv')}`;
      expect({ file, kind: detectEntity(headerOf(file), 'export.csv').entity.name }).toEqual({ file, kind: table });
    }
    for (const file of tied) expect(() => detectEntity(headerOf(file), 'export.csv')).toThrow(/ambiguous file shape/);
  });

  test('the seeds ingest: 2 jobs and 2 openings derived; applications and history that join nothing are left out', async () => {
    const db = path.join(tmp.dir, 'seeds.duckdb');
    const doc = ingest(seeds, db);
    expect(doc.files).toHaveLength(31);
    expect(doc.files.every((f) => f.kind.startsWith('fivetran-greenhouse:') && f.rowsRejected === 0)).toBe(true);
    // job.csv: 2 live jobs. Their job_department and job_office rows name other jobs (4198835003,
    // 4198718003; 4177446003, 4234920003): no department, office or country. No opened_at column (a
    // pre-2024 sync): opened is created_at. No custom level column.
    expect(derived(doc, 'jobs')).toEqual({ rows: 2, leftOut: {} });
    expect(await rowsOf(db, 'SELECT job_id, title, department, office, country, level, status, opened_at, closed_at FROM jobs ORDER BY job_id')).toEqual([
      { job_id: '4198678003', title: 'tomato farmer', department: null, office: null, country: null, level: null, status: 'closed', opened_at: '2020-12-16T20:01:30.000Z', closed_at: '2020-06-07T11:00:00.000Z' },
      { job_id: '4198806003', title: 'chef', department: null, office: null, country: null, level: null, status: 'closed', opened_at: '2020-12-16T20:04:44.000Z', closed_at: '2019-05-07T11:00:00.000Z' },
    ]);
    // job_opening.csv: 2 openings; the first filled by application 17101695003, its close reason 4010317003
    // not synced (no close_reason.csv) -> no close reason.
    expect(await rowsOf(db, 'SELECT opening_id, job_id, hired_application_id, close_reason, opened_at, closed_at FROM openings ORDER BY 1')).toEqual([
      { opening_id: '4275804003', job_id: '4151432003', hired_application_id: '17101695003', close_reason: null, opened_at: '2020-10-23T09:00:00.000Z', closed_at: '2021-01-25T17:17:51.526Z' },
      { opening_id: '4360416003', job_id: '4198900003', hired_application_id: null, close_reason: null, opened_at: '2020-02-01T12:00:00.000Z', closed_at: '2020-04-10T11:00:00.000Z' },
    ]);
    // application.csv: 2 applications whose job_application rows are not in the seed (it names
    // 21792404003 and 21756066003) -> no job, left out. application_history: 2 hire events of other
    // applications -> left out with them. No offer.csv: no offers.
    expect(derived(doc, 'applications')).toEqual({ rows: 0, leftOut: { 'no job_id': 2 } });
    expect(derived(doc, 'stage_history')).toEqual({ rows: 0, leftOut: { 'application left out': 2 } });
    expect(derived(doc, 'offers')).toEqual({ rows: 0, leftOut: {} });
  }, 60_000);
});

// A small sync in the seed layouts (their headers, plus custom job fields and the offer, rejection_reason
// and close_reason tables), with one case of each rule.
const synced = '2026-03-01 06:00:00.000';
const handMade = {
  'fx_rates.csv': csv('currency,usd_per_unit,as_of', ['USD,1,2026-01-01', 'EUR,1.1,2026-01-01']),
  'job.csv': csv(
    'id,_fivetran_deleted,_fivetran_synced,closed_at,confidential,created_at,name,notes,requisition_id,status,updated_at,custom_employee_level_designation,custom_level,custom_role_family',
    [
      `10,false,${synced},,false,2026-01-02 09:00:00,Backend Engineer,,R-10,open,2026-01-02 09:00:00,Senior,L5,engineering`,
      `11,FALSE,${synced},,false,2026-01-03 09:00:00,Account Executive,,R-11,open,2026-01-03 09:00:00,,L3,sales`,
      `12,TRUE,${synced},,false,2026-01-04 09:00:00,Data Analyst,,R-12,open,2026-01-04 09:00:00,Mid,,data`, // deleted job
    ],
  ),
  'department.csv': csv('id,_fivetran_deleted,_fivetran_synced,external_id,name,parent_id', [
    `4,true,${synced},,Old Sales,`, // deleted: not used though job 11 still points at it
    `5,false,${synced},,Engineering,`,
    `6,false,${synced},,Sales,`,
  ]),
  'job_department.csv': csv('department_id,job_id,_fivetran_synced', [`5,10,${synced}`, `4,11,${synced}`, `6,11,${synced}`, `5,12,${synced}`]),
  'office.csv': csv('id,_fivetran_deleted,_fivetran_synced,external_id,location_name,name,parent_id,primary_contact_user_id', [
    `1,false,${synced},,"Berlin, Germany",Berlin,,`,
  ]),
  'job_office.csv': csv('job_id,office_id,_fivetran_synced', [`10,1,${synced}`, `11,1,${synced}`]),
  'close_reason.csv': csv('id,_fivetran_deleted,_fivetran_synced,name', [`1,false,${synced},Hire - New Headcount`]),
  'job_opening.csv': csv('id,job_id,_fivetran_synced,application_id,close_reason_id,closed_at,opened_at,opening_id,status', [
    `301,10,${synced},1004,1,2026-02-16 10:00:00,2026-01-02 09:00:00,BE-1,closed`,
    `302,11,${synced},,,,2026-01-03 09:00:00,,open`,
    `303,12,${synced},,,,2026-01-04 09:00:00,,open`, // opening of the deleted job
  ]),
  'source.csv': csv('id,_fivetran_deleted,_fivetran_synced,name,source_type_id,source_type_name', [
    `1,false,${synced},LinkedIn,4000004003,Third-party boards`,
    `2,false,${synced},Referral,4000003003,Referral`,
  ]),
  'rejection_reason.csv': csv('id,_fivetran_deleted,_fivetran_synced,name,type_id,type_name', [
    `7,false,${synced},Accepted another offer,2,They rejected us`,
    `8,false,${synced},Not a fit,1,We rejected them`,
  ]),
  'application.csv': csv(
    'id,_fivetran_deleted,_fivetran_synced,applied_at,candidate_id,credited_to_user_id,current_stage_id,is_deleted,last_activity_at,location_address,prospect,prospect_owner_id,prospect_pool_id,prospect_stage_id,rejected_at,rejected_reason_id,source_id,status',
    [
      `1001,false,${synced},2026-01-05 10:00:00,1,,102,,,,false,,,,,,1,active`,
      `1002,false,${synced},2026-01-06 10:00:00,2,,,,,,false,,,,2026-02-10 15:00:00,7,1,rejected`,
      `1003,false,${synced},2026-01-06 11:00:00,3,,,,,,false,,,,2026-02-20 15:00:00,8,2,rejected`,
      `1004,false,${synced},2026-01-07 10:00:00,4,,,,,,false,,,,,,2,hired`,
      `1005,false,${synced},2026-01-03 10:00:00,5,,,,,,true,,,,,,1,active`, // prospect
      `1006,true,${synced},2026-01-05 11:00:00,6,,,,,,false,,,,,,1,active`, // _fivetran_deleted
      `1007,false,${synced},2026-01-05 12:00:00,7,,,true,,,false,,,,,,1,active`, // is_deleted
      `1008,false,${synced},2026-01-06 12:00:00,8,,,,,,false,,,,,,1,active`, // on the deleted job 12
      `1009,false,${synced},2026-01-09 10:00:00,9,,,false,,,false,,,,,,1,active`,
    ],
  ),
  'job_application.csv': csv('application_id,job_id,_fivetran_synced', [
    `1001,10,${synced}`, `1002,10,${synced}`, `1003,10,${synced}`, `1004,10,${synced}`, `1005,10,${synced}`,
    `1006,10,${synced}`, `1007,11,${synced}`, `1008,12,${synced}`, `1009,11,${synced}`,
  ]),
  'job_stage.csv': csv('id,_fivetran_deleted,_fivetran_synced,created_at,job_id,name,updated_at', [
    `101,false,${synced},2026-01-01 00:00:00,10,Application Review,2026-01-01 00:00:00`,
    `102,false,${synced},2026-01-01 00:00:00,10,Phone Screen,2026-01-01 00:00:00`,
    `103,false,${synced},2026-01-01 00:00:00,10,Offer,2026-01-01 00:00:00`,
    `201,false,${synced},2026-01-01 00:00:00,11,Application Review,2026-01-01 00:00:00`,
    `202,true,${synced},2026-01-01 00:00:00,11,Old Stage,2026-01-01 00:00:00`,
    `121,false,${synced},2026-01-01 00:00:00,12,Application Review,2026-01-01 00:00:00`,
  ]),
  'application_history.csv': csv('application_id,updated_at,_fivetran_synced,new_stage_id,new_status', [
    `1001,2026-01-05 10:00:00,${synced},101,active`,
    `1001,2026-01-08 10:00:00,${synced},102,active`,
    `1001,2026-01-09 10:00:00,${synced},102,active`, // same stage again: not a new stay
    `1002,2026-01-06 10:00:00,${synced},101,active`,
    `1002,2026-01-20 10:00:00,${synced},103,active`,
    `1002,2026-02-10 15:00:00,${synced},,rejected`, // status change
    `1004,2026-01-07 10:00:00,${synced},101,active`,
    `1004,2026-01-10 10:00:00,${synced},103,active`,
    `1004,2026-02-15 09:30:00,${synced},,hired`, // status change: the hire date
    `1006,2026-01-05 11:00:00,${synced},101,active`, // deleted application
    `1008,2026-01-06 12:00:00,${synced},121,active`, // application of the deleted job
    `1009,2026-01-10 10:00:00,${synced},202,active`, // deleted stage
    `1009,2026-01-12 10:00:00,${synced},999,active`, // stage id not in job_stage
    `1009,2026-01-15 10:00:00,${synced},201,active`,
  ]),
  'offer.csv': csv(
    'id,_fivetran_deleted,_fivetran_synced,application_id,created_at,resolved_at,sent_at,starts_at,status,updated_at,version,custom_salary,custom_currency',
    [
      `501,false,${synced},1002,2026-02-01 09:00:00,,2026-02-02,2026-03-01,unresolved,,1,90000,EUR`,
      `502,false,${synced},1003,2026-02-05 09:00:00,,2026-02-06,2026-03-15,unresolved,,1,91000,EUR`,
      `503,false,${synced},1004,2026-02-08 09:00:00,,2026-02-09,2026-03-01,deprecated,,1,95000,EUR`,
      `504,false,${synced},1004,2026-02-10 09:00:00,2026-02-12 16:00:00,2026-02-10,2026-03-01,accepted,,2,98000,EUR`,
      `505,true,${synced},1004,2026-02-11 09:00:00,2026-02-13 16:00:00,2026-02-11,2026-03-01,accepted,,3,99000,EUR`, // deleted
      `506,false,${synced},1006,2026-02-11 09:00:00,,2026-02-11,,unresolved,,1,,`, // on a deleted application
      `507,false,${synced},1001,2026-02-20 09:00:00,,,,unresolved,,1,,`,
    ],
  ),
  'hiring_team.csv': csv('job_id,role,user_id,_fivetran_synced', [`10,hiring_managers,900,${synced}`, `11,recruiters,901,${synced}`]),
};

describe('a hand-made sync in the seed layouts', () => {
  const dir = path.join(tmp.dir, 'hand');
  const db = path.join(tmp.dir, 'hand.duckdb');
  let doc: IngestDoc;
  beforeAll(() => {
    writeFiles(dir, handMade);
    doc = ingest(dir, db);
  }, 60_000);

  test('jobs: department through job_department (a deleted department not used), office, the first custom level with a value', async () => {
    expect(derived(doc, 'jobs')).toEqual({ rows: 2, leftOut: { 'deleted (_fivetran_deleted)': 1 } });
    expect(await rowsOf(db, 'SELECT job_id, title, department, office, country, level, role_family, opened_at FROM jobs ORDER BY job_id')).toEqual([
      // custom_employee_level_designation comes first: Senior (not custom_level L5).
      { job_id: '10', title: 'Backend Engineer', department: 'Engineering', office: 'Berlin', country: 'DE', level: 'Senior', role_family: 'engineering', opened_at: '2026-01-02T09:00:00.000Z' },
      // Departments 4 (deleted) and 6 -> Sales; designation empty -> custom_level L3.
      { job_id: '11', title: 'Account Executive', department: 'Sales', office: 'Berlin', country: 'DE', level: 'L3', role_family: 'sales', opened_at: '2026-01-03T09:00:00.000Z' },
    ]);
  });

  test('openings: the hire from job_opening.application_id, the close reason by id; the deleted job takes its opening', async () => {
    expect(derived(doc, 'openings')).toEqual({ rows: 2, leftOut: { 'job deleted': 1 } });
    expect(await rowsOf(db, 'SELECT opening_id, job_id, hired_application_id, close_reason, closed_at FROM openings ORDER BY 1')).toEqual([
      { opening_id: '301', job_id: '10', hired_application_id: '1004', close_reason: 'Hire - New Headcount', closed_at: '2026-02-16T10:00:00.000Z' },
      { opening_id: '302', job_id: '11', hired_application_id: null, close_reason: null, closed_at: null },
    ]);
  });

  test('applications: soft deletes, the deleted job and prospects left out; source type, rejection reason and type, hire date from the history', async () => {
    // 9 applications: 1005 prospect, 1006 _fivetran_deleted, 1007 is_deleted, 1008 on deleted job 12 -> 5 kept.
    expect(derived(doc, 'applications')).toEqual({
      rows: 5,
      leftOut: { prospect: 1, 'deleted (_fivetran_deleted)': 1, 'deleted (is_deleted)': 1, 'job deleted': 1 },
    });
    expect(
      await rowsOf(db, 'SELECT application_id, job_id, status, source, source_type, rejected_at, rejection_type, rejection_reason, hired_at FROM applications ORDER BY 1'),
    ).toEqual([
      { application_id: '1001', job_id: '10', status: 'active', source: 'LinkedIn', source_type: 'Third-party boards', rejected_at: null, rejection_type: null, rejection_reason: null, hired_at: null },
      // Reason 7, type "They rejected us" -> withdrew.
      { application_id: '1002', job_id: '10', status: 'rejected', source: 'LinkedIn', source_type: 'Third-party boards', rejected_at: '2026-02-10T15:00:00.000Z', rejection_type: 'withdrew', rejection_reason: 'Accepted another offer', hired_at: null },
      { application_id: '1003', job_id: '10', status: 'rejected', source: 'Referral', source_type: 'Referral', rejected_at: '2026-02-20T15:00:00.000Z', rejection_type: 'rejected', rejection_reason: 'Not a fit', hired_at: null },
      // The `hired` event of application_history (2026-02-15 09:30), not the opening's close (02-16).
      { application_id: '1004', job_id: '10', status: 'hired', source: 'Referral', source_type: 'Referral', rejected_at: null, rejection_type: null, rejection_reason: null, hired_at: '2026-02-15T09:30:00.000Z' },
      { application_id: '1009', job_id: '11', status: 'active', source: 'LinkedIn', source_type: 'Third-party boards', rejected_at: null, rejection_type: null, rejection_reason: null, hired_at: null },
    ]);
  });

  test('stage history: one stay per stage event, named through the per-job stage ids, no exit time', async () => {
    expect(await rowsOf(db, 'SELECT application_id, stage, entered_at, exited_at FROM stage_history ORDER BY application_id, entered_at')).toEqual([
      { application_id: '1001', stage: 'Application Review', entered_at: '2026-01-05T10:00:00.000Z', exited_at: null },
      { application_id: '1001', stage: 'Phone Screen', entered_at: '2026-01-08T10:00:00.000Z', exited_at: null },
      { application_id: '1002', stage: 'Application Review', entered_at: '2026-01-06T10:00:00.000Z', exited_at: null },
      { application_id: '1002', stage: 'Offer', entered_at: '2026-01-20T10:00:00.000Z', exited_at: null },
      { application_id: '1004', stage: 'Application Review', entered_at: '2026-01-07T10:00:00.000Z', exited_at: null },
      { application_id: '1004', stage: 'Offer', entered_at: '2026-01-10T10:00:00.000Z', exited_at: null },
      { application_id: '1009', stage: 'Application Review', entered_at: '2026-01-15T10:00:00.000Z', exited_at: null },
    ]);
    // 14 events = 7 stays + 1 repeat of Phone Screen + 2 status changes + 2 of left-out applications
    // (1006, 1008) + 1 deleted stage (202) + 1 unknown stage id (999).
    expect(derived(doc, 'stage_history')).toEqual({
      rows: 7,
      leftOut: { 'same stage as the event before': 1, 'status change, not a stage': 2, 'application left out': 2, 'stage deleted': 1, 'no stage': 1 },
    });
  });

  test('offers: Harvest statuses, dates as days, settled by the rejection; deleted offers and offers of deleted applications left out', async () => {
    expect(derived(doc, 'offers')).toEqual({ rows: 5, leftOut: { 'deleted (_fivetran_deleted)': 1, 'application left out': 1 } });
    expect(
      await rowsOf(db, 'SELECT offer_id, status, version, sent_at, resolved_at, start_date::VARCHAR AS start_date, base_salary, currency FROM offers ORDER BY 1'),
    ).toEqual([
      // 1002 rejected, "They rejected us" -> declined at its rejected_at; sent_at the date at noon.
      { offer_id: '501', status: 'declined', version: 1, sent_at: '2026-02-02T12:00:00.000Z', resolved_at: '2026-02-10T15:00:00.000Z', start_date: '2026-03-01', base_salary: 90000, currency: 'EUR' },
      // 1003 rejected, "We rejected them" -> rescinded at its rejected_at.
      { offer_id: '502', status: 'rescinded', version: 1, sent_at: '2026-02-06T12:00:00.000Z', resolved_at: '2026-02-20T15:00:00.000Z', start_date: '2026-03-15', base_salary: 91000, currency: 'EUR' },
      { offer_id: '503', status: 'deprecated', version: 1, sent_at: '2026-02-09T12:00:00.000Z', resolved_at: null, start_date: '2026-03-01', base_salary: 95000, currency: 'EUR' },
      { offer_id: '504', status: 'accepted', version: 2, sent_at: '2026-02-10T12:00:00.000Z', resolved_at: '2026-02-12T16:00:00.000Z', start_date: '2026-03-01', base_salary: 98000, currency: 'EUR' },
      { offer_id: '507', status: 'pending', version: 1, sent_at: null, resolved_at: null, start_date: null, base_salary: null, currency: null },
    ]);
  });

  test('vendors.levelField picks the custom field; includeProspects keeps the prospect', async () => {
    const config = path.join(tmp.dir, 'level.config.json');
    writeFiles(tmp.dir, { 'level.config.json': JSON.stringify({ vendors: { levelField: 'custom_level', includeProspects: true } }) });
    const db2 = path.join(tmp.dir, 'hand-level.duckdb');
    const doc2 = ingest(dir, db2, ['--config', config]);
    expect(await rowsOf(db2, 'SELECT job_id, level FROM jobs ORDER BY 1')).toEqual([
      { job_id: '10', level: 'L5' },
      { job_id: '11', level: 'L3' },
    ]);
    // 1005 kept now: 6 applications.
    expect(derived(doc2, 'applications').rows).toBe(6);
  });

  test('a levelField the adapter does not read is an error naming the setting and the columns it reads', () => {
    writeFiles(tmp.dir, { 'grade.config.json': JSON.stringify({ vendors: { levelField: 'custom_grade' } }) });
    const run = runCli(['ingest', dir, '--db', path.join(tmp.dir, 'hand-grade.duckdb'), '--config', path.join(tmp.dir, 'grade.config.json')]);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('vendors.levelField "custom_grade"');
    expect(run.stderr).toContain('custom_employee_level_designation, custom_level');
  });
});

describe('synced tables hirescope does not use', () => {
  test('are declared unused, each with _fivetran_synced in its signature', () => {
    const unused = fivetranGreenhouse.tables.filter((t) => t.unused).map((t) => t.base).sort();
    expect(unused).toEqual([
      'activity', 'attachment', 'candidate', 'candidate_tag', 'eeoc', 'email_address', 'interview', 'job_post',
      'phone_number', 'prospect_pool', 'prospect_stage', 'scheduled_interview', 'scheduled_interviewer', 'scorecard',
      'scorecard_attribute', 'social_media_address', 'tags', 'user_email',
    ]);
    for (const t of fivetranGreenhouse.tables) expect({ table: t.base, synced: t.signature.includes('_fivetran_synced') }).toEqual({ table: t.base, synced: true });
    expect(fivetranGreenhouse.tables.find((t) => t.base === 'hiring_team')!.signature).toEqual(['job_id', 'user_id', 'role', '_fivetran_synced']);
  });

  test('hiring_team.csv (read since issue 18 for the job owners) after a good export loads and changes no metric', () => {
    const dir = path.join(tmp.dir, 'good');
    const db = path.join(tmp.dir, 'good.duckdb');
    const generated = runCli(['generate', '--seed', '5', '--scale', '0.3', '--format', 'canonical', '--out', dir]);
    expect(generated.status).toBe(0);
    ingest(dir, db);
    const before = runCli(['metrics', '--db', db, '--json', '--as-of', AS_OF]);
    const doc = ingest(path.join(seeds, 'hiring_team.csv'), db);
    expect(doc.files).toEqual([expect.objectContaining({ kind: 'fivetran-greenhouse:hiring_team', status: 'loaded' })]);
    const after = runCli(['metrics', '--db', db, '--json', '--as-of', AS_OF]);
    expect(JSON.parse(after.stdout).timeToFill).toEqual(JSON.parse(before.stdout).timeToFill);
    expectSameMetrics(JSON.parse(after.stdout), JSON.parse(before.stdout));
  }, 120_000);
});
