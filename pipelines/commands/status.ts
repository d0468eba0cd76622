/** `hirescope status`: tables and row counts, the last run, data freshness. */
import type { Warehouse } from '../lib/duckdb.ts';
import { formatBytes, formatTable, type Output } from '../lib/output.ts';
import { entityNames } from '../ingest/entities.ts';
import { ensureSchema } from '../ingest/schema.ts';
import { newestEvent } from '../metrics/asOf.ts';
import { readStateRuns, type RunRecord } from '../refresh/runs.ts';
import { currentId, diskUse, stateLayout, type StateLayout } from '../refresh/state.ts';
import { repoRoot } from '../refresh/index.ts';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Refresh state next to the warehouse: the published generation and the run history. */
export function readRefreshStatus(layout: StateLayout, latestDataAt: string | null, now = new Date()): RefreshStatus {
  const id = currentId(layout);
  const manifestFile = path.join(layout.current, 'snapshot', 'manifest.json');
  let published: RefreshStatus['published'] = null;
  if (id && existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { asOf: string; refreshedAt: string };
    published = { generation: id, asOf: manifest.asOf, refreshedAt: manifest.refreshedAt };
  }
  const runs = readStateRuns(layout);
  const failed = runs.filter((r) => r.status === 'failed' || r.status === 'interrupted').at(-1);
  return {
    published,
    lastRun: runs.at(-1) ?? null,
    lastError: failed ? { runId: failed.runId, startedAt: failed.startedAt, error: failed.error ?? `run ${failed.status}` } : null,
    dataAgeDays: latestDataAt ? Math.floor((now.getTime() - Date.parse(latestDataAt)) / 86_400_000) : null,
    disk: diskUse(layout),
  };
}

export interface RefreshStatus {
  /** The published generation, its data date and when it was refreshed (from its manifest). */
  published: { generation: string; asOf: string; refreshedAt: string } | null;
  lastRun: RunRecord | null;
  lastError: { runId: string; startedAt: string; error: string } | null;
  /** Days between the newest event in the data and today (UTC): how stale the dashboard is. */
  dataAgeDays: number | null;
  /** Bytes on disk: the state folder (generations, run history) and the archive; generations kept (config `retention`). */
  disk: { stateBytes: number; archiveBytes: number; generations: number };
}

export interface Status {
  warehouse: string;
  tables: { name: string; rows: number }[];
  lastRun: { runId: number; command: string; startedAt: string; finishedAt: string | null; status: string; files: number; rowsRead: number; rowsLoaded: number; rowsRejected: number; error: string | null } | null;
  lastLoadAt: string | null;
  latestDataAt: string | null;
  rowsRejected: number;
  refresh: RefreshStatus;
}

/** `layout`: the refresh state beside the warehouse (layoutFor its --db); default the repository's. */
export async function readStatus(warehouse: Warehouse, layout: StateLayout = stateLayout(repoRoot)): Promise<Status> {
  await ensureSchema(warehouse);
  const tables = [];
  for (const name of entityNames) {
    // `name` comes from the fixed entity list, never from input.
    const row = await warehouse.maybeOne<{ rows: number }>(`SELECT count(*)::INTEGER AS rows FROM ${name}`);
    tables.push({ name, rows: row?.rows ?? 0 });
  }
  const lastRun = await warehouse.maybeOne<Status['lastRun'] & object>(
    `SELECT run_id AS runId, command, hs_iso(started_at) AS startedAt,
       hs_iso(finished_at) AS finishedAt, status, files, rows_read::INTEGER AS rowsRead,
       rows_loaded::INTEGER AS rowsLoaded, rows_rejected::INTEGER AS rowsRejected, error
     FROM ingest_runs ORDER BY run_id DESC LIMIT 1`,
  );
  const fresh = await warehouse.maybeOne<{ lastLoadAt: string | null; rejected: number }>(
    `SELECT (SELECT hs_iso(max(ingested_at)) FROM ingest_files WHERE status = 'loaded') AS lastLoadAt,
       (SELECT count(*)::INTEGER FROM rejected_rows) AS rejected`,
  );
  const newest = await newestEvent(warehouse);
  return {
    warehouse: warehouse.path,
    tables,
    lastRun: lastRun ?? null,
    lastLoadAt: fresh?.lastLoadAt ?? null,
    latestDataAt: newest?.at ?? null,
    rowsRejected: fresh?.rejected ?? 0,
    refresh: readRefreshStatus(layout, newest?.at ?? null),
  };
}

/** `layout`: the state the warehouse belongs to (layoutFor its --db), whose runs and generation are shown. */
export async function statusCommand(warehouse: Warehouse, out: Output, layout?: StateLayout): Promise<number> {
  const status = await readStatus(warehouse, layout);
  if (out.isJson) {
    out.json(status);
    return 0;
  }
  out.info(`warehouse: ${status.warehouse}`);
  out.info(formatTable(['table', 'rows'], status.tables.map((t) => [t.name, t.rows])));
  const run = status.lastRun;
  out.info(run ? `last run: #${run.runId} ${run.command} ${run.status} at ${run.startedAt} (${run.files} files, ${run.rowsLoaded} rows loaded, ${run.rowsRejected} rejected)` : 'last run: none');
  if (run?.error) out.info(`last error: ${run.error}`);
  out.info(`last load: ${status.lastLoadAt ?? 'never'}; newest event in the data: ${status.latestDataAt ?? 'none'}`);
  out.info(`quarantined rows: ${status.rowsRejected}`);
  const refresh = status.refresh;
  out.info(
    refresh.published
      ? `dashboard: generation ${refresh.published.generation}, data as of ${refresh.published.asOf}, refreshed ${refresh.published.refreshedAt}`
      : 'dashboard: not published yet (run `hirescope refresh`)',
  );
  if (refresh.dataAgeDays !== null) out.info(`freshness: the newest event is ${refresh.dataAgeDays} day(s) old`);
  const disk = refresh.disk;
  out.info(`disk: state ${formatBytes(disk.stateBytes)} (${disk.generations} generation(s)), archive ${formatBytes(disk.archiveBytes)}`);
  if (refresh.lastError) out.info(`last failed run: ${refresh.lastError.runId} at ${refresh.lastError.startedAt}: ${refresh.lastError.error}`);
  return 0;
}
