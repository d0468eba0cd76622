/**
 * DESIGN §8: "a refresh killed at any point leaves the last good warehouse, snapshot and site in place,
 * and the next refresh succeeds". Real CLI processes killed with SIGKILL in each phase of a refresh, then
 * the published files compared byte for byte, the lock and the history inspected, and a next refresh run
 * without any clean-up. Then `rebuild` in a fresh state holding only the archive reproduces the metrics.
 *
 * Two independent chains (two state folders) run side by side to use both CPUs; inside a chain the tests
 * run in order, each one's recovery refresh being the next one's published generation.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  generations,
  groupAlive,
  history,
  killAll,
  lockHolder,
  manifest,
  metrics,
  published,
  refreshArgs,
  runCli,
  startCli,
  type CliProcess,
  type LogEvent,
} from '../helpers/processes.ts';
import { repoRoot, tempDir } from '../helpers/tmp.ts';
import { baseOffers, companyFiles, withExtraOffers, writeInbox } from './inboxes.ts';

type Phase = 'prepare' | 'archive' | 'ingest' | 'metrics' | 'snapshot' | 'build' | 'swap';
const allPhases = ['prepare', 'archive', 'ingest', 'metrics', 'snapshot', 'build', 'swap'];
const laterPhases = (phase: string) => allPhases.slice(allPhases.indexOf(phase) + 1);

/**
 * Ten moments to kill at: the start of every phase (the run waits at the test hook there, so the kill
 * lands exactly at that moment), and later inside the long ones (ms after the phase line). Each moment's
 * killed run and recovery bring a different number of extra offers, so the published row counts differ.
 */
interface Moment {
  readonly phase: Phase;
  readonly delayMs: number;
  readonly extra: number;
}
const moment = (phase: Phase, delayMs: number, extra: number): Moment => ({ phase, delayMs, extra });
const label = (m: Moment) => (m.delayMs ? `${m.phase} + ${m.delayMs} ms` : m.phase);

/** Scratch build folders a process left in the repository (data/.builds/<pid>-<n>). */
function scratchBuilds(pid: number): string[] {
  const dir = path.join(repoRoot, 'data', '.builds');
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.startsWith(`${pid}-`)) : [];
}

type RunLine = { status: string; rowsRejected?: number; files?: number };
/** runs.jsonl read directly (last line of a run wins), to save a CLI start where `history` was already checked. */
function runsFile(state: string): Map<string, RunLine> {
  const runs = new Map<string, RunLine>();
  for (const line of readFileSync(path.join(state, 'state', 'runs.jsonl'), 'utf8').split('\n').filter(Boolean)) {
    const record = JSON.parse(line) as RunLine & { runId: string };
    runs.set(record.runId, { ...runs.get(record.runId), ...record });
  }
  return runs;
}

function chain(name: string, moments: readonly Moment[], withRebuild: boolean) {
  describe(name, { concurrent: true }, () => {
    const tmp = tempDir('hs-kill-');
    const state = path.join(tmp.dir, 'state');
    const mine = new Set<CliProcess>();

    beforeAll(async () => {
      const inbox = writeInbox(tmp.dir, 'inbox-0', companyFiles());
      const first = await runCli(refreshArgs(state, inbox), { timeoutMs: 90_000, owner: mine });
      expect(first.code, first.stderr).toBe(0);
      expect(manifest(state).rows.offers).toBe(baseOffers);
    }, 120_000);
    afterEach(() => killAll(mine));
    const victims: number[] = [];
    afterAll(async () => {
      await killAll(mine);
      tmp.cleanup();
      // Whatever a killed run left in the repository (asserted above) is removed, not to pile up.
      for (const pid of victims) for (const name of scratchBuilds(pid)) rmSync(path.join(repoRoot, 'data', '.builds', name), { recursive: true, force: true });
    });

    for (const m of moments) {
      const { phase, extra } = m;
      it(`at ${label(m)}: the published generation stays byte-identical and the next refresh recovers`, { concurrent: false, timeout: 150_000 }, async () => {
        const before = published(state);
        const manifestBefore = manifest(state);
        expect(generations(state)).toContain(path.basename(before.current));
        const inbox = writeInbox(tmp.dir, `inbox-${extra}`, withExtraOffers(extra));

        // --- the killed run -----------------------------------------------------------------------
        // A kill at a phase's start waits at the test hook there, so it lands exactly at that moment (without
        // it, a short phase could end before the signal arrives); later moments kill mid-phase.
        const atStart = m.delayMs === 0;
        const victim = startCli(refreshArgs(state, inbox), {
          env: atStart ? { HIRESCOPE_TEST_PAUSE_AT: phase } : {},
          owner: mine,
        });
        victims.push(victim.pid);
        const trigger = (e: LogEvent) => (atStart ? e.event === 'paused' && e.phase === phase : e.event === 'phase' && e.phase === phase);
        const killedAt = victim.killOn(trigger, m.delayMs);
        const exit = await victim.wait(90_000);
        await killedAt;
        expect(exit.signal).toBe('SIGKILL');
        const runId = victim.events().find((e) => e.event === 'phase')?.runId as string;
        expect(runId).toMatch(new RegExp(`^\\d{8}-\\d{6}-${victim.pid}$`));
        // The kill landed in the phase (or, after a delay, in it or a later one): nothing was published.
        const seenPhases = victim.events().filter((e) => e.event === 'phase').map((e) => e.phase);
        expect(seenPhases).toContain(phase);
        if (m.delayMs === 0) {
          expect(seenPhases.at(-1)).toBe(phase);
          for (const later of laterPhases(phase)) expect(seenPhases).not.toContain(later);
        }
        expect(victim.events().some((e) => e.event === 'published')).toBe(false);

        // Published warehouse, site and `current` are byte-identical to before.
        const after = published(state);
        expect(after.current).toBe(before.current);
        expect(after.distReal).toBe(before.distReal);
        expect(after.warehouse).toBe(before.warehouse);
        expect(after.dist).toEqual(before.dist);
        expect(manifest(state)).toEqual(manifestBefore);

        // The dead run's lock is left behind, naming it; so is its unfinished generation.
        expect(lockHolder(state)).toMatchObject({ pid: victim.pid, command: 'refresh' });
        // (killed at the very start of `prepare`, before the generation folder is created, there is none)
        expect(existsSync(path.join(state, 'state', 'gens', runId))).toBe(!(phase === 'prepare' && atStart));

        const killed = (await history(state)).find((r) => r.runId === runId);
        expect(killed).toMatchObject({ runId, status: 'interrupted', pid: victim.pid, command: 'refresh' });
        expect(killed?.finishedAt).toBeUndefined();

        // An `astro build` started by the killed run may outlive it, still writing into the dead
        // generation; the next refresh is started right away (no clean-up) and must cope with that.
        const orphan = groupAlive(victim.pid);
        if (phase === 'build') console.info(`[kill during build] orphaned astro still running when the next refresh starts: ${orphan}`);

        // --- the next refresh ---------------------------------------------------------------------
        const next = await runCli(refreshArgs(state, inbox), { timeoutMs: 90_000, owner: mine });
        expect(next.code, next.stderr).toBe(0);
        const result = JSON.parse(next.stdout) as { runId: string; status: string; generation: string };
        expect(result.status).toBe('ok');
        const now = published(state);
        expect(now.current).toBe(path.join('gens', result.generation));
        expect(now.current).not.toBe(before.current);
        expect(now.warehouse).not.toBe(before.warehouse);
        expect(manifest(state).rows.offers).toBe(baseOffers + extra);
        expect(manifest(state).rows.offers).not.toBe(manifestBefore.rows.offers);
        // Leftovers of the killed generation are gone; the current and the 2 previous good ones are kept
        // (config retention.generations, default 3): the last 3 published runs of this chain.
        expect(existsSync(path.join(state, 'state', 'gens', runId))).toBe(false);
        const good = [...runsFile(state)].filter(([, r]) => r.status === 'ok').map(([id]) => id).sort();
        expect(generations(state)).toEqual(good.slice(-3));
        expect(generations(state)).toEqual(expect.arrayContaining([path.basename(before.current), result.generation]));
        expect(lockHolder(state)).toBeUndefined();
        // Nor is anything of it left elsewhere: a state outside the repository is built in a scratch
        // folder <repo>/data/.builds/<pid>-<n> first.
        expect(scratchBuilds(victim.pid)).toEqual([]);

        const runs = runsFile(state);
        expect(runs.get(runId)?.status).toBe('running'); // never ended: `history` reports it as interrupted
        expect(runs.get(result.runId)).toMatchObject({ status: 'ok', rowsRejected: 0, files: 6 });
      });
    }

    if (withRebuild) {
      it('then `rebuild` from the archive alone (a fresh state with only the archive) gives identical metrics', { concurrent: false, timeout: 150_000 }, async () => {
        const expected = await metrics(path.join(state, 'warehouse.duckdb'));
        const expectedRows = manifest(state).rows;
        expect(expectedRows.offers).toBe(baseOffers + moments.at(-1)!.extra);
        // Two or more refreshes with different inboxes went into this archive.
        expect(new Set((await history(state)).filter((r) => r.status === 'ok').map((r) => r.runId)).size).toBe(moments.length + 1);

        const fresh = path.join(tmp.dir, 'fresh');
        cpSync(path.join(state, 'archive'), path.join(fresh, 'archive'), { recursive: true });
        const rebuilt = await runCli(refreshArgs(fresh, path.join(tmp.dir, 'no-such-inbox'), 'rebuild'), { timeoutMs: 90_000, owner: mine });
        expect(rebuilt.code, rebuilt.stderr).toBe(0);
        expect(JSON.parse(rebuilt.stdout)).toMatchObject({ command: 'rebuild', source: 'archive', status: 'ok', rowsRejected: 0 });
        expect(manifest(fresh).rows).toEqual(expectedRows);
        expect(await metrics(path.join(fresh, 'warehouse.duckdb'))).toEqual(expected);
      });
    }
  });
}

describe('a refresh killed with SIGKILL at 10 moments', () => {
  chain('chain 1', [moment('prepare', 0, 1), moment('ingest', 0, 2), moment('ingest', 300, 3), moment('snapshot', 0, 4), moment('swap', 0, 5)], false);
  chain('chain 2', [moment('archive', 0, 6), moment('metrics', 0, 7), moment('snapshot', 600, 8), moment('build', 1500, 9), moment('build', 2500, 10)], true);
});
