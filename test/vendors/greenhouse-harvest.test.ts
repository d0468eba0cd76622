/**
 * Greenhouse Harvest API v3 adapter (issue 7): generated Harvest files give the same metrics as the
 * canonical files of the same company, the Harvest quirks are handled (hand-computed expectations on a
 * small hand-made export), malformed files are quarantined or refused, and the Data Lake files generated
 * by `--format greenhouse` are still recognised as Data Lake with the Harvest shapes registered.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { csv } from '../helpers/warehouse.ts';
import { AS_OF, expectSameMetrics, generatedCompany, rowDiffs, rowsOf, type CompanyRun, type Row } from '../helpers/vendors.ts';
import { runCli, tempDir, writeFiles } from '../helpers/tmp.ts';

const tmp = tempDir('hs-harvest-');
afterAll(() => tmp.cleanup());


interface IngestDoc {
  files: { path: string; kind: string; status: string; rowsRead: number; rowsLoaded: number; rowsRejected: number; message?: string }[];
  derived: { vendor: string; entity: string; rows: number; leftOut: { reason: string; rows: number }[] }[];
}

function ingestJson(dir: string, db: string, extra: string[] = []): IngestDoc {
  const run = runCli(['ingest', dir, '--db', db, '--json', ...extra]);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as IngestDoc;
}

const leftOutOf = (doc: IngestDoc, entity: string) =>
  Object.fromEntries(doc.derived.find((d) => d.vendor === 'greenhouse-harvest' && d.entity === entity)!.leftOut.map((l) => [l.reason, l.rows]));

describe('generated Harvest export vs canonical files of the same company', () => {
  let canonical: CompanyRun;
  let harvest: CompanyRun;
  beforeAll(() => {
    canonical = generatedCompany(tmp.dir, 'canonical');
    harvest = generatedCompany(tmp.dir, 'greenhouse-harvest');
  }, 240_000);

  test('seed 5 scale 1: identical metrics --json', () => {
    expectSameMetrics(harvest.metrics, canonical.metrics);
  });

  test('every Harvest file is detected as its Harvest table, and prospects are left out and counted', () => {
    const kinds = Object.fromEntries(harvest.ingest.files.map((f) => [path.basename(f.path), f.kind]));
    expect(kinds).toMatchObject({
      'applications.csv': 'greenhouse-harvest:applications',
      'application_stages.csv': 'greenhouse-harvest:application_stages',
      'job_interview_stages.csv': 'greenhouse-harvest:job_interview_stages',
      'offers.csv': 'greenhouse-harvest:offers',
      'openings.csv': 'greenhouse-harvest:openings',
      'jobs.csv': 'greenhouse-harvest:jobs',
      'departments.csv': 'greenhouse-harvest:departments',
      'offices.csv': 'greenhouse-harvest:offices',
      'sources.csv': 'greenhouse-harvest:sources',
      'rejection_details.csv': 'greenhouse-harvest:rejection_details',
    });
    expect(harvest.ingest.files.every((f) => f.status === 'loaded' && f.rowsRejected === 0)).toBe(true);
    // 1905 canonical applications; every 40th copied as a prospect: floor(1905 / 40) = 47 left out.
    const applications = harvest.ingest.derived.find((d) => d.entity === 'applications')!;
    expect(applications.rows).toBe(1905);
    expect(applications.leftOut).toEqual([{ reason: 'prospect', rows: 47 }]);
  });

  test('canonical rows equal the canonical files (ids aside; sent_at kept to the day)', async () => {
    const n = (c: string) => `regexp_extract(${c}, '\\d+')::BIGINT`;
    const tables: Record<string, string> = {
      applications: `${n('application_id')}, ${n('job_id')}, applied_at, ${n('candidate_id')}, source, source_type, status, rejected_at, rejection_type, rejection_reason, hired_at`,
      stage_history: `${n('application_id')}, stage, entered_at, exited_at`,
      offers: `${n('offer_id')}, ${n('application_id')}, status, version, created_at, sent_at::DATE, resolved_at, start_date, base_salary, currency`,
      openings: `${n('opening_id')}, ${n('job_id')}, opened_at, closed_at, close_reason, ${n('hired_application_id')}`,
      jobs: `${n('job_id')}, title, department, role_family, level, office, country, status, opened_at, closed_at`,
    };
    for (const diff of await rowDiffs(canonical.db, harvest.db, tables)) {
      expect(diff).toEqual({ table: diff.table, c_only: 0, v_only: 0, n: diff.n });
      expect(diff.n).toBeGreaterThan(0);
    }
  });

  test('seed 11 scale 0.5, filtered on Engineering: identical metrics', () => {
    const root = path.join(tmp.dir, 'seed11');
    const c = generatedCompany(root, 'canonical', 11, 0.5);
    const v = generatedCompany(root, 'greenhouse-harvest', 11, 0.5);
    const filtered = (db: string) => {
      const run = runCli(['metrics', '--db', db, '--json', '--as-of', AS_OF, '--department', 'Engineering']);
      expect(run.status).toBe(0);
      return JSON.parse(run.stdout) as Record<string, unknown>;
    };
    expectSameMetrics(v.metrics, c.metrics);
    expectSameMetrics(filtered(v.db), filtered(c.db));
  }, 240_000);

  test('Data Lake files from --format greenhouse are still Data Lake, with the Harvest shapes registered', () => {
    const gh = generatedCompany(tmp.dir, 'greenhouse');
    const vendorKinds = gh.ingest.files.map((f) => f.kind).filter((k) => k.includes(':'));
    expect(vendorKinds.length).toBeGreaterThan(10);
    expect(vendorKinds.every((k) => k.startsWith('greenhouse:'))).toBe(true);
    expectSameMetrics(gh.metrics, canonical.metrics);
  }, 240_000);
});

// A small hand-made Harvest export with every quirk the adapter handles.
const handMade = {
  'fx_rates.csv': csv('currency,usd_per_unit,as_of', ['USD,1,2026-01-01', 'EUR,1.1,2026-01-01']),
  'offices.csv': csv('id,name,location,parent_id,external_id', [
    '1,Berlin,"Berlin, Germany",,', // country from the location text: Germany -> DE
    '2,Remote EU,Remote,,', // no country in the text: config override by office name -> PT
    '3,Zurich,"Zurich, Schweiz",,', // a country name hirescope does not know: override by office id -> CH
    '4,Austin,"Austin, TX, United States",,', // last part of the text: United States -> US
  ]),
  'departments.csv': csv('id,name,parent_id,external_id', ['1,Engineering,,', '2,Sales,,HR-22']),
  'jobs.csv': csv(
    'id,name,requisition_id,status,department_id,office_ids,opened_at,closed_at,custom_fields_level_value,custom_fields_role_family_value',
    [
      '10,Backend Engineer,R-10,open,1,"[4, 1]",2026-01-02T09:00:00.000Z,,Senior,engineering', // lowest office id 1 -> Berlin
      '11,Account Executive,R-11,open,2,[2],2026-01-02T09:00:00.000Z,,Mid,sales',
      '12,Data Analyst,R-12,open,1,[3],2026-01-02T09:00:00.000Z,,Mid,data',
      '13,Sales Engineer,R-13,open,2,[4],2026-01-02T09:00:00.000Z,,Senior,sales',
    ],
  ),
  'job_interview_stages.csv': csv('id,job_id,name,sort_order,active', [
    '101,10,Application Review,0,true',
    '102,10,Phone Screen,1,true',
    '103,10,Offer,2,true',
    '201,11,Application Review,0,true',
    '203,11,Offer,1,true',
  ]),
  'sources.csv': csv('id,name,type_id,type_name', ['1,LinkedIn,1,Third-party boards', '2,Referral,2,Referral']),
  'applications.csv': csv(
    'id,candidate_id,job_id,prospective_job_ids,prospect,status,created_at,rejected_at,rejection_reason_id,source_id,stage_id,job_interview_stage_id,migrated',
    [
      '1001,1,10,[],false,in_process,2026-01-05T10:00:00.000Z,,,1,102,102,false',
      '1002,2,10,[],false,rejected,2026-01-06T10:00:00.000Z,2026-02-10T15:00:00.000Z,7,1,,,false',
      '1003,3,10,[],false,rejected,2026-01-06T11:00:00.000Z,2026-02-20T15:00:00.000Z,8,2,,,false',
      '1004,4,10,[],false,hired,2026-01-07T10:00:00.000Z,,,2,,,false',
      '1005,5,,[10],true,in_process,2026-01-03T10:00:00.000Z,,,1,,,false',
      '1006,6,,[11],true,converted,2026-01-03T11:00:00.000Z,,,1,,,false',
      '1007,7,11,[],false,in_process,2026-01-04T10:00:00.000Z,,,1,201,201,true',
      '1008,8,11,[],false,in_process,2026-01-08T10:00:00.000Z,,,1,203,203,false',
      '1009,9,11,[],false,rejected,2026-01-09T10:00:00.000Z,2026-03-01T12:00:00.000Z,9,1,,,false',
    ],
  ),
  'application_stages.csv': csv('id,application_id,job_interview_stage_id,entered_at,exited_at,current,days_in_stage', [
    '1,1001,101,2026-01-05T10:00:00.000Z,2026-01-08T10:00:00.000Z,false,3',
    '2,1001,102,2026-01-08T10:00:00.000Z,,true,',
    '3,1002,101,2026-01-06T10:00:00.000Z,2026-01-20T10:00:00.000Z,false,14',
    '4,1002,103,2026-01-20T10:00:00.000Z,,true,', // rejected while current: closed at rejected_at
    '5,1003,101,2026-01-06T11:00:00.000Z,2026-02-01T11:00:00.000Z,false,26',
    '6,1003,103,2026-02-01T11:00:00.000Z,2026-02-20T15:00:00.000Z,false,19',
    '7,1004,101,2026-01-07T10:00:00.000Z,2026-01-10T10:00:00.000Z,false,3',
    '8,1004,103,2026-01-10T10:00:00.000Z,2026-02-15T09:30:00.000Z,false,36', // hired: its exit is the hire date
    '9,1007,201,2026-01-04T10:00:00.000Z,,true,', // migrated application: left out with it
    '10,1001,999,2026-01-04T10:00:00.000Z,2026-01-05T10:00:00.000Z,false,1', // stage id not in job_interview_stages
    '11,1008,201,,,false,', // no entered_at
    '12,1008,203,2026-01-08T10:00:00.000Z,,true,',
  ]),
  'rejection_reasons.csv': csv('id,name,type_id,type_key,type_name', ['7,Accepted another offer,2,THEY_REJECTED_US,They rejected us']),
  'rejection_details.csv': csv(
    'id,application_id,rejection_reason_id,rejected_at,rejected_by_id,rejection_reason_name,rejection_reason_type_name',
    [
      '51,1002,7,2026-02-10T15:00:00.000Z,,,', // reason and type from rejection_reasons.csv
      '52,1003,8,2026-02-20T15:00:00.000Z,900,Not a fit,We rejected them', // flattened reason, type by name
      '53,1009,9,2026-03-01T12:00:00.000Z,900,Position closed,None Specified',
    ],
  ),
  'offers.csv': csv(
    'id,application_id,status,version,created_at,sent_on,resolved_at,starts_on,custom_fields_salary_value_amount,custom_fields_salary_value_unit',
    [
      '501,1002,Created,1,2026-02-01T09:00:00.000Z,2026-02-02,,2026-03-01,90000,EUR',
      '502,1003,Created,1,2026-02-05T09:00:00.000Z,2026-02-06,,2026-03-15,91000,EUR',
      '503,1004,Deprecated,1,2026-02-08T09:00:00.000Z,2026-02-09,,2026-03-01,95000,EUR',
      '504,1004,Accepted,2,2026-02-10T09:00:00.000Z,2026-02-10,2026-02-12T16:00:00.000Z,2026-03-01,98000,EUR',
      '505,1008,Created,1,2026-02-20T09:00:00.000Z,,,,,',
      '506,1009,Created,1,2026-02-25T09:00:00.000Z,2026-02-26,,,,',
      '507,1005,Created,1,2026-02-25T09:00:00.000Z,,,,,',
    ],
  ),
  'openings.csv': csv('id,job_id,opening_id,application_id,open,opened_at,closed_at,close_reason_id,close_reason_name', [
    '301,10,BE-1,1004,false,2026-01-02T09:00:00.000Z,2026-02-16T10:00:00.000Z,3,Hire - New Headcount',
    '302,11,,,true,2026-01-02T09:00:00.000Z,,,',
  ]),
};

const config = { vendors: { officeCountries: { 'Remote EU': 'PT', '3': 'Switzerland' } } };

describe('Harvest quirks on a hand-made export', () => {
  const dir = path.join(tmp.dir, 'hand');
  const db = path.join(tmp.dir, 'hand.duckdb');
  let doc: IngestDoc;
  beforeAll(() => {
    writeFiles(dir, handMade);
    writeFiles(tmp.dir, { 'hand.config.json': JSON.stringify(config) });
    doc = ingestJson(dir, db, ['--config', path.join(tmp.dir, 'hand.config.json')]);
  }, 60_000);

  test('every file loads as its Harvest table', () => {
    const csvFiles = doc.files.filter((f) => !f.path.endsWith('fx_rates.csv'));
    expect(csvFiles).toHaveLength(11);
    for (const f of csvFiles) {
      expect({ file: path.basename(f.path), kind: f.kind, status: f.status, rejected: f.rowsRejected }).toEqual({
        file: path.basename(f.path),
        kind: `greenhouse-harvest:${path.basename(f.path, '.csv')}`,
        status: 'loaded',
        rejected: 0,
      });
    }
  });

  test('office location text -> country code, config override by office name or id', async () => {
    const jobs = await rowsOf(db, 'SELECT job_id, office, country, department, level, role_family FROM jobs ORDER BY job_id');
    expect(jobs).toEqual([
      { job_id: '10', office: 'Berlin', country: 'DE', department: 'Engineering', level: 'Senior', role_family: 'engineering' },
      { job_id: '11', office: 'Remote EU', country: 'PT', department: 'Sales', level: 'Mid', role_family: 'sales' },
      // Override by id "3" names the country in English: Switzerland -> CH.
      { job_id: '12', office: 'Zurich', country: 'CH', department: 'Engineering', level: 'Mid', role_family: 'data' },
      { job_id: '13', office: 'Austin', country: 'US', department: 'Sales', level: 'Senior', role_family: 'sales' },
    ]);
  });

  test('prospects and migrated candidates are left out by default and counted', async () => {
    // 9 applications: 1005 and 1006 are prospects (1006 converted), 1007 is migrated -> 6 kept.
    expect(leftOutOf(doc, 'applications')).toEqual({ prospect: 2, 'migrated from an earlier system': 1 });
    const apps = await rowsOf(db, 'SELECT application_id FROM applications ORDER BY 1');
    expect(apps.map((a) => a.application_id)).toEqual(['1001', '1002', '1003', '1004', '1008', '1009']);
  });

  test('applications: status, rejection reason and type, hire date from the last stage exit', async () => {
    const apps = await rowsOf(
      db,
      'SELECT application_id, job_id, status, source, source_type, rejected_at, rejection_type, rejection_reason, hired_at FROM applications ORDER BY 1',
    );
    expect(apps).toEqual([
      { application_id: '1001', job_id: '10', status: 'active', source: 'LinkedIn', source_type: 'Third-party boards', rejected_at: null, rejection_type: null, rejection_reason: null, hired_at: null },
      // Reason 7 from rejection_reasons.csv, type key THEY_REJECTED_US -> withdrew.
      { application_id: '1002', job_id: '10', status: 'rejected', source: 'LinkedIn', source_type: 'Third-party boards', rejected_at: '2026-02-10T15:00:00.000Z', rejection_type: 'withdrew', rejection_reason: 'Accepted another offer', hired_at: null },
      // Flattened reason on the detail, type name "We rejected them" -> rejected.
      { application_id: '1003', job_id: '10', status: 'rejected', source: 'Referral', source_type: 'Referral', rejected_at: '2026-02-20T15:00:00.000Z', rejection_type: 'rejected', rejection_reason: 'Not a fit', hired_at: null },
      // No hire date in v3: the exit of its last stage (Offer, exited 2026-02-15 09:30), not the offer's 02-12.
      { application_id: '1004', job_id: '10', status: 'hired', source: 'Referral', source_type: 'Referral', rejected_at: null, rejection_type: null, rejection_reason: null, hired_at: '2026-02-15T09:30:00.000Z' },
      { application_id: '1008', job_id: '11', status: 'active', source: 'LinkedIn', source_type: 'Third-party boards', rejected_at: null, rejection_type: null, rejection_reason: null, hired_at: null },
      // "None Specified" (any case) -> other.
      { application_id: '1009', job_id: '11', status: 'rejected', source: 'LinkedIn', source_type: 'Third-party boards', rejected_at: '2026-03-01T12:00:00.000Z', rejection_type: 'other', rejection_reason: 'Position closed', hired_at: null },
    ]);
  });

  test('stage rows named through job_interview_stages ids; the current stage of a rejected application is closed', async () => {
    const stays = await rowsOf(db, 'SELECT application_id, stage, entered_at, exited_at FROM stage_history ORDER BY application_id, entered_at');
    expect(stays).toEqual([
      { application_id: '1001', stage: 'Application Review', entered_at: '2026-01-05T10:00:00.000Z', exited_at: '2026-01-08T10:00:00.000Z' },
      { application_id: '1001', stage: 'Phone Screen', entered_at: '2026-01-08T10:00:00.000Z', exited_at: null },
      { application_id: '1002', stage: 'Application Review', entered_at: '2026-01-06T10:00:00.000Z', exited_at: '2026-01-20T10:00:00.000Z' },
      // exited_at empty in the file (current: true), application rejected 2026-02-10 15:00 -> closed then.
      { application_id: '1002', stage: 'Offer', entered_at: '2026-01-20T10:00:00.000Z', exited_at: '2026-02-10T15:00:00.000Z' },
      { application_id: '1003', stage: 'Application Review', entered_at: '2026-01-06T11:00:00.000Z', exited_at: '2026-02-01T11:00:00.000Z' },
      { application_id: '1003', stage: 'Offer', entered_at: '2026-02-01T11:00:00.000Z', exited_at: '2026-02-20T15:00:00.000Z' },
      { application_id: '1004', stage: 'Application Review', entered_at: '2026-01-07T10:00:00.000Z', exited_at: '2026-01-10T10:00:00.000Z' },
      { application_id: '1004', stage: 'Offer', entered_at: '2026-01-10T10:00:00.000Z', exited_at: '2026-02-15T09:30:00.000Z' },
      { application_id: '1008', stage: 'Offer', entered_at: '2026-01-08T10:00:00.000Z', exited_at: null },
    ]);
    // 12 rows: 9 stays; row 9 (migrated 1007), row 10 (stage 999 unknown), row 11 (no entered_at) left out.
    expect(leftOutOf(doc, 'stage_history')).toEqual({ 'application left out': 1, 'no stage': 1, 'stage never entered': 1 });
  });

  test('capitalised offer statuses; a Created offer on a rejected application is declined or rescinded at rejected_at', async () => {
    const offers = await rowsOf(
      db,
      'SELECT offer_id, status, version, sent_at::DATE::VARCHAR AS sent_on, resolved_at, start_date::VARCHAR AS start_date, base_salary, currency FROM offers ORDER BY offer_id',
    );
    expect(offers).toEqual([
      // 1002 rejected, type withdrew -> declined at its rejected_at.
      { offer_id: '501', status: 'declined', version: 1, sent_on: '2026-02-02', resolved_at: '2026-02-10T15:00:00.000Z', start_date: '2026-03-01', base_salary: 90000, currency: 'EUR' },
      // 1003 rejected, type rejected -> rescinded at its rejected_at.
      { offer_id: '502', status: 'rescinded', version: 1, sent_on: '2026-02-06', resolved_at: '2026-02-20T15:00:00.000Z', start_date: '2026-03-15', base_salary: 91000, currency: 'EUR' },
      { offer_id: '503', status: 'deprecated', version: 1, sent_on: '2026-02-09', resolved_at: null, start_date: '2026-03-01', base_salary: 95000, currency: 'EUR' },
      { offer_id: '504', status: 'accepted', version: 2, sent_on: '2026-02-10', resolved_at: '2026-02-12T16:00:00.000Z', start_date: '2026-03-01', base_salary: 98000, currency: 'EUR' },
      // 1008 still in process -> pending.
      { offer_id: '505', status: 'pending', version: 1, sent_on: null, resolved_at: null, start_date: null, base_salary: null, currency: null },
      // 1009 rejected, "None Specified" -> other -> rescinded.
      { offer_id: '506', status: 'rescinded', version: 1, sent_on: '2026-02-26', resolved_at: '2026-03-01T12:00:00.000Z', start_date: null, base_salary: null, currency: null },
    ]);
    // 507 is on prospect 1005.
    expect(leftOutOf(doc, 'offers')).toEqual({ 'application left out': 1 });
  });

  test('openings: the hired application and the expanded close reason', async () => {
    const openings = await rowsOf(db, 'SELECT opening_id, job_id, hired_application_id, close_reason, closed_at FROM openings ORDER BY 1');
    expect(openings).toEqual([
      { opening_id: '301', job_id: '10', hired_application_id: '1004', close_reason: 'Hire - New Headcount', closed_at: '2026-02-16T10:00:00.000Z' },
      { opening_id: '302', job_id: '11', hired_application_id: null, close_reason: null, closed_at: null },
    ]);
  });

  test('includeProspects keeps prospects (the job from prospective_job_ids) but not converted ones', async () => {
    const dir2 = path.join(tmp.dir, 'hand-prospects');
    const db2 = path.join(tmp.dir, 'hand-prospects.duckdb');
    writeFiles(dir2, handMade);
    writeFiles(tmp.dir, { 'prospects.config.json': JSON.stringify({ vendors: { includeProspects: true, includeMigrated: true } }) });
    const doc2 = ingestJson(dir2, db2, ['--config', path.join(tmp.dir, 'prospects.config.json')]);
    expect(leftOutOf(doc2, 'applications')).toEqual({ 'prospect converted to a candidate': 1 });
    const apps = await rowsOf(db2, "SELECT application_id, job_id FROM applications WHERE application_id IN ('1005', '1007') ORDER BY 1");
    expect(apps).toEqual([
      { application_id: '1005', job_id: '10' },
      { application_id: '1007', job_id: '11' },
    ]);
    // Offer 507 on prospect 1005 is now kept: Created on an application in process -> pending.
    expect(leftOutOf(doc2, 'offers')).toEqual({});
  });
});

describe('malformed Harvest files', () => {
  test('a bad timestamp is quarantined with its line and Harvest column; a file missing a required column is refused', () => {
    const dir = path.join(tmp.dir, 'bad');
    const db = path.join(tmp.dir, 'bad.duckdb');
    writeFiles(dir, {
      ...handMade,
      'application_stages.csv': csv('id,application_id,job_interview_stage_id,entered_at,exited_at,current', [
        '1,1001,101,2026-01-05T10:00:00.000Z,2026-01-08T10:00:00.000Z,false',
        '2,1001,102,yesterday at noon,,true', // line 3
      ]),
      // No application_id: a Harvest offers file cannot be read.
      'offers.csv': csv('id,status,version,created_at,sent_on,resolved_at', ['501,Created,1,2026-02-01T09:00:00.000Z,2026-02-02,']),
    });
    const run = runCli(['ingest', dir, '--db', db, '--json', '--vendor', 'greenhouse-harvest']);
    const doc = JSON.parse(run.stdout) as IngestDoc;
    const byName = Object.fromEntries(doc.files.map((f) => [path.basename(f.path), f]));
    expect(byName['application_stages.csv']).toMatchObject({ status: 'loaded', rowsRead: 2, rowsLoaded: 1, rowsRejected: 1 });
    // --vendor keeps the canonical shapes too (pay files beside the export): the closest canonical entity
    // comes first, then the Harvest shape tried.
    expect(byName['offers.csv']).toMatchObject({ status: 'refused' });
    expect(byName['offers.csv']!.message).toContain('vendor shapes tried: greenhouse-harvest offers (missing application_id)');

    const rejects = runCli(['rejects', '--db', db, '--json']);
    const rows = (JSON.parse(rejects.stdout) as { rejects: { file: string; line: number; column: string; value: string }[] }).rejects;
    expect(rows).toEqual([expect.objectContaining({ line: 3, column: 'entered_at', value: 'yesterday at noon' })]);
    expect(path.basename(rows[0]!.file)).toBe('application_stages.csv');
  }, 60_000);
});
