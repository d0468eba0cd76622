/**
 * One refresh at a time (DESIGN §8): a stale lock is taken over, two refreshes started together give
 * exactly one run and one exit 75 naming the holder, and `schedule` never overlaps its runs and stops on
 * SIGTERM. Real CLI processes on a real state folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { history, killAll, lockHolder, manifest, published, refreshArgs, runCli, startCli, type CliProcess } from '../helpers/processes.ts';
import { tempDir } from '../helpers/tmp.ts';
import { baseOffers, companyFiles, withExtraOffers, writeInbox } from './inboxes.ts';

describe('the refresh lock', { concurrent: true }, () => {
  const tmp = tempDir('hs-lock-');
  const state = path.join(tmp.dir, 'state');
  let inbox = '';
  const mine = new Set<CliProcess>();

  beforeAll(() => {
    inbox = writeInbox(tmp.dir, 'inbox', companyFiles());
  });
  afterEach(() => killAll(mine));
  afterAll(async () => {
    await killAll(mine);
    tmp.cleanup();
  });

  it('a stale lock (its process has exited) is taken over and the refresh succeeds', { concurrent: false, timeout: 90_000 }, async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(dead.stdout);
    expect(deadPid).toBeGreaterThan(0);
    expect(() => process.kill(deadPid, 0)).toThrow();
    const lockFile = path.join(state, 'state', 'refresh.lock');
    mkdirSync(path.dirname(lockFile), { recursive: true });
    writeFileSync(lockFile, JSON.stringify({ pid: deadPid, host: os.hostname(), startedAt: '2026-06-29T06:00:00.000Z', command: 'refresh' }));

    const run = await runCli(refreshArgs(state, inbox), { timeoutMs: 90_000, owner: mine });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('another run holds the lock');
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'ok', files: 6, rowsRejected: 0 });
    expect(existsSync(lockFile)).toBe(false);
    expect(manifest(state).rows.offers).toBe(baseOffers);
    const pid = (JSON.parse(run.stdout) as { pid: number }).pid;
    expect(existsSync(`${lockFile}.stale-${pid}`)).toBe(false);
    expect((await history(state)).map((r) => [r.pid, r.status])).toEqual([[pid, 'ok']]);
  });

  it('two refreshes started together: one publishes (exit 0), the other exits 75 naming the holder', { concurrent: false, timeout: 90_000 }, async () => {
    const before = published(state);
    const other = writeInbox(tmp.dir, 'inbox-2', withExtraOffers(2));
    const a = startCli(refreshArgs(state, other), { owner: mine });
    const b = startCli(refreshArgs(state, other), { owner: mine });
    // Whichever loses exits at once; read the holder's lock while the winner is still running.
    const first = await Promise.race([a.wait(60_000).then(() => a), b.wait(60_000).then(() => b)]);
    const holder = lockHolder(state);
    const loser = first;
    const winner = first === a ? b : a;
    const [winnerResult, loserResult] = await Promise.all([winner.wait(60_000), loser.wait(60_000)]);

    expect([winnerResult.code, loserResult.code]).toEqual([0, 75]);
    expect(holder).toMatchObject({ pid: winner.pid, host: os.hostname(), command: 'refresh' });
    expect(loserResult.stderr).toMatch(
      new RegExp(`another run holds the lock: pid ${winner.pid} on ${os.hostname()} \\(process started \\S+Z\\), lock taken ${holder?.startedAt} by \`refresh\``),
    );
    expect(loserResult.stdout).toBe('');
    // The loser touched nothing: it never logged a phase, and the history has the winner's run only.
    expect(loserResult.events.filter((e) => e.event === 'phase')).toEqual([]);
    const runs = await history(state);
    expect(runs.map((r) => r.pid)).not.toContain(loser.pid);
    expect(runs.filter((r) => r.pid === winner.pid)).toMatchObject([{ status: 'ok' }]);
    const after = published(state);
    expect(after.current).not.toBe(before.current);
    expect(manifest(state).rows.offers).toBe(baseOffers + 2);
    expect(lockHolder(state)).toBeUndefined();
  });

  it('schedule --cron "* * * * * *": publishes, never overlaps its runs, and stops on SIGTERM with exit 0', { concurrent: false, timeout: 90_000 }, async () => {
    const runsBefore = (await history(state)).length;
    const scheduled = startCli(['schedule', '--cron', '* * * * * *', '--state', state, '--inbox', inbox, '--as-of', '2026-06-30'], { owner: mine });
    await scheduled.waitForEvent((e) => e.event === 'scheduled', 15_000);
    await scheduled.waitForEvent((e) => e.event === 'published', 25_000);
    await scheduled.waitForEvent((e) => e.event === 'finished', 10_000);
    const signalledAt = Date.now();
    const runningAtSignal = scheduled.events().at(-1)?.event !== 'finished' && lastIndex(scheduled.events(), 'trigger') > lastIndex(scheduled.events(), 'finished');
    process.kill(scheduled.pid, 'SIGTERM');
    const exit = await scheduled.wait(20_000);
    const stopMs = Date.now() - signalledAt;
    expect(exit.code, exit.stderr).toBe(0);
    expect(exit.signal).toBeNull();
    expect(stopMs).toBeLessThan(runningAtSignal ? 15_000 : 3_000);
    expect(exit.events.at(-1)?.event).toBe('stopped');

    // Never overlapping: between two `trigger`s there is always a `finished`; one `phase prepare` each.
    const sequence = exit.events.filter((e) => ['trigger', 'finished'].includes(e.event)).map((e) => e.event);
    sequence.forEach((event, i) => expect(event).toBe(i % 2 === 0 ? 'trigger' : 'finished'));
    let prepares = 0;
    for (const e of exit.events) {
      if (e.event === 'phase' && e.phase === 'prepare') prepares++;
      if (e.event === 'finished') {
        expect(prepares).toBe(1);
        prepares = 0;
      }
    }
    const finished = exit.events.filter((e) => e.event === 'finished');
    expect(finished.length).toBeGreaterThanOrEqual(1);
    // The cron ticked every second during the first run (it took several), yet no second run started.
    const firstTrigger = Date.parse(String(exit.events.find((e) => e.event === 'trigger')?.ts));
    expect(Date.parse(String(finished[0]!.ts)) - firstTrigger).toBeGreaterThan(3000);
    expect(finished.map((e) => e.code)).toEqual(finished.map(() => 0)); // never a 75: it did not race itself
    expect(exit.events.filter((e) => e.event === 'published').length).toBe(finished.length);
    expect(exit.stderr).not.toContain('another run holds the lock');

    // The history agrees: the runs' time spans do not overlap, all ok, and the lock is released.
    const runs = (await history(state)).slice(runsBefore);
    expect(runs.length).toBe(finished.length);
    runs.forEach((run, i) => {
      expect(run.status).toBe('ok');
      if (i > 0) expect(Date.parse(run.startedAt)).toBeGreaterThanOrEqual(Date.parse(runs[i - 1]!.finishedAt!));
    });
    expect(lockHolder(state)).toBeUndefined();
  });
});

describe('refresh concurrency', { concurrent: true }, () => {
  const tmp = tempDir('hs-concurrent-');
  const mine = new Set<CliProcess>();
  afterEach(() => killAll(mine));
  afterAll(async () => {
    await killAll(mine);
    tmp.cleanup();
  });

  it('refreshes of two different state folders at the same time both publish (the lock is per state)', async () => {
    const inbox = writeInbox(tmp.dir, 'inbox', companyFiles());
    const [one, two] = await Promise.all(
      ['state-1', 'state-2'].map((name) => runCli(refreshArgs(path.join(tmp.dir, name), inbox), { timeoutMs: 90_000, owner: mine })),
    );
    // Both must succeed. (Astro writes its prerender chunks to <repo>/.astro/.prerender when the outDir
    // is outside the repository, whatever HIRESCOPE_BUILD_CACHE says: two builds there clash.)
    expect(one!.code, one!.stderr).toBe(0);
    expect(two!.code, two!.stderr).toBe(0);
    expect(manifest(path.join(tmp.dir, 'state-1')).rows.offers).toBe(baseOffers);
    expect(manifest(path.join(tmp.dir, 'state-2')).rows.offers).toBe(baseOffers);
  }, 120_000);
});

function lastIndex(events: readonly { event: string }[], name: string): number {
  return events.map((e) => e.event).lastIndexOf(name);
}
