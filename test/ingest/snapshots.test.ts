/**
 * Issue 14, Deliver 1 and 6: detection that cannot silently mis-file a narrower file, and snapshot
 * semantics for whole exports (rows gone from a vendor export are removed and counted; a truncated
 * export is refused unless forced), through the real CLI and a real DuckDB file.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse } from '../../pipelines/lib/duckdb.ts';
import { runCli, tempDir, writeFiles } from '../helpers/tmp.ts';

const tmp = tempDir('hs-snapshots-');
afterAll(() => tmp.cleanup());

interface IngestJson {
  files: { path: string; kind: string | null; status: string; rowsRead: number; rowsLoaded: number; rowsRemoved?: number; message: string }[];
}

function ingestJson(db: string, inputs: string[], extra: string[] = []): { status: number; json: IngestJson; stderr: string } {
  const run = runCli(['ingest', ...inputs, '--db', db, '--json', ...extra]);
  return { status: run.status, json: JSON.parse(run.stdout) as IngestJson, stderr: run.stderr };
}

async function count(db: string, sql: string): Promise<number> {
  const [row] = await rows<{ n: number }>(db, sql);
  return row!.n;
}

async function rows<T>(db: string, sql: string): Promise<T[]> {
  const warehouse = await openWarehouse(db);
  try {
    return await warehouse.all<T>(sql);
  } finally {
    warehouse.close();
  }
}

const jobs = `job_id,title,department,role_family,level,office,country,status,opened_at,closed_at
job-1,Backend Engineer,Engineering,engineering,Senior,Berlin,DE,open,2026-01-05T09:00:00Z,
job-2,Product Designer,Design,design,Mid-Level,New York,US,closed,2026-01-10,2026-03-01
`;

describe('a narrower file never sets loaded columns to null', () => {
  const db = path.join(tmp.dir, 'narrow.duckdb');
  beforeAll(() => {
    writeFiles(path.join(tmp.dir, 'narrow-1'), { 'jobs.csv': jobs });
    expect(ingestJson(db, [path.join(tmp.dir, 'narrow-1')]).status).toBe(0);
  });

  it("refuses a bridge of job_id and user_id (Fivetran's hiring_team without its sync column): one shared key is no jobs file", async () => {
    writeFiles(path.join(tmp.dir, 'narrow-2'), { 'hiring_team.csv': 'job_id,role,user_id\njob-1,recruiter,u-7\njob-2,hiring_manager,u-9\n' });
    const run = ingestJson(db, [path.join(tmp.dir, 'narrow-2', 'hiring_team.csv')]);
    expect(run.status).toBe(1);
    expect(run.json.files[0]).toMatchObject({ status: 'refused', rowsLoaded: 0 });
    // jobs names 1 of its 10 columns here (job_id); 2 are needed to be read as jobs.
    expect(run.json.files[0]!.message).toMatch(/^unknown file shape: closest entity is jobs, only 1 of its columns present, at least 2 needed/);
    expect(await rows(db, 'SELECT job_id, title, level, country FROM jobs ORDER BY job_id')).toEqual([
      { job_id: 'job-1', title: 'Backend Engineer', level: 'Senior', country: 'DE' },
      { job_id: 'job-2', title: 'Product Designer', level: 'Mid-Level', country: 'US' },
    ]);
  });

  it('a file with a sync column (_fivetran_synced) is never read as a canonical table', () => {
    writeFiles(path.join(tmp.dir, 'narrow-3'), {
      'jobs_sync.csv': 'job_id,title,department,level,_fivetran_synced\njob-1,X,Y,Junior,2026-01-01 00:00:00\n',
    });
    const run = ingestJson(db, [path.join(tmp.dir, 'narrow-3')]);
    expect(run.json.files[0]!.status).not.toBe('loaded');
    expect(run.json.files[0]!.kind).not.toBe('jobs');
  });

  it('updates the columns a narrower jobs file has and keeps the others', async () => {
    // job_id, title, department: 3 columns of jobs, enough to be jobs. level, country... are not in it.
    writeFiles(path.join(tmp.dir, 'narrow-4'), { 'jobs.csv': 'job_id,title,department\njob-1,Staff Backend Engineer,Platform\njob-3,Recruiter,People\n' });
    const run = ingestJson(db, [path.join(tmp.dir, 'narrow-4')]);
    expect(run.status).toBe(0);
    expect(run.json.files[0]).toMatchObject({ kind: 'jobs', status: 'loaded', rowsLoaded: 2 });
    // job-1: title and department replaced, level and country kept; job-2 untouched; job-3 new, with
    // nulls where it never had a value.
    expect(await rows(db, 'SELECT job_id, title, department, level, country FROM jobs ORDER BY job_id')).toEqual([
      { job_id: 'job-1', title: 'Staff Backend Engineer', department: 'Platform', level: 'Senior', country: 'DE' },
      { job_id: 'job-2', title: 'Product Designer', department: 'Design', level: 'Mid-Level', country: 'US' },
      { job_id: 'job-3', title: 'Recruiter', department: 'People', level: null, country: null },
    ]);
  });

  it('refuses a vendor lookup of id and name whose file name does not say so (a user list is no departments file)', () => {
    writeFiles(path.join(tmp.dir, 'narrow-5'), { 'user.csv': 'id,name,email,created_at\n7,Ana Lima,ana@example.com,2026-01-01\n' });
    const run = ingestJson(db, [path.join(tmp.dir, 'narrow-5')]);
    expect(run.status).toBe(1);
    expect(run.json.files[0]!.status).toBe('refused');
    expect(run.json.files[0]!.kind).toBeNull();
  });
});

describe('a vendor table export replaces the previous one whole', () => {
  const db = path.join(tmp.dir, 'whole.duckdb');
  const first = path.join(tmp.dir, 'gh-1');
  beforeAll(() => {
    const generated = runCli(['generate', '--seed', '3', '--scale', '0.05', '--format', 'greenhouse', '--out', first]);
    expect(generated.status).toBe(0);
    expect(ingestJson(db, [first]).status).toBe(0);
  });

  /** A copy of the first export with `applications.csv` cut to its first `keep` rows. */
  function secondExport(name: string, keep: number): string {
    const dir = path.join(tmp.dir, name);
    mkdirSync(dir, { recursive: true });
    for (const file of readdirSync(first)) copyFileSync(path.join(first, file), path.join(dir, file));
    const lines = readFileSync(path.join(first, 'applications.csv'), 'utf8').trimEnd().split('\n');
    writeFileSync(path.join(dir, 'applications.csv'), `${lines.slice(0, keep + 1).join('\n')}\n`);
    return dir;
  }

  it('removes the rows gone from the export, counts them, and derives without them', async () => {
    const before = await count(db, 'SELECT count(*)::INTEGER AS n FROM greenhouse_applications');
    const keep = before - 3;
    const run = ingestJson(db, [path.join(secondExport('gh-2', keep), 'applications.csv')]);
    expect(run.status).toBe(0);
    // before - 3 rows kept: the 3 rows gone from the export are removed.
    expect(run.json.files[0]).toMatchObject({ kind: 'greenhouse:applications', status: 'loaded', rowsLoaded: keep, rowsRemoved: 3 });
    expect(run.json.files[0]!.message).toContain('3 row(s) no longer in it removed');
    const after = await count(db, 'SELECT count(*)::INTEGER AS n FROM greenhouse_applications');
    expect(after).toBe(keep);
    // The canonical applications are derived again from the raw table: none of the 3 is left.
    const orphans = await count(db, `SELECT count(*)::INTEGER AS n FROM applications WHERE application_id NOT IN (SELECT id FROM greenhouse_applications)`);
    expect(orphans).toBe(0);
  });

  it('refuses an export under half the previous one unless forced', async () => {
    const before = await count(db, 'SELECT count(*)::INTEGER AS n FROM greenhouse_applications');
    const keep = Math.floor(before / 2) - 1; // fewer than half
    const file = path.join(secondExport('gh-3', keep), 'applications.csv');
    const refused = ingestJson(db, [file]);
    expect(refused.status).toBe(1);
    expect(refused.json.files[0]!.status).toBe('refused');
    expect(refused.json.files[0]!.message).toBe(
      `suspicious export: ${keep} valid rows against ${before} in the previous export of greenhouse:applications, fewer than half; ` +
        'it replaces the table whole, so a truncated file would remove the rest. Pass --force if the export really is that small',
    );
    const unchanged = await count(db, 'SELECT count(*)::INTEGER AS n FROM greenhouse_applications');
    expect(unchanged).toBe(before);
    const forced = ingestJson(db, [file], ['--force']);
    expect(forced.status).toBe(0);
    expect(forced.json.files[0]).toMatchObject({ status: 'loaded', rowsLoaded: keep, rowsRemoved: before - keep });
  });
});

describe('an earlier export delivered again after another replaced it', () => {
  const db = path.join(tmp.dir, 'again.duckdb');
  const first = path.join(tmp.dir, 'again-1');
  const header = 'id,candidate_id,stage_id,source_id,status,prospect,applied_at,rejected_at,rejection_reason_id,migrated,job_id';
  const row = (i: number) => `${i},${9000 + i},1,1,active,f,2026-01-${String(i).padStart(2, '0')} 10:00:00,,,f,77`;
  const rows = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => row(from + k));

  it('loads it again (it is the snapshot again), and skips it while it is the current one', async () => {
    // Greenhouse Data Lake applications (a vendor table: whole exports). 12 rows, then 11 (row 12 deleted
    // in the ATS), then the 12 again (row 12 restored): the third file is identical to the first, which
    // is no longer the current export, so it loads: 12 rows. Delivered once more: current, skipped.
    writeFiles(first, { 'applications.csv': [header, ...rows(1, 12)].join('\n') + '\n' });
    writeFiles(path.join(tmp.dir, 'again-2'), { 'applications.csv': [header, ...rows(1, 11)].join('\n') + '\n' });
    expect(ingestJson(db, [first]).json.files[0]).toMatchObject({ status: 'loaded', rowsLoaded: 12 });
    expect(ingestJson(db, [path.join(tmp.dir, 'again-2')]).json.files[0]).toMatchObject({ status: 'loaded', rowsLoaded: 11, rowsRemoved: 1 });
    expect(ingestJson(db, [first]).json.files[0]).toMatchObject({ status: 'loaded', rowsLoaded: 12, rowsRemoved: 0 });
    expect(await count(db, 'SELECT count(*)::INTEGER AS n FROM greenhouse_applications')).toBe(12);
    expect(ingestJson(db, [first]).json.files[0]).toMatchObject({ status: 'skipped' });
  });

  it('an export in two parts, delivered again unchanged, is skipped whole: no part is read as the whole', async () => {
    // Parts of 6 + 6 rows in one call: 12 rows; the same two files again: both still the current export.
    writeFiles(path.join(tmp.dir, 'parts'), {
      'applications_1.csv': [header, ...rows(1, 6)].join('\n') + '\n',
      'applications_2.csv': [header, ...rows(7, 12)].join('\n') + '\n',
    });
    const parts = ingestJson(db, [path.join(tmp.dir, 'parts')]);
    expect(parts.json.files.map((f) => [f.status, f.rowsLoaded])).toEqual([['loaded', 6], ['loaded', 6]]);
    expect(await count(db, 'SELECT count(*)::INTEGER AS n FROM greenhouse_applications')).toBe(12);
    const again = ingestJson(db, [path.join(tmp.dir, 'parts')]);
    expect(again.status).toBe(0);
    expect(again.json.files.map((f) => f.status)).toEqual(['skipped', 'skipped']);
    expect(await count(db, 'SELECT count(*)::INTEGER AS n FROM greenhouse_applications')).toBe(12);
  });
});

describe('canonical files keep key replacement unless marked full', () => {
  const header = 'application_id,job_id,applied_at,status';
  const all = Array.from({ length: 12 }, (_, i) => `a${i + 1},job-1,2026-01-${String(i + 1).padStart(2, '0')},active`);

  it('adds by key by default, and removes what a --full export no longer holds', async () => {
    const db = path.join(tmp.dir, 'full.duckdb');
    writeFiles(path.join(tmp.dir, 'full-1'), { 'applications.csv': [header, ...all].join('\n') + '\n' });
    expect(ingestJson(db, [path.join(tmp.dir, 'full-1')]).status).toBe(0);
    // A newer file with a1..a8 and a new a13: by key, a9..a12 stay (12 + 1 = 13 rows).
    const newer = [header, ...all.slice(0, 8), 'a13,job-1,2026-01-20,active'].join('\n') + '\n';
    writeFiles(path.join(tmp.dir, 'full-2'), { 'applications.csv': newer });
    const byKey = ingestJson(db, [path.join(tmp.dir, 'full-2')]);
    expect(byKey.json.files[0]).toMatchObject({ status: 'loaded', rowsLoaded: 9, rowsRemoved: 0 });
    expect(await rows(db, 'SELECT count(*)::INTEGER AS n FROM applications')).toEqual([{ n: 13 }]);
    // The same content as a full export (one more row, so its hash differs): a9..a12 are gone -> 4 removed, 10 left.
    writeFiles(path.join(tmp.dir, 'full-3'), { 'applications.csv': newer + 'a14,job-1,2026-01-21,active\n' });
    const full = ingestJson(db, [path.join(tmp.dir, 'full-3')], ['--full']);
    expect(full.json.files[0]).toMatchObject({ status: 'loaded', rowsLoaded: 10, rowsRemoved: 4 });
    expect(await rows(db, 'SELECT count(*)::INTEGER AS n FROM applications')).toEqual([{ n: 10 }]);
  });
});

