/**
 * One writer (issue 16): a lock is stale when its process is gone, when the pid now belongs to a process
 * started after the lock was taken (a pid reused after a reboot: pid 1), or when it was taken on another
 * host longer ago than `lock.staleAfterHours`; only a live holder gives exit 75, and its message names
 * the holder's pid, host, process start and the lock's time. `ingest` takes the same lock as refresh and
 * refuses a published warehouse. Real CLI processes on real state folders.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { killAll, lockHolder, manifest, published, refreshArgs, runCli, sha256, startCli, type CliProcess } from '../helpers/processes.ts';
import { tempDir } from '../helpers/tmp.ts';
import { baseOffers, companyFiles, withExtraOffers, writeInbox } from './inboxes.ts';

const hour = 3_600_000;

describe('stale and live locks, one writer per warehouse', () => {
  const tmp = tempDir('hs-writers-');
  const state = path.join(tmp.dir, 'state');
  const lockFile = path.join(state, 'state', 'refresh.lock');
  const mine = new Set<CliProcess>();
  let inbox = '';
  let sleeper: ChildProcess | undefined;
  let sleeperSpawnedAt = 0;

  const writeLock = (holder: { pid: number; host: string; startedAt: string; command: string }) => {
    mkdirSync(path.dirname(lockFile), { recursive: true });
    writeFileSync(lockFile, JSON.stringify(holder));
  };

  beforeAll(async () => {
    inbox = writeInbox(tmp.dir, 'inbox', companyFiles());
    sleeperSpawnedAt = Date.now();
    sleeper = spawn('sleep', ['600'], { stdio: 'ignore' });
    const first = await runCli(refreshArgs(state, inbox), { timeoutMs: 90_000, owner: mine });
    expect(first.code, first.stderr).toBe(0);
  }, 120_000);
  afterEach(() => killAll(mine));
  afterAll(async () => {
    sleeper?.kill('SIGKILL');
    await killAll(mine);
    tmp.cleanup();
  });

  it('a lock naming pid 1 (alive, but started at boot, after the lock was taken) is taken over and the refresh publishes', async () => {
    // The lock of a refresh that was running an hour before this machine booted: pid 1 is now init.
    const boot = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))![1]) * 1000;
    const startedAt = new Date(boot - hour).toISOString();
    writeLock({ pid: 1, host: os.hostname(), startedAt, command: 'refresh' });
    const run = await runCli(refreshArgs(state, writeInbox(tmp.dir, 'inbox-1', withExtraOffers(1))), { timeoutMs: 90_000, owner: mine });
    expect(run.code, run.stderr).toBe(0);
    expect(run.events.find((e) => e.event === 'stale-lock')).toMatchObject({
      holder: { pid: 1, startedAt },
      reason: expect.stringMatching(/^pid 1 now belongs to a process started \S+Z, after the lock was taken$/),
    });
    expect(manifest(state).rows.offers).toBe(baseOffers + 1);
    expect(lockHolder(state)).toBeUndefined();
  }, 120_000);

  it('a lock of a live process started before the lock was taken: exit 75 naming its pid, host, process start and the lock', async () => {
    const before = published(state);
    const startedAt = new Date().toISOString(); // the sleeper started a few seconds before this
    writeLock({ pid: sleeper!.pid!, host: os.hostname(), startedAt, command: 'rebuild' });
    const run = await runCli(refreshArgs(state, inbox), { timeoutMs: 30_000, owner: mine });
    expect(run.code).toBe(75);
    const message = new RegExp(
      `^error: another run holds the lock: pid ${sleeper!.pid} on ${os.hostname()} \\(process started (\\S+)\\), lock taken ${startedAt} by \`rebuild\` \\(${lockFile}\\)$`,
      'm',
    );
    expect(run.stderr).toMatch(message);
    // The process start read from /proc is the sleeper's: within 1.5 s of when the test spawned it.
    const processStart = Date.parse(message.exec(run.stderr)![1]!);
    expect(Math.abs(processStart - sleeperSpawnedAt)).toBeLessThan(1500);
    expect(run.events.filter((e) => e.event === 'phase')).toEqual([]);
    expect(published(state)).toEqual(before);
    expect(lockHolder(state)).toMatchObject({ pid: sleeper!.pid, startedAt }); // left as it was
  }, 60_000);

  it('a lock taken on another host: 3 h old is live under the default 24 h (75), stale with lock.staleAfterHours 2', async () => {
    const startedAt = new Date(Date.now() - 3 * hour).toISOString();
    writeLock({ pid: 4242, host: 'nightly-2.example', startedAt, command: 'refresh' });
    const live = await runCli(refreshArgs(state, inbox), { timeoutMs: 30_000, owner: mine });
    expect(live.code).toBe(75);
    expect(live.stderr).toContain(
      `error: another run holds the lock: pid 4242 on nightly-2.example (on another host, its process cannot be checked), lock taken ${startedAt} by \`refresh\``,
    );

    const config = path.join(tmp.dir, 'hirescope.config.json');
    writeFileSync(config, JSON.stringify({ lock: { staleAfterHours: 2 } }));
    const run = await runCli([...refreshArgs(state, writeInbox(tmp.dir, 'inbox-2', withExtraOffers(2))), '--config', config], { timeoutMs: 90_000, owner: mine });
    expect(run.code, run.stderr).toBe(0);
    expect(run.events.find((e) => e.event === 'stale-lock')).toMatchObject({ reason: 'taken on nightly-2.example more than 2 h ago' });
    expect(manifest(state).rows.offers).toBe(baseOffers + 2);
  }, 120_000);

  it('ingest into the published warehouse is refused with the hint, and changes nothing', async () => {
    const before = published(state);
    const db = path.join(state, 'warehouse.duckdb');
    const run = await runCli(['ingest', writeInbox(tmp.dir, 'by-hand', withExtraOffers(5)), '--db', db], { timeoutMs: 30_000, owner: mine });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `error: ${db} is the warehouse published by the refreshes of ${path.join(state, 'state')} (generation ${path.basename(before.current)}): ` +
        'the next refresh publishes a new generation without rows loaded here. Put the files in the inbox and run `hirescope refresh` ' +
        '(with the same --state or --db), or ingest into a working copy (`--db somewhere-else.duckdb`)',
    );
    expect(published(state)).toEqual(before);
  }, 60_000);

  it('ingest into a plain file: locked beside it alone (exit 0), by its state once a refresh of that file holds it (exit 75)', async () => {
    const work = path.join(tmp.dir, 'work');
    mkdirSync(work);
    const db = path.join(work, 'work.duckdb');
    const loaded = await runCli(['ingest', inbox, '--db', db], { timeoutMs: 30_000, owner: mine });
    expect(loaded.code, loaded.stderr).toBe(0);
    // No refresh uses that folder: the lock was beside the file (work.duckdb.lock), and is released.
    expect(readdirSync(work).sort()).toEqual(['work.duckdb']);
    const hash = sha256(db);

    // A refresh of that file (its state beside it) waits at the start of its archive phase, holding the lock.
    const refresh = startCli(['refresh', '--db', db, '--inbox', inbox, '--as-of', '2026-06-30', '--log', 'json'], {
      env: { HIRESCOPE_TEST_PAUSE_AT: 'archive' },
      owner: mine,
    });
    await refresh.waitForEvent((e) => e.event === 'paused', 30_000);
    const blocked = await runCli(['ingest', writeInbox(tmp.dir, 'more', withExtraOffers(3)), '--db', db], { timeoutMs: 30_000, owner: mine });
    expect(blocked.code).toBe(75);
    expect(blocked.stderr).toMatch(new RegExp(`^error: another run holds the lock: pid ${refresh.pid} on ${os.hostname()} \\(process started \\S+\\), lock taken \\S+ by \`refresh\``, 'm'));
    expect(sha256(db)).toBe(hash);
  }, 90_000);
});
