/**
 * No side effects on other trees, and bounded disk (issue 16), with real CLI processes on a warehouse
 * outside the repository: `refresh --db <tmp>/site/w.duckdb` puts its state, archive and site beside it
 * and leaves the repository's own `dist` link as it was; with `retention.archiveRuns` 2 and
 * `retention.generations` 2, four refreshes keep 2 generations and prune the offers exports that later
 * ones replaced; `rebuild` from what is left gives the same warehouse; `status` shows the disk used.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openWarehouse } from '../../pipelines/lib/duckdb.ts';
import { formatBytes } from '../../pipelines/lib/output.ts';
import { readArchiveIndex, type ArchiveEntry } from '../../pipelines/refresh/archive.ts';
import { bytesUnder } from '../../pipelines/refresh/state.ts';
import { killAll, runCli, type CliResult } from '../helpers/processes.ts';
import { repoRoot, tempDir } from '../helpers/tmp.ts';
import { companyFiles, withExtraOffers, writeInbox } from './inboxes.ts';

const tables = ['jobs', 'openings', 'applications', 'stage_history', 'offers', 'compensation', 'benchmarks', 'fx_rates'];

/** The repository's dist: where its link points, a real folder, or absent. */
function repoDist(): string {
  const dist = path.join(repoRoot, 'dist');
  const stat = lstatSync(dist, { throwIfNoEntry: false });
  if (!stat) return 'absent';
  return stat.isSymbolicLink() ? `link:${readlinkSync(dist)}` : 'folder';
}

/** Every entity table's row count and a checksum of its rows (the ledger column _file_id left out). */
async function contents(db: string): Promise<Record<string, { rows: number; md5: string }>> {
  const warehouse = await openWarehouse(db);
  try {
    const out: Record<string, { rows: number; md5: string }> = {};
    for (const table of tables) {
      // `table` comes from the fixed list above.
      const row = await warehouse.maybeOne<{ rows: number; md5: string }>(
        `SELECT count(*)::INTEGER AS rows, md5(coalesce(string_agg(x::VARCHAR, '|' ORDER BY x::VARCHAR), '')) AS md5
         FROM (SELECT * EXCLUDE (_file_id) FROM ${table}) x`,
      );
      out[table] = row!;
    }
    return out;
  } finally {
    warehouse.close();
  }
}

function record(result: CliResult): Record<string, unknown> {
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

describe('a refresh on another warehouse: nothing outside its folder, bounded disk', () => {
  const tmp = tempDir('hs-disk-');
  const site = path.join(tmp.dir, 'site');
  const db = path.join(site, 'w.duckdb');
  const config = path.join(tmp.dir, 'hirescope.config.json');
  // Canonical files are whole exports here, so a later offers.csv replaces the earlier ones.
  writeFileSync(config, JSON.stringify({ fullExports: true, retention: { generations: 2, archiveRuns: 2 } }));
  const args = (command: 'refresh' | 'rebuild', inbox: string) => [command, '--db', db, '--config', config, '--inbox', inbox, '--as-of', '2026-06-30', '--log', 'json', '--json'];
  const before = repoDist();
  const runIds: string[] = [];

  afterAll(async () => {
    await killAll();
    // Should the repository's dist have been moved (the defect), put it back as it was.
    const dist = path.join(repoRoot, 'dist');
    if (repoDist() !== before && lstatSync(dist, { throwIfNoEntry: false })?.isSymbolicLink()) {
      rmSync(dist);
      if (before.startsWith('link:')) symlinkSync(before.slice(5), dist);
    }
    tmp.cleanup();
  });

  it('refresh --db puts state, archive and site beside the warehouse; the repository dist is untouched', async () => {
    const run = record(await runCli(args('refresh', writeInbox(tmp.dir, 'inbox-1', companyFiles())), { timeoutMs: 150_000 }));
    runIds.push(String(run.runId));
    expect(run).toMatchObject({ status: 'ok', source: 'inbox', files: 6, dist: path.join(site, 'dist'), warehouse: db });
    expect(repoDist()).toBe(before);
    expect(readlinkSync(path.join(site, 'dist'))).toBe(path.join('state', 'current', 'dist'));
    expect(realpathSync(path.join(site, 'dist'))).toBe(path.join(site, 'state', 'gens', runIds[0]!, 'dist'));
    expect(existsSync(path.join(site, 'dist', 'index.html'))).toBe(true);
    expect(readdirSync(site).sort()).toEqual(['archive', 'dist', 'state', 'w.duckdb']);
    // The 6 fixture files were loaded as whole exports (fullExports), nothing quarantined; carried = the optional
    // columns each file lacks (issue 18's owners and decline reason, issue 19's roster columns), nothing else.
    const index = readArchiveIndex(path.join(site, 'archive')).filter((l): l is ArchiveEntry => !('cleanStart' in l));
    const lacking: Record<string, string[]> = {
      jobs: ['recruiter', 'hiring_manager'],
      offers: ['decline_reason'],
      compensation: ['gender', 'hours_per_week', 'fte', 'variable_pay', 'category', 'hire_date'],
    };
    expect(index.map((l) => [l.kind, l.whole, l.rowsRejected, l.carried])).toEqual(
      ['jobs', 'openings', 'applications', 'stage_history', 'offers', 'compensation'].map((kind) => [kind, true, 0, lacking[kind] ?? []]),
    );
  }, 180_000);

  it('three more refreshes with a new offers export each: 2 generations kept, offers of runs 1 and 2 pruned', async () => {
    for (const [n, extra] of [[2, 3], [3, 5], [4, 7]] as const) {
      const run = record(await runCli(args('refresh', writeInbox(tmp.dir, `inbox-${n}`, withExtraOffers(extra))), { timeoutMs: 150_000 }));
      runIds.push(String(run.runId));
      // offers.csv loads (95 + extra rows); the 5 other files are identical to the current export: skipped.
      expect(run).toMatchObject({ status: 'ok', files: 6, rowsLoaded: 95 + extra });
    }
    expect(repoDist()).toBe(before);
    expect(readdirSync(path.join(site, 'state', 'gens')).sort()).toEqual(runIds.slice(2).sort());
    // Kept: runs 3 and 4 (the window) and run 1's five other tables (rebuild needs them); run 1's and
    // run 2's offers went: 1 clean start + 5 + 1 + 1 = 8 lines.
    const index = readArchiveIndex(path.join(site, 'archive'));
    expect(index.map((l) => ('cleanStart' in l ? `${l.runId}:start` : `${l.runId}:${l.name}`))).toEqual([
      `${runIds[0]}:start`,
      ...['jobs', 'openings', 'applications', 'stage_history', 'compensation'].map((t) => `${runIds[0]}:${t}.csv`),
      `${runIds[2]}:offers.csv`,
      `${runIds[3]}:offers.csv`,
    ]);
    // Every file left (7 content folders + index.jsonl) is named by the index.
    expect(readdirSync(path.join(site, 'archive'))).toHaveLength(8);
  }, 600_000);

  it('rebuild replays only what is needed (6 files) and gives the same warehouse, table by table', async () => {
    const published = await contents(db);
    // 4 + 84 + 95 + 285 + 28 rows of run 1 and 95 + 7 offers of run 4 (test/refresh/sample.test.ts counts).
    expect(Object.fromEntries(tables.map((t) => [t, published[t]!.rows]))).toEqual({
      jobs: 4, openings: 84, applications: 95, stage_history: 285, offers: 102, compensation: 28, benchmarks: 0, fx_rates: 0,
    });
    const run = record(await runCli(args('rebuild', path.join(tmp.dir, 'no-inbox')), { timeoutMs: 150_000 }));
    expect(run).toMatchObject({ status: 'ok', source: 'archive', files: 6, rowsLoaded: 4 + 84 + 95 + 285 + 28 + 102 });
    expect(await contents(db)).toEqual(published);
    expect(repoDist()).toBe(before);
  }, 180_000);

  it('status shows the disk used by the state and the archive: exact bytes in --json, readable in text', async () => {
    const json = record(await runCli(['status', '--db', db, '--json'], { timeoutMs: 60_000 }));
    const stateBytes = bytesUnder(path.join(site, 'state'));
    const archiveBytes = bytesUnder(path.join(site, 'archive'));
    expect(stateBytes).toBeGreaterThan(0);
    expect(archiveBytes).toBeGreaterThan(0);
    expect((json.refresh as { disk: unknown }).disk).toEqual({ stateBytes, archiveBytes, generations: 2 });
    const text = await runCli(['status', '--db', db], { timeoutMs: 60_000 });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`disk: state ${formatBytes(stateBytes)} (2 generation(s)), archive ${formatBytes(archiveBytes)}`);
  }, 120_000);
});
