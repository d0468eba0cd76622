/**
 * Issue 18 Deliver 1: the same job owners and decline reasons from every vendor shape that carries them as
 * from the canonical files of the same generated company (seed 5, scale 0.3), through the real CLI; and the
 * Fivetran Greenhouse hiring_team and users tables in the layouts of dbt_greenhouse_source's seeds.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openWarehouse } from '../../pipelines/lib/duckdb.ts';
import { csv } from '../helpers/warehouse.ts';
import { rowsOf } from '../helpers/vendors.ts';
import { runCli, tempDir, writeFiles } from '../helpers/tmp.ts';

const tmp = tempDir('hs-owners-vendors-');
afterAll(() => tmp.cleanup());

/**
 * The vendor formats whose generated export carries owners, and where each reads a declined offer's reason
 * (docs/importing.md): an offer field (the same text as the canonical decline_reason), or only the
 * application's rejection / archive reason (Lever synced by Fivetran and Ashby carry no offer field for it).
 */
const formats: readonly (readonly [string, 'offer' | 'application'])[] = [
  ['fivetran-greenhouse', 'offer'],
  ['lever', 'offer'],
  ['fivetran-lever', 'application'],
  ['airbyte-greenhouse', 'offer'],
  ['ashby', 'application'],
];
/** Formats that carry the decline reason but no owners hirescope reads (docs/importing.md says why). */
const declineOnly = ['greenhouse', 'greenhouse-harvest'] as const;

function load(format: string): string {
  const dir = path.join(tmp.dir, format);
  const db = path.join(tmp.dir, `${format}.duckdb`);
  const generated = runCli(['generate', '--seed', '5', '--scale', '0.3', '--format', format, '--out', dir]);
  expect(generated.status, generated.stderr).toBe(0);
  const ingested = runCli(['ingest', dir, '--db', db]);
  expect(ingested.status, ingested.stderr).toBe(0);
  return db;
}

/** Rows only in one of the two warehouses, over the columns compared (ids by their number: vendors renumber them). */
async function diff(canonicalDb: string, vendorDb: string, table: string, columns: string): Promise<{ c_only: number; v_only: number }> {
  const warehouse = await openWarehouse(':memory:');
  try {
    await warehouse.run(`ATTACH '${canonicalDb}' AS c (READ_ONLY)`);
    await warehouse.run(`ATTACH '${vendorDb}' AS v (READ_ONLY)`);
    const [d] = await warehouse.all<{ c_only: number; v_only: number }>(
      `SELECT (SELECT count(*) FROM (SELECT ${columns} FROM c.${table} EXCEPT ALL SELECT ${columns} FROM v.${table}))::INTEGER AS c_only,
              (SELECT count(*) FROM (SELECT ${columns} FROM v.${table} EXCEPT ALL SELECT ${columns} FROM c.${table}))::INTEGER AS v_only`,
    );
    return d!;
  } finally {
    warehouse.close();
  }
}

describe('owners and decline reasons from every vendor shape equal the canonical files', () => {
  let canonical = '';
  beforeAll(() => {
    canonical = load('canonical');
  }, 120_000);

  test('the canonical company has them: 17 jobs with both owners, 2 declined offers with a reason', async () => {
    expect(await rowsOf(canonical, `SELECT count(recruiter)::INTEGER AS r, count(hiring_manager)::INTEGER AS m, count(*)::INTEGER AS n FROM jobs`)).toEqual([
      { r: 17, m: 17, n: 17 },
    ]);
    expect(await rowsOf(canonical, `SELECT status, decline_reason FROM offers WHERE decline_reason IS NOT NULL ORDER BY offer_id`)).toEqual([
      // both withdrew with "Compensation expectations" (applications.csv of the same company)
      { status: 'declined', decline_reason: 'Compensation' },
      { status: 'declined', decline_reason: 'Compensation' },
    ]);
  });

  // Vendors renumber ids (Lever's are UUIDs): a job is known by its title and opening time, an offer by its
  // creation time and status.
  for (const [format, declineFrom] of formats) {
    test(`${format}: the same recruiter and hiring manager per job, the decline reason from the ${declineFrom}`, async () => {
      const db = load(format);
      expect(await diff(canonical, db, 'jobs', 'title, opened_at, recruiter, hiring_manager')).toEqual({ c_only: 0, v_only: 0 });
      if (declineFrom === 'offer') {
        expect(await diff(canonical, db, 'offers', 'created_at, status, decline_reason')).toEqual({ c_only: 0, v_only: 0 });
      } else {
        const reasons = await rowsOf(canonical, `SELECT o.created_at, a.rejection_reason AS reason FROM offers o JOIN applications a USING (application_id)
          WHERE o.status = 'declined' ORDER BY o.created_at`);
        expect(await rowsOf(db, `SELECT created_at, decline_reason AS reason FROM offers WHERE status = 'declined' ORDER BY created_at`)).toEqual(reasons);
        expect(reasons.map((r) => r.reason)).toEqual(['Compensation expectations', 'Compensation expectations']);
      }
    }, 180_000);
  }

  for (const format of declineOnly) {
    test(`${format}: the same decline reason per offer from the offer custom field; no owners`, async () => {
      const db = load(format);
      expect(await diff(canonical, db, 'offers', 'created_at, status, decline_reason')).toEqual({ c_only: 0, v_only: 0 });
      expect(await rowsOf(db, 'SELECT count(recruiter)::INTEGER AS r, count(hiring_manager)::INTEGER AS m FROM jobs')).toEqual([{ r: 0, m: 0 }]);
    }, 180_000);
  }
});

describe('Fivetran Greenhouse hiring_team and users in the dbt_greenhouse_source seed layouts', () => {
  test('names the recruiter and hiring manager (lowest user id first), a user missing from users by id', async () => {
    const synced = '2026-03-01 06:00:00.000';
    const dir = path.join(tmp.dir, 'hand');
    const db = path.join(tmp.dir, 'hand.duckdb');
    writeFiles(dir, {
      'job.csv': csv('id,_fivetran_deleted,_fivetran_synced,closed_at,confidential,created_at,name,notes,requisition_id,status,updated_at', [
        `10,false,${synced},,false,2026-01-02 09:00:00,Backend Engineer,,R-10,open,2026-01-02 09:00:00`,
        `11,false,${synced},,false,2026-01-03 09:00:00,Account Executive,,R-11,open,2026-01-03 09:00:00`,
      ]),
      'hiring_team.csv': csv('job_id,role,user_id,_fivetran_synced', [
        `10,hiring_managers,902,${synced}`,
        `10,recruiters,901,${synced}`,
        `10,recruiters,903,${synced}`, // a second recruiter: the lower id (901) is taken
        `10,coordinators,904,${synced}`, // coordinators own nothing here
        `11,recruiters,905,${synced}`, // not in users: named by id
      ]),
      'users.csv': csv('id,_fivetran_synced,created_at,disabled,employee_id,first_name,last_name,site_admin,updated_at', [
        `901,${synced},2020-10-08 14:52:29.315,false,,Nina,Simone,false,2021-01-28 20:20:37.180`,
        `902,${synced},2020-10-08 14:52:29.315,false,,James,Brown,false,2021-02-08 18:24:13.456`,
        `903,${synced},2020-10-08 14:52:29.315,false,,Ella,Fitzgerald,false,2021-02-08 18:24:13.456`,
      ]),
    });
    const run = runCli(['ingest', dir, '--db', db, '--json']);
    expect(run.status, run.stderr).toBe(0);
    const users = (JSON.parse(run.stdout).files as { kind: string; droppedColumns: string[] }[]).find((f) => f.kind === 'fivetran-greenhouse:users')!;
    expect(users.droppedColumns).toEqual([]); // staff names are kept in the user table
    expect(await rowsOf(db, 'SELECT job_id, recruiter, hiring_manager FROM jobs ORDER BY job_id')).toEqual([
      { job_id: '10', recruiter: 'Nina Simone', hiring_manager: 'James Brown' },
      { job_id: '11', recruiter: '905', hiring_manager: null },
    ]);
  }, 60_000);
});
