/**
 * Airbyte's Greenhouse source (issue 14): Harvest v1/v2 JSON records of applications, jobs, offers and
 * sources as JSON lines. (1) A generated Airbyte export gives the same metrics as the canonical files of
 * the same company once what Harvest v1/v2 cannot carry is taken out of those (stage history, hire dates);
 * (2) the real records of Airbyte's acceptance tests load with hand-worked canonical rows; (3) their
 * applications file is no longer read as Greenhouse Data Lake `applications`; (4) bare records and both
 * Airbyte wrappers give the same warehouse; malformed wrappers are refused with the line named.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { detectEntity } from '../../pipelines/ingest/detect.ts';
import { sniffJsonLines } from '../../pipelines/ingest/sniff.ts';
import { AS_OF, companyPairs, expectSameMetrics, rowsOf, type CompanyRun } from '../helpers/vendors.ts';
import { repoRoot, runCli, tempDir, writeFiles } from '../helpers/tmp.ts';

const tmp = tempDir('hs-airbyte-');
afterAll(() => tmp.cleanup());

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'airbyte-greenhouse');

interface IngestDoc {
  files: { path: string; kind: string | null; status: string; rowsRead: number; rowsLoaded: number; rowsRejected: number; message: string }[];
  derived: { vendor: string; entity: string; rows: number; leftOut: { reason: string; rows: number }[] }[];
}

function ingestJson(inputs: string[], db: string, extra: string[] = []): IngestDoc {
  const run = runCli(['ingest', ...inputs, '--db', db, '--json', ...extra]);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as IngestDoc;
}

const metricsOf = (db: string): Record<string, unknown> => {
  const run = runCli(['metrics', '--db', db, '--json', '--as-of', AS_OF]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as Record<string, unknown>;
};

const derivedOf = (doc: IngestDoc, vendor = 'airbyte-greenhouse') =>
  Object.fromEntries(
    doc.derived.filter((d) => d.vendor === vendor).map((d) => [d.entity, { rows: d.rows, leftOut: Object.fromEntries(d.leftOut.map((l) => [l.reason, l.rows])) }]),
  );

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * The canonical files of a company as far as Harvest v1/v2 can carry them: no stage_history.csv (v1/v2
 * records hold the current stage only, never when it was entered), and each hire dated at the resolution
 * of its accepted offer (v1/v2 applications have no hire date; the adapter takes that one).
 */
async function v1Canonical(canonicalDir: string, outDir: string): Promise<void> {
  writeFiles(outDir, {});
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const read = (name: string) => `read_csv(${literal(path.join(canonicalDir, name))}, header = true, all_varchar = true)`;
  try {
    for (const name of readdirSync(canonicalDir).filter((n) => n.endsWith('.csv') && n !== 'stage_history.csv' && n !== 'applications.csv')) {
      await connection.run(`COPY (SELECT * FROM ${read(name)}) TO ${literal(path.join(outDir, name))} (FORMAT csv, HEADER true)`);
    }
    await connection.run(
      `COPY (
         SELECT a.* REPLACE (CASE WHEN a.status = 'hired' THEN o.resolved_at END AS hired_at)
         FROM ${read('applications.csv')} a
         LEFT JOIN (SELECT application_id, max(resolved_at) AS resolved_at FROM ${read('offers.csv')} WHERE status = 'accepted' GROUP BY ALL) o USING (application_id)
         ORDER BY a.application_id
       ) TO ${literal(path.join(outDir, 'applications.csv'))} (FORMAT csv, HEADER true)`,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('(1) generated Airbyte export vs the canonical files of the same company', () => {
  let pairs: ReturnType<typeof companyPairs>;
  const reduced: Record<'a' | 'b', { db: string; metrics: Record<string, unknown> }> = {} as never;
  beforeAll(async () => {
    pairs = companyPairs(tmp.dir, 'airbyte-greenhouse');
    for (const [key, run] of [['a', pairs.canonical], ['b', pairs.canonicalB]] as const) {
      const dir = path.join(tmp.dir, key, 'canonical-v1');
      const db = path.join(tmp.dir, key, 'canonical-v1.duckdb');
      await v1Canonical(run.dir, dir);
      ingestJson([dir], db);
      reduced[key] = { db, metrics: metricsOf(db) };
    }
  }, 300_000);

  test('every Airbyte stream is detected as its table; prospects are left out and counted', () => {
    const kinds = Object.fromEntries(pairs.vendor.ingest.files.map((f) => [path.basename(f.path), [f.kind, f.status, f.rowsRejected]]));
    expect(kinds).toMatchObject({
      'applications.jsonl': ['airbyte-greenhouse:applications', 'loaded', 0],
      'jobs.jsonl': ['airbyte-greenhouse:jobs', 'loaded', 0],
      'offers.jsonl': ['airbyte-greenhouse:offers', 'loaded', 0],
      'sources.jsonl': ['airbyte-greenhouse:sources', 'loaded', 0],
    });
    // 1905 canonical applications; every 40th copied as a prospect: floor(1905 / 40) = 47 left out.
    // 60 jobs, their 100 openings (embedded in the jobs records), 110 offers, no stage history.
    expect(derivedOf(pairs.vendor.ingest as IngestDoc)).toEqual({
      jobs: { rows: 60, leftOut: {} },
      openings: { rows: 100, leftOut: {} },
      applications: { rows: 1905, leftOut: { prospect: 47 } },
      offers: { rows: 110, leftOut: {} },
    });
  });

  test('seed 5 scale 1 and seed 11 scale 0.5: metrics --json identical to the canonical files without stage history, hires dated at offer acceptance', () => {
    expectSameMetrics(pairs.vendor.metrics, reduced.a.metrics);
    expectSameMetrics(pairs.vendorB.metrics, reduced.b.metrics);
  });

  test('what cannot be equal to the full canonical files: the stage history and the hire dates, nothing else', async () => {
    const n = (c: string) => `regexp_extract(${c}, '\\d+')::BIGINT`;
    const tables: Record<string, string> = {
      applications: `${n('application_id')}, ${n('job_id')}, applied_at, ${n('candidate_id')}, source, source_type, status, rejected_at, rejection_type, rejection_reason`,
      offers: `${n('offer_id')}, ${n('application_id')}, status, version, created_at, sent_at::DATE, resolved_at, start_date, base_salary, currency`,
      openings: `${n('opening_id')}, ${n('job_id')}, opened_at, closed_at, close_reason, ${n('hired_application_id')}`,
      jobs: `${n('job_id')}, title, department, role_family, level, office, country, status, opened_at, closed_at`,
    };
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      await connection.run(`ATTACH ${literal(pairs.canonical.db)} AS c (READ_ONLY)`);
      await connection.run(`ATTACH ${literal(pairs.vendor.db)} AS v (READ_ONLY)`);
      for (const [table, columns] of Object.entries(tables)) {
        const diff = (
          await connection.runAndReadAll(
            `SELECT (SELECT count(*) FROM (SELECT ${columns} FROM c.${table} EXCEPT ALL SELECT ${columns} FROM v.${table}))::INTEGER AS c_only,
                    (SELECT count(*) FROM (SELECT ${columns} FROM v.${table} EXCEPT ALL SELECT ${columns} FROM c.${table}))::INTEGER AS v_only`,
          )
        ).getRowObjectsJson();
        expect({ table, ...diff[0] }).toEqual({ table, c_only: 0, v_only: 0 });
      }
      const hires = (
        await connection.runAndReadAll(
          `SELECT count(*)::INTEGER AS hires,
                  count(*) FILTER (WHERE v.hired_at = o.resolved_at)::INTEGER AS at_acceptance,
                  count(*) FILTER (WHERE v.hired_at < c.hired_at)::INTEGER AS earlier_than_canonical,
                  (SELECT count(*) FROM c.stage_history)::INTEGER AS canonical_stays,
                  (SELECT count(*) FROM v.stage_history)::INTEGER AS airbyte_stays
           FROM c.applications c
           JOIN v.applications v ON ${n('v.application_id')} = ${n('c.application_id')}
           JOIN (SELECT application_id, max(resolved_at) AS resolved_at FROM v.offers WHERE status = 'accepted' GROUP BY ALL) o
             ON o.application_id = v.application_id
           WHERE c.status = 'hired'`,
        )
      ).getRowObjectsJson();
      // 80 hires, each dated at its accepted offer's resolution, which the generator puts 0-1 working days
      // before the canonical hire (every one of the 80 is earlier); the canonical stays are not carried.
      expect(hires[0]).toMatchObject({ hires: 80, at_acceptance: 80, earlier_than_canonical: 80, airbyte_stays: 0 });
      expect(Number(hires[0]!.canonical_stays)).toBeGreaterThan(0);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});

describe('(2) the real expected records of Airbyte\'s acceptance tests', () => {
  const db = path.join(tmp.dir, 'real.duckdb');
  let doc: IngestDoc;
  beforeAll(() => {
    doc = ingestJson([fixtures], db);
  }, 60_000);

  test('every stream file loads as its Airbyte table, read through the {stream, data, emitted_at} wrapper', () => {
    const files = doc.files.map((f) => [path.basename(f.path), f.kind, f.status, f.rowsRead, f.rowsLoaded, f.rowsRejected]);
    expect(files.sort()).toEqual([
      ['applications.jsonl', 'airbyte-greenhouse:applications', 'loaded', 3, 3, 0],
      ['jobs.jsonl', 'airbyte-greenhouse:jobs', 'loaded', 3, 3, 0],
      ['offers.jsonl', 'airbyte-greenhouse:offers', 'loaded', 1, 1, 0],
      ['rejection_reasons.jsonl', 'airbyte-greenhouse:rejection_reasons', 'loaded', 3, 3, 0],
      ['sources.jsonl', 'airbyte-greenhouse:sources', 'loaded', 3, 3, 0],
    ]);
    // 3 applications: 19214950003 and 19214993003 are prospects (prospect: true, jobs: []) -> 1 kept.
    // 3 jobs with 1 + 1 + 5 embedded openings = 7. The one offer is on application 19215333003, which is
    // not among the three records -> left out with its (absent) application.
    expect(derivedOf(doc)).toEqual({
      jobs: { rows: 3, leftOut: {} },
      openings: { rows: 7, leftOut: {} },
      applications: { rows: 1, leftOut: { prospect: 2 } },
      offers: { rows: 0, leftOut: { 'application left out': 1 } },
    });
  });

  test('jobs: department and office from the embedded arrays; no country (location.name is null)', async () => {
    expect(await rowsOf(db, 'SELECT job_id, title, department, office, country, level, status, opened_at, closed_at FROM jobs ORDER BY job_id')).toEqual([
      { job_id: '4177046003', title: 'Test job', department: 'Test dep1', office: 'Test office', country: null, level: null, status: 'open', opened_at: '2020-11-24T23:27:11.878Z', closed_at: null },
      { job_id: '4177048003', title: 'Test Job 2', department: 'test dep 2', office: 'Test office', country: null, level: null, status: 'open', opened_at: '2020-11-24T23:27:45.878Z', closed_at: null },
      { job_id: '4446240003', title: 'Copy of Test Job 2', department: 'test dep 2', office: 'Test office', country: null, level: null, status: 'open', opened_at: '2021-10-08T08:19:42.818Z', closed_at: null },
    ]);
  });

  test('openings: each job\'s openings array, keyed by Greenhouse\'s id (labels "5-1", "5-2" repeat)', async () => {
    expect(await rowsOf(db, 'SELECT opening_id, job_id, opened_at, closed_at, hired_application_id FROM openings ORDER BY opening_id')).toEqual([
      { opening_id: '4320015003', job_id: '4177046003', opened_at: '2020-11-24T23:27:11.723Z', closed_at: null, hired_application_id: null },
      { opening_id: '4320018003', job_id: '4177048003', opened_at: '2020-11-24T23:27:45.665Z', closed_at: null, hired_application_id: null },
      { opening_id: '4926182003', job_id: '4446240003', opened_at: '2021-10-08T08:19:42.457Z', closed_at: null, hired_application_id: null },
      { opening_id: '4926183003', job_id: '4446240003', opened_at: '2021-10-08T08:19:42.457Z', closed_at: null, hired_application_id: null },
      { opening_id: '4928186003', job_id: '4446240003', opened_at: '2021-10-10T16:38:57.407Z', closed_at: null, hired_application_id: null },
      { opening_id: '4928187003', job_id: '4446240003', opened_at: '2021-10-10T16:39:08.365Z', closed_at: null, hired_application_id: null },
      { opening_id: '4928188003', job_id: '4446240003', opened_at: '2021-10-10T16:39:24.949Z', closed_at: null, hired_application_id: null },
    ]);
  });

  test('the candidate\'s application: job from jobs[0].id, source from source.public_name', async () => {
    expect(await rowsOf(db, 'SELECT * EXCLUDE (_file_id) FROM applications')).toEqual([
      {
        application_id: '19215172003',
        job_id: '4177046003',
        applied_at: '2020-11-24T23:28:19.712Z',
        candidate_id: '17130732003',
        source: 'Internal Applicant',
        // Source 4000142003 is not among the three sources records: no type.
        source_type: null,
        status: 'active',
        rejected_at: null,
        rejection_type: null,
        rejection_reason: null,
        hired_at: null,
      },
    ]);
    // The offer's raw row: status unresolved, a date start, no sent date.
    expect(await rowsOf(db, "SELECT id, application_id, status, version, starts_at::VARCHAR AS starts_at, sent_at, created_at FROM airbyte_greenhouse_offers")).toEqual([
      { id: '4154100003', application_id: '19215333003', status: 'unresolved', version: 1, starts_at: '2020-12-04', sent_at: null, created_at: '2020-11-24T23:32:25.760Z' },
    ]);
  });
});

describe('(3) the applications records are not Greenhouse Data Lake applications', () => {
  test('detected as airbyte-greenhouse:applications; read as Data Lake (--vendor greenhouse, what main did) the candidate is lost', () => {
    const file = path.join(fixtures, 'applications.jsonl');
    const auto = ingestJson([file], path.join(tmp.dir, 'detect-auto.duckdb'));
    expect(auto.files.map((f) => f.kind)).toEqual(['airbyte-greenhouse:applications']);
    expect(derivedOf(auto).applications).toEqual({ rows: 1, leftOut: { prospect: 2 } });
    const dataLake = ingestJson([file], path.join(tmp.dir, 'detect-datalake.duckdb'), ['--vendor', 'greenhouse']);
    expect(dataLake.files.map((f) => f.kind)).toEqual(['greenhouse:applications']);
    // The Data Lake reading has no job for the candidate: 0 kept, 19215172003 dropped for "no job_id".
    expect(derivedOf(dataLake, 'greenhouse').applications).toEqual({ rows: 0, leftOut: { prospect: 2, 'no job_id': 1 } });
  }, 60_000);

  test('the look-alike headers still go to their own vendor', async () => {
    const header = (await sniffJsonLines(path.join(fixtures, 'applications.jsonl'))).header;
    expect(detectEntity(header, 'applications.jsonl').entity.name).toBe('airbyte-greenhouse:applications');
    // Data Lake applications and offers (no jobs array, start_date instead of starts_at).
    expect(detectEntity(['id', 'candidate_id', 'stage_id', 'source_id', 'status', 'prospect', 'applied_at', 'rejected_at', 'rejection_reason_id'], 'applications.csv').entity.name).toBe('greenhouse:applications');
    expect(detectEntity(['id', 'application_id', 'status', 'version', 'created_at', 'sent_at', 'resolved_at', 'start_date'], 'offers.csv').entity.name).toBe('greenhouse:offers');
    // Harvest v3 applications and offers (job_id and sent_on / starts_on, no jobs array, no starts_at).
    expect(detectEntity(['id', 'candidate_id', 'job_id', 'prospective_job_ids', 'prospect', 'status', 'created_at', 'rejected_at', 'source_id', 'job_interview_stage_id'], 'applications.csv').entity.name).toBe('greenhouse-harvest:applications');
    expect(detectEntity(['id', 'application_id', 'candidate_id', 'job_id', 'status', 'version', 'created_at', 'sent_on', 'resolved_at', 'starts_on'], 'offers.csv').entity.name).toBe('greenhouse-harvest:offers');
    // Harvest v3 sources: the same object as Airbyte's bare sources record, one column (type_id) more matched.
    expect(detectEntity(['id', 'name', 'type_id', 'type_name'], 'sources.csv').entity.name).toBe('greenhouse-harvest:sources');
    // Airbyte's sources and rejection_reasons records have one shape: the file name decides, else refused.
    const wrapped = (await sniffJsonLines(path.join(fixtures, 'sources.jsonl'))).header;
    expect(detectEntity(wrapped, 'sources.jsonl').entity.name).toBe('airbyte-greenhouse:sources');
    expect(detectEntity(wrapped, 'rejection_reasons.jsonl').entity.name).toBe('airbyte-greenhouse:rejection_reasons');
    expect(() => detectEntity(wrapped, 'export.jsonl')).toThrow(/ambiguous file shape: it could be airbyte-greenhouse (sources|rejection_reasons) or airbyte-greenhouse (sources|rejection_reasons)/);
  });
});

// Hand-made Harvest v1 records: every rule of the adapter the real records do not exercise.
const bare: Record<string, object[]> = {
  jobs: [
    {
      id: 10, name: 'Backend Engineer', requisition_id: 'R-10', status: 'closed', is_template: false,
      opened_at: '2026-01-02T09:00:00.000Z', closed_at: '2026-02-20T10:00:00.000Z',
      // Lowest ids count: department 3 (Engineering), office 1 (Berlin).
      departments: [{ id: 7, name: 'Platform' }, { id: 3, name: 'Engineering' }],
      offices: [{ id: 4, name: 'Austin', location: { name: 'Austin, TX, United States' } }, { id: 1, name: 'Berlin', location: { name: 'Berlin, Germany' } }],
      openings: [
        { id: 301, opening_id: 'BE-1', status: 'closed', opened_at: '2026-01-02T09:00:00.000Z', closed_at: '2026-02-16T10:00:00.000Z', application_id: 1004, close_reason: { id: 3, name: 'Hire - New Headcount' } },
        { id: 302, opening_id: null, status: 'open', opened_at: '2026-01-02T09:00:00.000Z', closed_at: null, application_id: null, close_reason: null },
      ],
      custom_fields: { level: 'Senior', role_family: 'engineering', employment_type: 'Full-time' },
    },
    {
      id: 11, name: 'Account Executive', requisition_id: 'R-11', status: 'open', is_template: false,
      opened_at: '2026-01-05T09:00:00.000Z', closed_at: null,
      departments: [{ id: 2, name: 'Sales' }],
      // No country in the location: the config names it (office "Remote EU" -> PT).
      offices: [{ id: 2, name: 'Remote EU', location: { name: null } }],
      openings: [
        { id: 303, opening_id: 'AE-1', status: 'closed', opened_at: '2026-01-05T09:00:00.000Z', closed_at: '2026-03-01T09:00:00.000Z', application_id: 1010, close_reason: { id: 4, name: 'Hire - Backfill' } },
      ],
      custom_fields: { level: 'Mid', role_family: null },
    },
  ],
  applications: [
    // First record: rejection_reason null (read whole as JSON text), later ones an object (flattened).
    { id: 1001, candidate_id: 1, prospect: false, status: 'active', applied_at: '2026-01-05T10:00:00.000Z', rejected_at: null, last_activity_at: '2026-01-08T10:00:00.000Z', jobs: [{ id: 10, name: 'Backend Engineer' }], current_stage: { id: 102, name: 'Phone Screen' }, source: { id: 1, public_name: 'LinkedIn' }, rejection_reason: null },
    { id: 1002, candidate_id: 2, prospect: false, status: 'rejected', applied_at: '2026-01-06T10:00:00.000Z', rejected_at: '2026-02-10T15:00:00.000Z', last_activity_at: '2026-02-10T15:00:00.000Z', jobs: [{ id: 10, name: 'Backend Engineer' }], current_stage: { id: 103, name: 'Offer' }, source: { id: 2, public_name: 'Referral' }, rejection_reason: { id: 4014679003, name: 'Accepted another offer', type: { id: 4000001003, name: 'They rejected us' } } },
    { id: 1003, candidate_id: 3, prospect: false, status: 'rejected', applied_at: '2026-01-06T11:00:00.000Z', rejected_at: '2026-02-20T15:00:00.000Z', last_activity_at: '2026-02-20T15:00:00.000Z', jobs: [{ id: 10, name: 'Backend Engineer' }], current_stage: null, source: { id: 1, public_name: 'LinkedIn' }, rejection_reason: { id: 4014678003, name: 'Not a fit', type: { id: 4000000003, name: 'We rejected them' } } },
    { id: 1004, candidate_id: 4, prospect: false, status: 'hired', applied_at: '2026-01-07T10:00:00.000Z', rejected_at: null, last_activity_at: '2026-02-16T10:00:00.000Z', jobs: [{ id: 10, name: 'Backend Engineer' }], current_stage: null, source: { id: 2, public_name: 'Referral' }, rejection_reason: null },
    { id: 1005, candidate_id: 5, prospect: true, status: 'active', applied_at: '2026-01-03T10:00:00.000Z', rejected_at: null, last_activity_at: '2026-01-03T10:00:00.000Z', jobs: [{ id: 10, name: 'Backend Engineer' }], current_stage: null, source: { id: 1, public_name: 'LinkedIn' }, rejection_reason: null },
    { id: 1006, candidate_id: 6, prospect: true, status: 'converted', applied_at: '2026-01-03T11:00:00.000Z', rejected_at: null, last_activity_at: '2026-01-03T11:00:00.000Z', jobs: [], current_stage: null, source: { id: 1, public_name: 'LinkedIn' }, rejection_reason: null },
    { id: 1009, candidate_id: 9, prospect: false, status: 'rejected', applied_at: '2026-01-09T10:00:00.000Z', rejected_at: '2026-03-01T12:00:00.000Z', last_activity_at: '2026-03-01T12:00:00.000Z', jobs: [{ id: 11, name: 'Account Executive' }], current_stage: null, source: { id: 1, public_name: 'LinkedIn' }, rejection_reason: { id: 4014680003, name: 'Position closed', type: { id: 4000002003, name: 'None specified' } } },
    { id: 1010, candidate_id: 10, prospect: false, status: 'hired', applied_at: '2026-01-10T10:00:00.000Z', rejected_at: null, last_activity_at: '2026-03-02T08:00:00.000Z', jobs: [{ id: 11, name: 'Account Executive' }], current_stage: null, source: { id: 1, public_name: 'LinkedIn' }, rejection_reason: null },
    { id: 1011, candidate_id: 11, prospect: false, status: 'hired', applied_at: '2026-01-11T10:00:00.000Z', rejected_at: null, last_activity_at: '2026-03-03T12:00:00.000Z', jobs: [{ id: 11, name: 'Account Executive' }], current_stage: null, source: { id: 3, public_name: null }, rejection_reason: null },
    { id: 1012, candidate_id: 12, prospect: false, status: 'active', applied_at: '2026-01-12T10:00:00.000Z', rejected_at: null, last_activity_at: '2026-01-12T10:00:00.000Z', jobs: [], current_stage: null, source: { id: 1, public_name: 'LinkedIn' }, rejection_reason: null },
    // A reason without its type: the type from the rejection_reasons stream.
    { id: 1013, candidate_id: 13, prospect: false, status: 'rejected', applied_at: '2026-01-13T10:00:00.000Z', rejected_at: '2026-02-01T10:00:00.000Z', last_activity_at: '2026-02-01T10:00:00.000Z', jobs: [{ id: 11, name: 'Account Executive' }], current_stage: null, source: { id: 1, public_name: 'LinkedIn' }, rejection_reason: { id: 4014681003, name: 'Salary expectations', type: null } },
  ],
  offers: [
    { id: 501, version: 1, application_id: 1002, candidate_id: 2, job_id: 10, created_at: '2026-02-01T09:00:00.000Z', sent_at: '2026-02-02', resolved_at: null, starts_at: '2026-03-01', status: 'unresolved', custom_fields: { salary: { amount: 90000, unit: 'EUR' } } },
    { id: 502, version: 1, application_id: 1003, candidate_id: 3, job_id: 10, created_at: '2026-02-05T09:00:00.000Z', sent_at: '2026-02-06', resolved_at: null, starts_at: '2026-03-15', status: 'unresolved', custom_fields: { salary: { amount: '91000.0', unit: 'eur' } } },
    { id: 503, version: 1, application_id: 1004, candidate_id: 4, job_id: 10, created_at: '2026-02-08T09:00:00.000Z', sent_at: '2026-02-09', resolved_at: null, starts_at: '2026-03-01', status: 'deprecated', custom_fields: { salary: { amount: 95000, unit: 'EUR' } } },
    { id: 504, version: 2, application_id: 1004, candidate_id: 4, job_id: 10, created_at: '2026-02-10T09:00:00.000Z', sent_at: '2026-02-10', resolved_at: '2026-02-12T16:00:00.000Z', starts_at: '2026-03-01', status: 'accepted', custom_fields: { salary: { amount: 98000, unit: 'EUR' } } },
    { id: 505, version: 1, application_id: 1001, candidate_id: 1, job_id: 10, created_at: '2026-02-20T09:00:00.000Z', sent_at: null, resolved_at: null, starts_at: null, status: 'unresolved', custom_fields: { salary: null } },
    { id: 506, version: 1, application_id: 1005, candidate_id: 5, job_id: 10, created_at: '2026-02-25T09:00:00.000Z', sent_at: null, resolved_at: null, starts_at: null, status: 'unresolved', custom_fields: { salary: null } },
    { id: 507, version: 1, application_id: 1009, candidate_id: 9, job_id: 11, created_at: '2026-02-25T09:00:00.000Z', sent_at: '2026-02-26', resolved_at: '2026-02-28T12:00:00.000Z', starts_at: null, status: 'rejected', custom_fields: { salary: 88000 } },
  ],
  sources: [
    { id: 1, name: 'LinkedIn', type: { id: 1, name: 'Third-party boards' } },
    { id: 2, name: 'Referral (employee)', type: { id: 2, name: 'Referral' } },
    { id: 3, name: 'Agency X', type: { id: 3, name: 'Agencies' } },
  ],
  rejection_reasons: [{ id: 4014681003, name: 'Salary expectations', type: { id: 4000001003, name: 'They rejected us' } }],
};

const lines = (records: object[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
const layouts: Record<string, (stream: string, records: object[]) => string> = {
  bare: (_stream, records) => lines(records),
  // The connector's own test files.
  stream: (stream, records) => lines(records.map((data, i) => ({ stream, data, emitted_at: 1691572561703 + i }))),
  // An Airbyte destination's raw records (Destinations V2 names).
  destination: (stream, records) =>
    lines(records.map((data, i) => ({ _airbyte_raw_id: `${stream}-${i}`, _airbyte_extracted_at: '2026-03-05T00:00:00.000Z', _airbyte_meta: { changes: [] }, _airbyte_generation_id: 0, _airbyte_data: data }))),
};
const config = { vendors: { officeCountries: { 'Remote EU': 'PT' } } };

describe('(4) hand-made records: bare, {stream, data} and {_airbyte_data} give the same warehouse', () => {
  const dbs: Record<string, string> = {};
  const docs: Record<string, IngestDoc> = {};
  beforeAll(() => {
    writeFiles(tmp.dir, { 'hand.config.json': JSON.stringify(config) });
    for (const [name, layout] of Object.entries(layouts)) {
      const dir = path.join(tmp.dir, `hand-${name}`);
      writeFiles(dir, Object.fromEntries(Object.entries(bare).map(([stream, records]) => [`${stream}.jsonl`, layout(stream, records)])));
      dbs[name] = path.join(tmp.dir, `hand-${name}.duckdb`);
      docs[name] = ingestJson([dir], dbs[name]!, ['--config', path.join(tmp.dir, 'hand.config.json')]);
    }
  }, 120_000);

  test('every file loads as its Airbyte table in each layout (a bare sources file by the export\'s vendor)', () => {
    for (const doc of Object.values(docs)) {
      expect(doc.files.map((f) => [path.basename(f.path), f.kind, f.status, f.rowsRejected]).sort()).toEqual([
        ['applications.jsonl', 'airbyte-greenhouse:applications', 'loaded', 0],
        ['jobs.jsonl', 'airbyte-greenhouse:jobs', 'loaded', 0],
        ['offers.jsonl', 'airbyte-greenhouse:offers', 'loaded', 0],
        ['rejection_reasons.jsonl', 'airbyte-greenhouse:rejection_reasons', 'loaded', 0],
        ['sources.jsonl', 'airbyte-greenhouse:sources', 'loaded', 0],
      ]);
    }
  });

  test('identical canonical tables from the three layouts', async () => {
    for (const table of ['jobs', 'openings', 'applications', 'offers']) {
      const sql = `SELECT * EXCLUDE (_file_id) FROM ${table} ORDER BY ALL`;
      const bareRows = await rowsOf(dbs.bare!, sql);
      expect(bareRows.length).toBeGreaterThan(0);
      expect(await rowsOf(dbs.stream!, sql)).toEqual(bareRows);
      expect(await rowsOf(dbs.destination!, sql)).toEqual(bareRows);
    }
  });

  test('left out and counted: two prospects (1005; 1006, converted), one application without a job (1012), the prospect\'s offer', () => {
    // 11 applications - 2 prospects - 1 jobless = 8 kept; 7 offers - 1 (506, on prospect 1005) = 6.
    expect(derivedOf(docs.stream!)).toEqual({
      jobs: { rows: 2, leftOut: {} },
      openings: { rows: 3, leftOut: {} },
      applications: { rows: 8, leftOut: { prospect: 2, 'no job_id': 1 } },
      offers: { rows: 6, leftOut: { 'application left out': 1 } },
    });
  });

  test('jobs: lowest department and office id, country from the location text or the config', async () => {
    expect(await rowsOf(dbs.stream!, 'SELECT job_id, department, office, country, level, role_family, status FROM jobs ORDER BY 1')).toEqual([
      // "Berlin, Germany": the last part, Germany -> DE.
      { job_id: '10', department: 'Engineering', office: 'Berlin', country: 'DE', level: 'Senior', role_family: 'engineering', status: 'closed' },
      { job_id: '11', department: 'Sales', office: 'Remote EU', country: 'PT', level: 'Mid', role_family: null, status: 'open' },
    ]);
    expect(await rowsOf(dbs.stream!, 'SELECT opening_id, job_id, closed_at, close_reason, hired_application_id FROM openings ORDER BY 1')).toEqual([
      { opening_id: '301', job_id: '10', closed_at: '2026-02-16T10:00:00.000Z', close_reason: 'Hire - New Headcount', hired_application_id: '1004' },
      { opening_id: '302', job_id: '10', closed_at: null, close_reason: null, hired_application_id: null },
      { opening_id: '303', job_id: '11', closed_at: '2026-03-01T09:00:00.000Z', close_reason: 'Hire - Backfill', hired_application_id: '1010' },
    ]);
  });

  test('applications: rejection type from the embedded type name (or the reasons stream), hire date from the offer, the opening or the last activity', async () => {
    expect(
      await rowsOf(dbs.stream!, 'SELECT application_id, job_id, source, source_type, status, rejected_at, rejection_type, rejection_reason, hired_at FROM applications ORDER BY 1'),
    ).toEqual([
      { application_id: '1001', job_id: '10', source: 'LinkedIn', source_type: 'Third-party boards', status: 'active', rejected_at: null, rejection_type: null, rejection_reason: null, hired_at: null },
      // "They rejected us" -> withdrew. The application's source.public_name wins over the stream's name.
      { application_id: '1002', job_id: '10', source: 'Referral', source_type: 'Referral', status: 'rejected', rejected_at: '2026-02-10T15:00:00.000Z', rejection_type: 'withdrew', rejection_reason: 'Accepted another offer', hired_at: null },
      // "We rejected them" -> rejected.
      { application_id: '1003', job_id: '10', source: 'LinkedIn', source_type: 'Third-party boards', status: 'rejected', rejected_at: '2026-02-20T15:00:00.000Z', rejection_type: 'rejected', rejection_reason: 'Not a fit', hired_at: null },
      // Accepted offer 504 resolved 02-12 16:00: before the opening's close (02-16) and the last activity.
      { application_id: '1004', job_id: '10', source: 'Referral', source_type: 'Referral', status: 'hired', rejected_at: null, rejection_type: null, rejection_reason: null, hired_at: '2026-02-12T16:00:00.000Z' },
      // "None specified" -> other.
      { application_id: '1009', job_id: '11', source: 'LinkedIn', source_type: 'Third-party boards', status: 'rejected', rejected_at: '2026-03-01T12:00:00.000Z', rejection_type: 'other', rejection_reason: 'Position closed', hired_at: null },
      // No offer: the close of opening 303 it filled (03-01 09:00), not its last activity (03-02).
      { application_id: '1010', job_id: '11', source: 'LinkedIn', source_type: 'Third-party boards', status: 'hired', rejected_at: null, rejection_type: null, rejection_reason: null, hired_at: '2026-03-01T09:00:00.000Z' },
      // No offer, no opening: its last activity. Source 3 has no public_name: the stream's name.
      { application_id: '1011', job_id: '11', source: 'Agency X', source_type: 'Agencies', status: 'hired', rejected_at: null, rejection_type: null, rejection_reason: null, hired_at: '2026-03-03T12:00:00.000Z' },
      // type null on the application; reason 4014681003 in rejection_reasons: "They rejected us" -> withdrew.
      { application_id: '1013', job_id: '11', source: 'LinkedIn', source_type: 'Third-party boards', status: 'rejected', rejected_at: '2026-02-01T10:00:00.000Z', rejection_type: 'withdrew', rejection_reason: 'Salary expectations', hired_at: null },
    ]);
  });

  test('offers: v1 statuses, unresolved settled by the application\'s rejection, sent date at noon, salary custom field', async () => {
    expect(
      await rowsOf(dbs.stream!, 'SELECT offer_id, status, version, sent_at, resolved_at, start_date::VARCHAR AS start_date, base_salary, currency FROM offers ORDER BY 1'),
    ).toEqual([
      // 1002 rejected, withdrew -> declined at its rejected_at.
      { offer_id: '501', status: 'declined', version: 1, sent_at: '2026-02-02T12:00:00.000Z', resolved_at: '2026-02-10T15:00:00.000Z', start_date: '2026-03-01', base_salary: 90000, currency: 'EUR' },
      // 1003 rejected, "We rejected them" -> rescinded at its rejected_at; amount "91000.0", unit "eur".
      { offer_id: '502', status: 'rescinded', version: 1, sent_at: '2026-02-06T12:00:00.000Z', resolved_at: '2026-02-20T15:00:00.000Z', start_date: '2026-03-15', base_salary: 91000, currency: 'EUR' },
      { offer_id: '503', status: 'deprecated', version: 1, sent_at: '2026-02-09T12:00:00.000Z', resolved_at: null, start_date: '2026-03-01', base_salary: 95000, currency: 'EUR' },
      { offer_id: '504', status: 'accepted', version: 2, sent_at: '2026-02-10T12:00:00.000Z', resolved_at: '2026-02-12T16:00:00.000Z', start_date: '2026-03-01', base_salary: 98000, currency: 'EUR' },
      // 1001 still active -> pending.
      { offer_id: '505', status: 'pending', version: 1, sent_at: null, resolved_at: null, start_date: null, base_salary: null, currency: null },
      // "rejected" is the candidate's: declined at its own resolved_at; a plain-number salary has no currency.
      { offer_id: '507', status: 'declined', version: 1, sent_at: '2026-02-26T12:00:00.000Z', resolved_at: '2026-02-28T12:00:00.000Z', start_date: null, base_salary: 88000, currency: null },
    ]);
  });
});

describe('malformed Airbyte files are refused with the line named', () => {
  test('mixed streams, a bare line among wrapped ones, _airbyte_data as JSON text', async () => {
    const dir = path.join(tmp.dir, 'bad');
    const record = { id: 1, name: 'LinkedIn', type: { id: 1, name: 'Agencies' } };
    writeFiles(dir, {
      'mixed.jsonl': lines([{ stream: 'sources', data: record, emitted_at: 1 }, { stream: 'rejection_reasons', data: record, emitted_at: 2 }]),
      'half.jsonl': lines([{ stream: 'sources', data: record, emitted_at: 1 }, record]),
      'text.jsonl': lines([{ _airbyte_raw_id: 'a', _airbyte_extracted_at: '2026-03-05T00:00:00Z', _airbyte_data: JSON.stringify(record) }]),
    });
    await expect(sniffJsonLines(path.join(dir, 'mixed.jsonl'))).rejects.toThrow('records of several Airbyte streams (rejection_reasons, sources): one file per stream');
    await expect(sniffJsonLines(path.join(dir, 'half.jsonl'))).rejects.toThrow('line 2 is a bare record, unlike line 1: one file, one layout');
    await expect(sniffJsonLines(path.join(dir, 'text.jsonl'))).rejects.toThrow('line 1: _airbyte_data is JSON text; export the record as a JSON object (e.g. PARSE_JSON(_airbyte_data))');
    // Through the CLI: each file refused (file named on stderr), nothing loaded, exit 1.
    const run = runCli(['ingest', dir, '--db', path.join(tmp.dir, 'bad.duckdb'), '--json']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${path.join(dir, 'half.jsonl')}: line 2 is a bare record`);
    const doc = JSON.parse(run.stdout) as IngestDoc;
    expect(doc.files.map((f) => [path.basename(f.path), f.status, f.rowsLoaded])).toEqual([
      ['half.jsonl', 'refused', 0],
      ['mixed.jsonl', 'refused', 0],
      ['text.jsonl', 'refused', 0],
    ]);
  });
});
