/**
 * Failed refreshes (DESIGN §8): a bad export is refused whole and nothing is published; a corrupted
 * warehouse makes `refresh` fail with a message pointing at `rebuild`, and `rebuild` recreates it from the
 * archive with the same metrics; `history` records every run. Real CLI processes on one state folder, in
 * order: good refresh, bad export, good refresh (with one quarantined row), history, corruption, rebuild.
 */
import { existsSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generations, history, killAll, lockHolder, manifest, metrics, published, refreshArgs, runCli } from '../helpers/processes.ts';
import { tempDir } from '../helpers/tmp.ts';
import { baseOffers, companyFiles, withExtraOffers, withOneBadRow, withoutOfferStatus, writeInbox } from './inboxes.ts';

describe('failed refreshes and rebuild', () => {
  const tmp = tempDir('hs-fail-');
  const state = path.join(tmp.dir, 'state');
  let firstRunId = '';

  beforeAll(async () => {
    const inbox = writeInbox(tmp.dir, 'inbox-0', companyFiles());
    const first = await runCli(refreshArgs(state, inbox), { timeoutMs: 60_000 });
    expect(first.code, first.stderr).toBe(0);
    firstRunId = (JSON.parse(first.stdout) as { runId: string }).runId;
  }, 90_000);
  afterEach(() => killAll());
  afterAll(async () => {
    await killAll();
    tmp.cleanup();
  });

  it('a file missing a required column: exit 1 naming file and column, nothing published, then a good inbox succeeds', async () => {
    const before = published(state);
    const manifestBefore = manifest(state);
    const bad = writeInbox(tmp.dir, 'inbox-bad', withoutOfferStatus());
    const failed = await runCli(refreshArgs(state, bad), { timeoutMs: 60_000 });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toBe('');
    const offersFile = path.join(bad, 'offers.csv');
    expect(failed.stderr).toContain(`error: refused 1 file(s), nothing published: ${offersFile}: unknown file shape: closest entity is offers, missing required column status`);
    const failedEvent = failed.events.find((e) => e.event === 'failed');
    expect(failedEvent).toMatchObject({ phase: 'ingest' });
    expect(String(failedEvent?.error)).toContain('missing required column status');
    expect(failed.events.some((e) => e.event === 'phase' && e.phase === 'metrics')).toBe(false);

    expect(published(state)).toEqual(before);
    expect(manifest(state)).toEqual(manifestBefore);
    expect(lockHolder(state)).toBeUndefined();

    const runs = await history(state);
    const last = runs.at(-1)!;
    expect(last).toMatchObject({ command: 'refresh', status: 'failed' });
    expect(last.error).toContain(`ingest: refused 1 file(s), nothing published: ${offersFile}: unknown file shape: closest entity is offers, missing required column status`);
    expect(last.durationSeconds).toBeGreaterThan(0);
    const leftover = last.runId;

    // The next refresh, with a good inbox (one more offer and one quarantined row), succeeds.
    const good = writeInbox(tmp.dir, 'inbox-good', withOneBadRow(withExtraOffers(1)));
    const ok = await runCli(refreshArgs(state, good), { timeoutMs: 60_000 });
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ status: 'ok', files: 6, rowsRejected: 1 });
    expect(manifest(state).rows.offers).toBe(baseOffers + 1);
    expect(published(state).current).not.toBe(before.current);
    expect(generations(state)).not.toContain(leftover);
  }, 120_000);

  it('history --json lists every run with duration, files, rows, rejects, outcome and error', async () => {
    const runs = await history(state);
    expect(runs.map((r) => [r.command, r.status])).toEqual([
      ['refresh', 'ok'],
      ['refresh', 'failed'],
      ['refresh', 'ok'],
    ]);
    const [first, failed, good] = runs as [(typeof runs)[0], (typeof runs)[0], (typeof runs)[0]];
    const fixtureRows = Object.values(companyFiles()).reduce((n, text) => n + text.trimEnd().split('\n').length - 1, 0);
    expect(first).toMatchObject({ runId: firstRunId, files: 6, rowsRead: fixtureRows, rowsLoaded: fixtureRows, rowsRejected: 0 });
    expect(first.error).toBeUndefined();
    expect(failed.error).toMatch(/^ingest: refused 1 file\(s\).*offers\.csv.*missing required column status; vendor shapes tried: /);
    // The second good inbox repeats five files byte for byte (skipped, nothing read); only offers.csv is
    // new: the 95 fixture offers, one more offer and one quarantined row.
    expect(good).toMatchObject({ files: 6, rowsRead: baseOffers + 2, rowsLoaded: baseOffers + 1, rowsRejected: 1 });
    for (const run of runs) {
      expect(run.durationSeconds).toBeGreaterThan(0);
      expect(run.durationSeconds).toBeLessThan(120);
      expect(Date.parse(run.finishedAt!) - Date.parse(run.startedAt)).toBeCloseTo(run.durationSeconds! * 1000, -1);
    }
    expect(good.generation).toBe(good.runId);

    const human = await runCli(['history', '--state', state], { timeoutMs: 20_000 });
    expect(human.code).toBe(0);
    const lines = human.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^run\s+command\s+started\s+seconds\s+outcome\s+files\s+rows loaded\s+rejected\s+error$/);
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/\bfailed\b.*ingest: refused 1 file/);
  }, 60_000);

  it('a corrupted warehouse: refresh exits 1 pointing at `rebuild`, the site is untouched; rebuild restores the metrics', async () => {
    const warehouse = path.join(state, 'warehouse.duckdb');
    const expectedMetrics = await metrics(warehouse);
    const rowsBefore = manifest(state).rows;
    const file = realpathSync(warehouse);
    expect(file).toMatch(/\/state\/gens\/[^/]+\/warehouse\.duckdb$/);
    const garbage = Buffer.alloc(statSync(file).size, 'not a duckdb file ');
    writeFileSync(file, garbage);
    const before = published(state);

    const failed = await runCli(refreshArgs(state, writeInbox(tmp.dir, 'inbox-3', withExtraOffers(3))), { timeoutMs: 60_000 });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/error: the warehouse cannot be opened \(.+\); it may be corrupted — run `hirescope rebuild` to recreate it from the archive/);
    expect(published(state)).toEqual(before); // dist identical, the (garbage) warehouse not touched either
    expect(readFileSync(file).equals(garbage)).toBe(true);
    expect((await history(state)).at(-1)).toMatchObject({ status: 'failed', error: expect.stringMatching(/^prepare: the warehouse cannot be opened/) });

    const rebuilt = await runCli(refreshArgs(state, path.join(tmp.dir, 'inbox-bad'), 'rebuild'), { timeoutMs: 60_000 });
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(JSON.parse(rebuilt.stdout)).toMatchObject({ command: 'rebuild', source: 'archive', status: 'ok', rowsRejected: 1 });
    expect(published(state).current).not.toBe(before.current);
    expect(manifest(state).rows).toEqual(rowsBefore);
    expect(await metrics(warehouse)).toEqual(expectedMetrics);
    expect(existsSync(path.join(state, 'state', 'refresh.lock'))).toBe(false);
  }, 120_000);
});
