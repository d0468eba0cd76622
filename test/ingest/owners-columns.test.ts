/**
 * Issue 18 Deliver 1: canonical `jobs.recruiter`, `jobs.hiring_manager` and `offers.decline_reason` load from
 * canonical CSV files, are screened like other dimension text, pass through the staging views, and a
 * warehouse made before them gains them in place (its rows kept). Real CLI, real DuckDB file.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openWarehouse } from '../../pipelines/lib/duckdb.ts';
import { sqlFile } from '../../pipelines/lib/duckdb.ts';
import { configSchema } from '../../pipelines/lib/config.ts';
import { prepareMetrics } from '../../pipelines/metrics/index.ts';
import { ownersVisible } from '../../pipelines/lib/privacy.ts';
import { runCli, tempDir, writeFiles } from '../helpers/tmp.ts';

const tmp = tempDir('hs-owners-');
afterAll(() => tmp.cleanup());

const jobsCsv =
  'job_id,title,department,country,Recruiter,Hiring Manager\n' +
  'job-1,Engineer,Engineering,DE,Ana Lima,Ben Okafor\n' +
  'job-2,Designer,Design,US,ana.lima@example.com,\n' + // an e-mail in an owner column is redacted
  'job-3,Analyst,Finance,US,,\n';
const offersCsv =
  'offer_id,application_id,status,version,resolved_at,decline_reason\n' +
  'ofr-1,app-1,declined,1,2026-03-01,Compensation\n' +
  'ofr-2,app-2,accepted,1,2026-03-02,\n' +
  'ofr-3,app-3,declined,1,2026-03-03,call me on +44 20 7946 0958\n'; // a phone number is redacted

describe('owners and decline reasons in canonical files', () => {
  it('loads recruiter, hiring_manager and decline_reason, screened, and the staging views pass them through', async () => {
    const dir = path.join(tmp.dir, 'new');
    const db = path.join(dir, 'w.duckdb');
    writeFiles(path.join(dir, 'in'), { 'jobs.csv': jobsCsv, 'offers.csv': offersCsv });
    const run = runCli(['ingest', path.join(dir, 'in'), '--db', db, '--json']);
    expect(run.status, run.stderr).toBe(0);
    const files = JSON.parse(run.stdout).files as { kind: string; rowsLoaded: number; ignoredColumns: string[] }[];
    for (const f of files) expect(f.ignoredColumns ?? [], f.kind).toEqual([]);
    expect(files.map((f) => [f.kind, f.rowsLoaded]).sort()).toEqual([['jobs', 3], ['offers', 3]]);

    const warehouse = await openWarehouse(db);
    try {
      await warehouse.run(sqlFile('schema.sql'));
      expect(await warehouse.all(`SELECT job_id, recruiter, hiring_manager FROM jobs ORDER BY job_id`)).toEqual([
        { job_id: 'job-1', recruiter: 'Ana Lima', hiring_manager: 'Ben Okafor' },
        { job_id: 'job-2', recruiter: 'Other (redacted)', hiring_manager: null },
        { job_id: 'job-3', recruiter: null, hiring_manager: null },
      ]);
      expect(await warehouse.all(`SELECT offer_id, decline_reason FROM offers ORDER BY offer_id`)).toEqual([
        { offer_id: 'ofr-1', decline_reason: 'Compensation' },
        { offer_id: 'ofr-2', decline_reason: null },
        { offer_id: 'ofr-3', decline_reason: 'Other (redacted)' },
      ]);
      // The staging views (the ones the metrics read) carry the columns.
      await prepareMetrics(warehouse, configSchema.parse({}), { asOf: '2026-03-31' });
      expect(await warehouse.all(`SELECT job_id, recruiter, hiring_manager FROM stg_jobs WHERE job_id = 'job-1'`)).toEqual([
        { job_id: 'job-1', recruiter: 'Ana Lima', hiring_manager: 'Ben Okafor' },
      ]);
      expect(await warehouse.all(`SELECT offer_id, decline_reason FROM stg_offers_latest ORDER BY offer_id LIMIT 1`)).toEqual([
        { offer_id: 'ofr-1', decline_reason: 'Compensation' },
      ]);
    } finally {
      warehouse.close();
    }
  });

  it('migrates a warehouse made before the columns: rows kept, columns added, new files load them', async () => {
    const dir = path.join(tmp.dir, 'old');
    const db = path.join(dir, 'w.duckdb');
    writeFiles(dir, {});
    const old = await openWarehouse(db);
    try {
      // The jobs and offers tables exactly as the previous version's schema.sql created them.
      await old.run(`CREATE TABLE jobs (
        job_id VARCHAR NOT NULL, title VARCHAR, department VARCHAR, role_family VARCHAR, level VARCHAR,
        office VARCHAR, country VARCHAR, status VARCHAR, opened_at TIMESTAMPTZ, closed_at TIMESTAMPTZ,
        _file_id INTEGER NOT NULL)`);
      await old.run(`CREATE TABLE offers (
        offer_id VARCHAR NOT NULL, application_id VARCHAR NOT NULL, status VARCHAR NOT NULL, version INTEGER,
        created_at TIMESTAMPTZ, sent_at TIMESTAMPTZ, resolved_at TIMESTAMPTZ, start_date DATE,
        base_salary DOUBLE, currency VARCHAR, _file_id INTEGER NOT NULL)`);
      await old.run(`INSERT INTO jobs (job_id, title, _file_id) VALUES ('job-old', 'Old job', 0)`);
      await old.run(`INSERT INTO offers (offer_id, application_id, status, _file_id) VALUES ('ofr-old', 'app-old', 'accepted', 0)`);
    } finally {
      old.close();
    }

    writeFiles(path.join(dir, 'in'), { 'jobs.csv': jobsCsv, 'offers.csv': offersCsv });
    const run = runCli(['ingest', path.join(dir, 'in'), '--db', db, '--json']);
    expect(run.status, run.stderr).toBe(0);

    const warehouse = await openWarehouse(db);
    try {
      const columns = await warehouse.all<{ t: string; c: string }>(
        `SELECT table_name AS t, column_name AS c FROM duckdb_columns()
         WHERE table_name IN ('jobs', 'offers') AND column_name IN ('recruiter', 'hiring_manager', 'decline_reason') ORDER BY t, c`,
      );
      expect(columns).toEqual([
        { t: 'jobs', c: 'hiring_manager' },
        { t: 'jobs', c: 'recruiter' },
        { t: 'offers', c: 'decline_reason' },
      ]);
      // 1 old row + 3 new rows each; the old rows keep their values and have no owners or reason.
      expect(await warehouse.all(`SELECT job_id, title, recruiter FROM jobs ORDER BY job_id`)).toEqual([
        { job_id: 'job-1', title: 'Engineer', recruiter: 'Ana Lima' },
        { job_id: 'job-2', title: 'Designer', recruiter: 'Other (redacted)' },
        { job_id: 'job-3', title: 'Analyst', recruiter: null },
        { job_id: 'job-old', title: 'Old job', recruiter: null },
      ]);
      expect(await warehouse.all(`SELECT offer_id, decline_reason FROM offers ORDER BY offer_id`)).toEqual([
        { offer_id: 'ofr-1', decline_reason: 'Compensation' },
        { offer_id: 'ofr-2', decline_reason: null },
        { offer_id: 'ofr-3', decline_reason: 'Other (redacted)' },
        { offer_id: 'ofr-old', decline_reason: null },
      ]);
    } finally {
      warehouse.close();
    }
  });
});

describe('privacy.owners', () => {
  it('defaults to show; "hide" turns ownersVisible off; anything else is refused', () => {
    expect(configSchema.parse({}).privacy).toEqual({ owners: 'show' });
    expect(ownersVisible(configSchema.parse({}))).toBe(true);
    expect(ownersVisible(configSchema.parse({ privacy: { owners: 'hide' } }))).toBe(false);
    expect(configSchema.safeParse({ privacy: { owners: 'maybe' } }).success).toBe(false);
    expect(configSchema.safeParse({ privacy: { owners: 'show', names: true } }).success).toBe(false);
  });
});
