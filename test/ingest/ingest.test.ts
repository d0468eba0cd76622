/**
 * End-to-end ingest through the real CLI process and a real DuckDB file (issue "Foundation", Done when).
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse } from '../../pipelines/lib/duckdb.ts';
import { runCli, tempDir, writeFiles } from '../helpers/tmp.ts';

const jobs = `job_id,title,department,role_family,level,office,country,status,opened_at,closed_at
job-1,Backend Engineer,Engineering,engineering,Senior,Berlin,DE,open,2026-01-05T09:00:00Z,
job-2,Product Designer,Design,design,Mid-Level,New York,US,closed,2026-01-10,2026-03-01
`;
const openings = `opening_id,job_id,opened_at,closed_at,close_reason,hired_application_id
opn-1,job-1,2026-01-05,,,
opn-2,job-2,2026-01-10,2026-03-01,Hire,app-3
opn-3,job-2,2026-02-30,,,
`;
// Bad rows: line 4 (job_id empty), line 5 (status "maybe").
const applications = `application_id,job_id,applied_at,candidate_id,source,source_type,status,rejected_at,rejection_type,rejection_reason,hired_at
app-1,job-1,2026-01-20T10:00:00Z,c-1,Referral,referral,active,,,,
app-2,job-1,2026-01-21T10:00:00Z,c-2,LinkedIn,sourced,rejected,2026-02-01T00:00:00Z,rejected,Not a fit,
app-4,,2026-01-22,c-4,Indeed,job_board,active,,,,
app-5,job-2,2026-01-23,c-5,Indeed,job_board,maybe,,,,
app-3,job-2,2026-01-15,c-3,Referral,referral,hired,,,,2026-02-25T12:00:00Z
`;
// Bad row: line 3 (negative salary).
const offers = `offer_id,application_id,status,version,created_at,sent_at,resolved_at,start_date,base_salary,currency
ofr-1,app-3,accepted,1,2026-02-20,2026-02-21,2026-02-24,2026-04-01,98000,USD
ofr-2,app-1,pending,1,2026-02-20,2026-02-21,,,-5,EUR
`;

describe('ingest a folder of canonical exports with 4 bad rows', () => {
  const tmp = tempDir();
  const inbox = path.join(tmp.dir, 'inbox');
  const db = path.join(tmp.dir, 'warehouse.duckdb');
  let first: ReturnType<typeof runCli>;

  beforeAll(() => {
    writeFiles(inbox, { 'jobs.csv': jobs, 'openings.csv': openings, 'applications.csv': applications, 'offers.csv': offers });
    first = runCli(['ingest', inbox, '--db', db, '--json']);
  });
  afterAll(() => tmp.cleanup());

  it('exits 0 and reports 4 rejected rows, rows read = loaded + rejected per file', () => {
    expect(first.status).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(report.rowsRejected).toBe(4);
    const byKind = Object.fromEntries(report.files.map((f: { kind: string }) => [f.kind, f]));
    // jobs 2 read/2 loaded; openings 3/2 (opn-3 impossible date); applications 5/3; offers 2/1
    expect(byKind.jobs).toMatchObject({ status: 'loaded', rowsRead: 2, rowsLoaded: 2, rowsRejected: 0 });
    expect(byKind.openings).toMatchObject({ status: 'loaded', rowsRead: 3, rowsLoaded: 2, rowsRejected: 1 });
    expect(byKind.applications).toMatchObject({ status: 'loaded', rowsRead: 5, rowsLoaded: 3, rowsRejected: 2 });
    expect(byKind.offers).toMatchObject({ status: 'loaded', rowsRead: 2, rowsLoaded: 1, rowsRejected: 1 });
    for (const f of report.files) expect(f.rowsRead).toBe(f.rowsLoaded + f.rowsRejected);
  });

  it('lists each quarantined row with its file, line, column, value and reason', () => {
    const run = runCli(['rejects', '--db', db, '--json']);
    expect(run.status).toBe(0);
    const { rejects } = JSON.parse(run.stdout);
    const simplified = rejects.map((r: { file: string; line: number; column: string; value: string; reason: string }) => [
      path.basename(r.file),
      r.line,
      r.column,
      r.value,
      r.reason,
    ]);
    expect(simplified).toEqual(
      expect.arrayContaining([
        ['openings.csv', 4, 'opened_at', '2026-02-30', 'invalid_timestamp'],
        ['applications.csv', 4, 'job_id', null, 'missing_required'],
        ['applications.csv', 5, 'status', 'maybe', 'invalid_enum'],
        ['offers.csv', 3, 'base_salary', '-5', 'negative_amount'],
      ]),
    );
    expect(simplified).toHaveLength(4);
  });

  it('skips every file when the same folder is ingested again', () => {
    const again = runCli(['ingest', inbox, '--db', db, '--json']);
    expect(again.status).toBe(0);
    const report = JSON.parse(again.stdout);
    expect(report.files.map((f: { status: string }) => f.status)).toEqual(['skipped', 'skipped', 'skipped', 'skipped']);
    expect(report.rowsRejected).toBe(0);
  });

  it('stores timestamps as UTC instants and keeps row counts after the re-ingest', async () => {
    const warehouse = await openWarehouse(db);
    try {
      const counts = await warehouse.all<{ t: string; n: number }>(
        `SELECT 'applications' t, count(*)::INTEGER n FROM applications UNION ALL SELECT 'offers', count(*)::INTEGER FROM offers ORDER BY t`,
      );
      expect(counts).toEqual([
        { t: 'applications', n: 3 },
        { t: 'offers', n: 1 },
      ]);
      const hired = await warehouse.maybeOne<{ hired: string }>(
        `SELECT strftime(timezone('UTC', hired_at), '%Y-%m-%dT%H:%M:%SZ') AS hired FROM applications WHERE application_id = 'app-3'`,
      );
      expect(hired?.hired).toBe('2026-02-25T12:00:00Z');
    } finally {
      warehouse.close();
    }
  });
});

describe('a file missing a required column', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('exits 1, names the file and the column, and loads nothing from it while other files load', async () => {
    const inbox = path.join(tmp.dir, 'inbox');
    const db = path.join(tmp.dir, 'w.duckdb');
    writeFiles(inbox, {
      'applications.csv': 'application_id,job_id,source\napp-1,job-1,Referral\napp-2,job-1,Indeed\n',
      'jobs.csv': 'job_id,title\njob-1,Engineer\n',
    });
    const run = runCli(['ingest', inbox, '--db', db]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(path.join(inbox, 'applications.csv'));
    expect(run.stderr).toContain('applied_at');
    const warehouse = await openWarehouse(db);
    try {
      const rows = await warehouse.all<{ apps: number; jobs: number }>(
        `SELECT (SELECT count(*) FROM applications)::INTEGER AS apps, (SELECT count(*) FROM jobs)::INTEGER AS jobs`,
      );
      expect(rows).toEqual([{ apps: 0, jobs: 1 }]);
      const ledger = await warehouse.all<{ status: string; message: string }>(
        `SELECT status, message FROM ingest_files WHERE path LIKE '%applications.csv'`,
      );
      // job_id alone is no jobs file (issue 14): nothing fits, and the closest shape is named first.
      expect(ledger).toHaveLength(1);
      expect(ledger[0]!.status).toBe('refused');
      expect(ledger[0]!.message).toMatch(/^unknown file shape: closest entity is applications, missing required column applied_at; vendor shapes tried: /);
    } finally {
      warehouse.close();
    }
  });
});

describe('personal data', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('never stores names or emails, and lists the dropped columns in the ledger', async () => {
    const db = path.join(tmp.dir, 'w.duckdb');
    const file = path.join(tmp.dir, 'applications.csv');
    const names = ['Zelda Quixotic-Brandywine', 'Yusuf Marmaduke-Ollivander'];
    const emails = ['zelda.quixotic@example.org', 'yusuf.marmaduke@example.org'];
    writeFiles(tmp.dir, {
      'applications.csv':
        'application_id,job_id,applied_at,Candidate Name,Email Address,Phone,LinkedIn URL,rejection_reason\n' +
        `app-1,job-1,2026-01-01,${names[0]},${emails[0]},+1 555 0100,https://linkedin.example/zq,Controlmarker-Alpha-Keepme\n` +
        `app-2,job-1,2026-01-02,${names[1]},${emails[1]},+1 555 0101,https://linkedin.example/ym,Controlmarker-Alpha-Keepme\n`,
    });
    const run = runCli(['ingest', file, '--db', db, '--json']);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.files[0].droppedColumns).toEqual(['Candidate Name', 'Email Address', 'Phone', 'LinkedIn URL']);

    const warehouse = await openWarehouse(db);
    try {
      await warehouse.run('CHECKPOINT');
      const ledger = await warehouse.all<{ dropped: string[] }>(`SELECT dropped_columns AS dropped FROM ingest_files`);
      expect(ledger[0]!.dropped).toEqual(['Candidate Name', 'Email Address', 'Phone', 'LinkedIn URL']);
    } finally {
      warehouse.close();
    }
    const bytes = Buffer.concat([readFileSync(db), existsSync(`${db}.wal`) ? readFileSync(`${db}.wal`) : Buffer.alloc(0)]);
    // Control: a value that is stored can be found by this byte search, so the absence below means something.
    expect(bytes.includes('Controlmarker-Alpha-Keepme')).toBe(true);
    for (const value of [...names, ...emails, 'linkedin.example', '555 0100']) expect(bytes.includes(value)).toBe(false);
  });
});

describe('formats: BOM, CRLF, quoted commas and newlines, offsets, epoch milliseconds', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('reads them all and numbers lines as an editor does', async () => {
    const db = path.join(tmp.dir, 'w.duckdb');
    const csv =
      '\uFEFFApplication ID,Job ID,Applied At,Source,Rejection Reason\r\n' + // line 1
      'app-1,job-1,2026-03-04T23:30:00-05:00,"Job board, Indeed",\r\n' + // line 2: 04:30Z next day
      'app-2,job-1,1772582400000,Referral,"Said:\r\n""not now"", maybe later"\r\n' + // lines 3-4: epoch ms
      '\r\n' + // line 5: blank
      'app-3,job-1,2026-03-04,Careers Page,\r\n' + // line 6: midnight UTC
      'app-4,job-1,2026-13-01,Careers Page,\r\n' + // line 7: impossible month
      'app-5,job-1,2026-03-04 08:15,Careers Page,\r\n'; // line 8: naive -> UTC
    writeFiles(tmp.dir, { 'export.csv': csv });
    const run = runCli(['ingest', path.join(tmp.dir, 'export.csv'), '--db', db, '--json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).files[0]).toMatchObject({ kind: 'applications', rowsRead: 5, rowsLoaded: 4, rowsRejected: 1 });
    const rejects = JSON.parse(runCli(['rejects', '--db', db, '--json']).stdout).rejects;
    expect(rejects).toMatchObject([{ line: 7, column: 'applied_at', value: '2026-13-01', reason: 'invalid_timestamp' }]);

    const warehouse = await openWarehouse(db);
    try {
      const rows = await warehouse.all<{ id: string; at: string; source: string; reason: string | null }>(
        `SELECT application_id AS id, strftime(timezone('UTC', applied_at), '%Y-%m-%dT%H:%M:%SZ') AS at, source,
           rejection_reason AS reason FROM applications ORDER BY id`,
      );
      expect(rows).toEqual([
        { id: 'app-1', at: '2026-03-05T04:30:00Z', source: 'Job board, Indeed', reason: null },
        // 1772582400000 ms = 1772582400 s = 20517 days * 86400 -> 2026-03-04T00:00:00Z
        { id: 'app-2', at: '2026-03-04T00:00:00Z', source: 'Referral', reason: 'Said:\r\n"not now", maybe later' },
        { id: 'app-3', at: '2026-03-04T00:00:00Z', source: 'Careers Page', reason: null },
        { id: 'app-5', at: '2026-03-04T08:15:00Z', source: 'Careers Page', reason: null },
      ]);
    } finally {
      warehouse.close();
    }
  });

  it('reads a timestamp without offset in the configured organisation time zone', async () => {
    const db = path.join(tmp.dir, 'tz.duckdb');
    const config = path.join(tmp.dir, 'hirescope.config.json');
    writeFiles(tmp.dir, {
      'hirescope.config.json': JSON.stringify({ timeZone: 'America/New_York' }),
      'apps.csv': 'application_id,job_id,applied_at\napp-1,job-1,2026-03-04T10:00:00\napp-2,job-1,2026-03-04T10:00:00Z\n',
    });
    const run = runCli(['ingest', path.join(tmp.dir, 'apps.csv'), '--db', db, '--config', config]);
    expect(run.status).toBe(0);
    const warehouse = await openWarehouse(db);
    try {
      const rows = await warehouse.all<{ at: string }>(
        `SELECT strftime(timezone('UTC', applied_at), '%Y-%m-%dT%H:%M:%SZ') AS at FROM applications ORDER BY application_id`,
      );
      // New York is UTC-5 on 4 March (DST starts 8 March 2026): 10:00 local = 15:00Z; an explicit Z stays 10:00Z.
      expect(rows.map((r) => r.at)).toEqual(['2026-03-04T15:00:00Z', '2026-03-04T10:00:00Z']);
    } finally {
      warehouse.close();
    }
  });
});

describe('a newer export replaces rows by primary key', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('updates changed rows, adds new ones and keeps the others', async () => {
    const db = path.join(tmp.dir, 'w.duckdb');
    writeFiles(tmp.dir, {
      'monday.csv': 'application_id,job_id,applied_at,status\napp-1,job-1,2026-01-01,active\napp-2,job-1,2026-01-02,active\n',
      'tuesday.csv': 'application_id,job_id,applied_at,status\napp-1,job-1,2026-01-01,hired\napp-3,job-1,2026-01-03,active\n',
    });
    expect(runCli(['ingest', path.join(tmp.dir, 'monday.csv'), '--db', db]).status).toBe(0);
    expect(runCli(['ingest', path.join(tmp.dir, 'tuesday.csv'), '--db', db]).status).toBe(0);
    const warehouse = await openWarehouse(db);
    try {
      const rows = await warehouse.all<{ id: string; status: string }>(
        `SELECT application_id AS id, status FROM applications ORDER BY id`,
      );
      expect(rows).toEqual([
        { id: 'app-1', status: 'hired' },
        { id: 'app-2', status: 'active' },
        { id: 'app-3', status: 'active' },
      ]);
    } finally {
      warehouse.close();
    }
  });
});

describe('status', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('reports row counts per table, the last run and the quarantine size', () => {
    const db = path.join(tmp.dir, 'w.duckdb');
    writeFiles(tmp.dir, { 'jobs.csv': 'job_id,title,opened_at\njob-1,A,2026-01-01\njob-2,B,someday\n' });
    runCli(['ingest', path.join(tmp.dir, 'jobs.csv'), '--db', db]);
    const run = runCli(['status', '--db', db, '--json']);
    expect(run.status).toBe(0);
    const status = JSON.parse(run.stdout);
    expect(status.tables.find((t: { name: string }) => t.name === 'jobs').rows).toBe(1);
    expect(status.lastRun).toMatchObject({ command: 'ingest', status: 'ok', files: 1, rowsRead: 2, rowsLoaded: 1, rowsRejected: 1 });
    expect(status.rowsRejected).toBe(1);
  });

  it('exits 2 on a usage error', () => {
    const run = runCli(['ingest']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('ingest needs at least one file or folder');
    expect(runCli(['frobnicate']).status).toBe(2);
  });
});
