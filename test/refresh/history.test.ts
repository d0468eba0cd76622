/**
 * Honest history (issue 16): a run is published iff its generation became current. A refresh killed with
 * SIGKILL right after the rename that published it (before its own end line) is `ok` in `history` and
 * named by `status`; the next run writes its end line and indexes its archived files, so `rebuild` gives
 * the published warehouse again — as of the last published run, not the sample's end date.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { history, killAll, manifest, published, refreshArgs, runCli, startCli, type CliProcess } from '../helpers/processes.ts';
import { tempDir } from '../helpers/tmp.ts';
import { baseOffers, companyFiles, withExtraOffers, writeInbox } from './inboxes.ts';

describe('history is what was published', () => {
  const tmp = tempDir('hs-history-');
  const state = path.join(tmp.dir, 'state');
  const mine = new Set<CliProcess>();
  let victimRun = '';

  beforeAll(async () => {
    const first = await runCli(refreshArgs(state, writeInbox(tmp.dir, 'inbox-0', companyFiles())), { timeoutMs: 90_000, owner: mine });
    expect(first.code, first.stderr).toBe(0);
  }, 120_000);
  afterEach(() => killAll(mine));
  afterAll(async () => {
    await killAll(mine);
    tmp.cleanup();
  });

  it('killed right after the rename of `current`: history says ok, status names its generation', async () => {
    const inbox = writeInbox(tmp.dir, 'inbox-1', withExtraOffers(1));
    const victim = startCli(refreshArgs(state, inbox), { env: { HIRESCOPE_TEST_PAUSE_AT: 'published' }, owner: mine });
    const killed = victim.killOn((e) => e.event === 'paused' && e.phase === 'published');
    const exit = await victim.wait(90_000);
    await killed;
    expect(exit.signal).toBe('SIGKILL');
    victimRun = String(victim.events().find((e) => e.event === 'phase')?.runId);
    expect(victim.events().some((e) => e.event === 'published')).toBe(false); // it never logged its end
    expect(published(state).current).toBe(path.join('gens', victimRun));
    expect(manifest(state).rows.offers).toBe(baseOffers + 1);

    const runs = await history(state);
    expect(runs.map((r) => [r.runId === victimRun, r.status])).toEqual([
      [false, 'ok'],
      [true, 'ok'],
    ]);
    expect(runs[1]).toMatchObject({ generation: victimRun, pid: victim.pid });
    const status = await runCli(['status', '--db', path.join(state, 'warehouse.duckdb'), '--json'], { timeoutMs: 30_000, owner: mine });
    expect(status.code, status.stderr).toBe(0);
    const refresh = (JSON.parse(status.stdout) as { refresh: { published: { generation: string; asOf: string }; lastRun: { runId: string; status: string }; lastError: unknown } }).refresh;
    expect(refresh.published).toMatchObject({ generation: victimRun, asOf: '2026-06-30' });
    expect(refresh.lastRun).toMatchObject({ runId: victimRun, status: 'ok' });
    expect(refresh.lastError).toBeNull();
  }, 120_000);

  it('the next run writes the missing end line and indexes the killed run\'s files', async () => {
    const next = await runCli(refreshArgs(state, writeInbox(tmp.dir, 'inbox-1b', withExtraOffers(1))), { timeoutMs: 90_000, owner: mine });
    expect(next.code, next.stderr).toBe(0);
    const nextRun = (JSON.parse(next.stdout) as { runId: string }).runId;
    expect(next.events.find((e) => e.event === 'recorded')).toMatchObject({ runId: victimRun, status: 'ok', by: nextRun });
    const lines = readFileSync(path.join(state, 'state', 'runs.jsonl'), 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    // start of run 1, its end; start of the victim; the victim's end written by the next run; the next run's start and end.
    expect(lines.map((l) => [l.runId === victimRun, l.status])).toEqual([
      [false, 'running'],
      [false, 'ok'],
      [true, 'running'],
      [true, 'ok'],
      [false, 'running'],
      [false, 'ok'],
    ]);
    expect(lines[3]).toMatchObject({ asOf: '2026-06-30', data: 'real', generation: victimRun, recordedBy: nextRun });
    // The victim loaded offers.csv (the only changed file; 5 skipped); the next run skipped all 6 (identical).
    const index = readFileSync(path.join(state, 'archive', 'index.jsonl'), 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as { runId: string; name?: string });
    expect(index.filter((l) => l.runId === victimRun).map((l) => l.name)).toEqual(['offers.csv']);
    expect(index.filter((l) => l.runId === nextRun)).toEqual([]);
  }, 120_000);

  it('rebuild publishes as of the last published run (2026-12-06), with the published rows', async () => {
    const run = await runCli(
      ['refresh', '--state', state, '--inbox', writeInbox(tmp.dir, 'inbox-4', withExtraOffers(4)), '--as-of', '2026-12-06', '--log', 'json', '--json'],
      { timeoutMs: 90_000, owner: mine },
    );
    expect(run.code, run.stderr).toBe(0);
    const rows = manifest(state).rows;
    expect(rows.offers).toBe(baseOffers + 4);
    const rebuilt = await runCli(['rebuild', '--state', state, '--log', 'json', '--json'], { timeoutMs: 90_000, owner: mine });
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(JSON.parse(rebuilt.stdout)).toMatchObject({ command: 'rebuild', status: 'ok', asOf: '2026-12-06' });
    expect(manifest(state)).toMatchObject({ asOf: '2026-12-06', rows });
  }, 200_000);
});
