/**
 * Issue 16, Deliver 3: `ingest` and the refresh read regular files only, judged with lstat before a byte
 * is read, hashed or archived, and each under the size cap (config maxFileBytes). Every case runs the
 * real CLI in a child process with a bounded wait: on main (dd3dd84) opening the FIFO or /dev/zero
 * blocked, so those runs time out there.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openWarehouse } from '../../pipelines/lib/duckdb.ts';
import { killAll, refreshArgs, runCli, type CliProcess } from '../helpers/processes.ts';
import { tempDir, writeFiles } from '../helpers/tmp.ts';
import { companyFiles } from '../refresh/inboxes.ts';

const header = 'application_id,job_id,applied_at,candidate_id,source,source_type,status,rejected_at,rejection_type,rejection_reason,hired_at';
const twoApplications = `${header}\napp-1,job-1,2026-01-20T10:00:00Z,c-1,Referral,referral,active,,,,\napp-2,job-1,2026-01-21T10:00:00Z,c-2,LinkedIn,sourced,active,,,,\n`;

const mine = new Set<CliProcess>();
const servers: net.Server[] = [];
const tmp = tempDir('hs-file-types-');
afterEach(() => killAll(mine));
afterAll(() => {
  for (const server of servers) server.close();
  tmp.cleanup();
});

/** A listening unix socket at `file` (closed after the suite). */
async function socketAt(file: string): Promise<void> {
  const server = net.createServer();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(file, resolve));
}

async function tableCount(db: string, table: string): Promise<number> {
  const warehouse = await openWarehouse(db);
  try {
    return (await warehouse.maybeOne<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table}`))!.n;
  } finally {
    warehouse.close();
  }
}

interface FileJson {
  path: string;
  status: string;
  message: string;
  rowsLoaded: number;
}

describe('only regular files', () => {
  it('skips a FIFO, a symlink to /etc/passwd and a socket found in a folder, naming each, and loads the rest', { timeout: 60_000 }, async () => {
    const dir = path.join(tmp.dir, 'folder');
    writeFiles(dir, { 'applications.csv': twoApplications });
    execFileSync('mkfifo', [path.join(dir, 'jobs.csv')]);
    symlinkSync('/etc/passwd', path.join(dir, 'offers.csv'));
    await socketAt(path.join(dir, 'openings.csv'));
    const db = path.join(tmp.dir, 'folder.duckdb');
    const run = await runCli(['ingest', dir, '--db', db, '--json'], { timeoutMs: 30_000, owner: mine });
    // Skipped files are not errors: exit 0, applications.csv loads its 2 rows.
    expect(run.code).toBe(0);
    const files = (JSON.parse(run.stdout) as { files: FileJson[] }).files;
    const byName = new Map(files.map((f) => [path.basename(f.path), f]));
    expect(byName.get('applications.csv')).toMatchObject({ status: 'loaded', rowsLoaded: 2 });
    const skipped = 'not a regular file: skipped before anything was read or archived';
    expect(byName.get('jobs.csv')).toMatchObject({ status: 'skipped', message: `a FIFO (named pipe), ${skipped}` });
    expect(byName.get('offers.csv')).toMatchObject({ status: 'skipped', message: `a symbolic link (to /etc/passwd), ${skipped}` });
    expect(byName.get('openings.csv')).toMatchObject({ status: 'skipped', message: `a socket, ${skipped}` });
    // Each is named on stderr as a warning.
    expect(run.stderr).toContain(`warning: ${path.join(dir, 'jobs.csv')}: a FIFO (named pipe)`);
    expect(run.stderr).toContain(`warning: ${path.join(dir, 'offers.csv')}: a symbolic link (to /etc/passwd)`);
    expect(await tableCount(db, 'applications')).toBe(2);
  });

  it('refuses /dev/zero named on the command line at once (exit 1, named), instead of reading it for ten minutes', { timeout: 60_000 }, async () => {
    const db = path.join(tmp.dir, 'zero.duckdb');
    const run = await runCli(['ingest', '/dev/zero', '--db', db], { timeoutMs: 30_000, owner: mine });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error: /dev/zero: a character device, not a regular file: refused before anything was read or archived');
    expect(run.ms).toBeLessThan(30_000);
  });

  it('refuses a FIFO and a symlink named on the command line, and still loads a regular file of the same call', { timeout: 60_000 }, async () => {
    const dir = path.join(tmp.dir, 'explicit');
    writeFiles(dir, { 'applications.csv': twoApplications });
    const fifo = path.join(dir, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    const link = path.join(dir, 'link.csv');
    symlinkSync(path.join(dir, 'applications.csv'), link);
    const db = path.join(tmp.dir, 'explicit.duckdb');
    const run = await runCli(['ingest', fifo, link, path.join(dir, 'applications.csv'), '--db', db], { timeoutMs: 30_000, owner: mine });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`error: ${fifo}: a FIFO (named pipe), not a regular file: refused`);
    expect(run.stderr).toContain(`error: ${link}: a symbolic link (to ${path.join(dir, 'applications.csv')}), not a regular file: refused`);
    expect(await tableCount(db, 'applications')).toBe(2);
  });

  it('refuses a file over the size cap with its size, the cap and the key that raises it', { timeout: 60_000 }, async () => {
    const dir = path.join(tmp.dir, 'cap');
    const file = path.join(dir, 'applications.csv');
    writeFiles(dir, { 'applications.csv': twoApplications });
    const size = Buffer.byteLength(twoApplications);
    // header 124 characters, rows 65 and 64, each line with its LF: 125 + 66 + 65 = 256 bytes > the cap of 200
    expect(size).toBe(256);
    const config = path.join(tmp.dir, 'cap.config.json');
    writeFileSync(config, JSON.stringify({ maxFileBytes: 200 }));
    const db = path.join(tmp.dir, 'cap.duckdb');
    const run = await runCli(['ingest', dir, '--db', db, '--config', config], { timeoutMs: 30_000, owner: mine });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `error: ${file}: 256 bytes, over the size cap of 200 bytes per file; nothing read. Raise maxFileBytes in hirescope.config.json to load it`,
    );
    expect(await tableCount(db, 'applications')).toBe(0);
  });

  it('refresh: a file over the size cap fails the run in the archive phase, named, before anything is archived', { timeout: 90_000 }, async () => {
    const inbox = path.join(tmp.dir, 'inbox-cap');
    const files = companyFiles();
    writeFiles(inbox, files);
    // The cap one byte under the largest file: exactly that file is refused.
    const [largest, size] = Object.entries(files)
      .map(([name, content]) => [name, Buffer.byteLength(content)] as const)
      .sort((a, b) => b[1] - a[1])[0]!;
    const config = path.join(tmp.dir, 'refresh-cap.config.json');
    writeFileSync(config, JSON.stringify({ maxFileBytes: size - 1 }));
    const state = path.join(tmp.dir, 'state-cap');
    const run = await runCli([...refreshArgs(state, inbox), '--config', config], { timeoutMs: 60_000, owner: mine });
    expect(run.code).toBe(1);
    const failed = run.events.find((e) => e.event === 'failed');
    expect(failed).toMatchObject({ phase: 'archive' });
    expect(String(failed?.error)).toContain(`refused 1 file(s), nothing published: ${path.join(inbox, largest)}: ${size} bytes`);
    expect(String(failed?.error)).toContain(`over the size cap of ${size - 1} bytes`);
    expect(existsSync(path.join(state, 'archive')) ? readdirSync(path.join(state, 'archive')) : []).toEqual([]);
  });

  it('refresh: a FIFO named applications.csv and a symlink to /etc/passwd in the inbox are skipped before the archive phase; the rest publishes', { timeout: 150_000 }, async () => {
    const inbox = path.join(tmp.dir, 'inbox');
    const files = companyFiles();
    // The company's applications go under another name (files are recognised by their header).
    const { 'applications.csv': applications, ...rest } = files;
    writeFiles(inbox, { ...rest, 'applications-2026.csv': applications! });
    execFileSync('mkfifo', [path.join(inbox, 'applications.csv')]);
    symlinkSync('/etc/passwd', path.join(inbox, 'passwd.csv'));
    const state = path.join(tmp.dir, 'state');
    const run = await runCli(refreshArgs(state, inbox), { timeoutMs: 120_000, owner: mine });
    expect(run.code).toBe(0);
    const skipped = run.events.filter((e) => e.event === 'skipped').map((e) => [path.basename(e.file as string), (e.why as string).split(',')[0]]);
    expect(skipped).toEqual([
      ['applications.csv', 'a FIFO (named pipe)'],
      ['passwd.csv', 'a symbolic link (to /etc/passwd)'],
    ]);
    // The archive holds the regular files only: one folder per content, named as delivered.
    const archive = path.join(state, 'archive');
    const archived = readdirSync(archive)
      .filter((entry) => entry !== 'index.jsonl')
      .flatMap((sha) => readdirSync(path.join(archive, sha)))
      .sort();
    expect(archived).toEqual([...Object.keys(rest), 'applications-2026.csv'].sort());
    expect(existsSync(path.join(archive, 'passwd.csv'))).toBe(false);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'ok', files: Object.keys(files).length });
  });
});
