/**
 * Sample and real data never share a warehouse (issue 14). Each published generation says in its
 * snapshot manifest what its warehouse holds (`data`: sample, real or empty) and when it was last
 * started empty (`cleanStart`). A refresh reads that to decide whether to copy the published warehouse
 * or to start a clean one, and the archive index marks every clean start, so `rebuild` replays only the
 * files loaded since the last one.
 */
import { existsSync, lstatSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { Warehouse } from '../lib/duckdb.ts';
import type { CleanStart, DataOrigin } from '../contract/snapshot.ts';
import { readRuns } from './runs.ts';
import { currentId, generation, type StateLayout } from './state.ts';

export interface PublishedOrigin {
  /** `none`: nothing published yet (a plain warehouse file left by `hirescope ingest` may be there). */
  readonly data: DataOrigin | 'none';
  readonly cleanStart: CleanStart | null;
  /** A plain (non-symlink) warehouse file at the warehouse path, written by `hirescope ingest`. */
  readonly plainWarehouse: boolean;
}

/**
 * What the published generation holds. Generations published before manifests carried `data` are
 * judged by the run history: the last successful run loaded the bundled sample, or it did not.
 */
export function publishedOrigin(layout: StateLayout): PublishedOrigin {
  const link = lstatSync(layout.warehouseLink, { throwIfNoEntry: false });
  const plainWarehouse = link !== undefined && !link.isSymbolicLink();
  const id = currentId(layout);
  const manifestFile = id === undefined ? undefined : path.join(generation(layout, id).snapshot, 'manifest.json');
  if (manifestFile === undefined || !existsSync(manifestFile)) return { data: 'none', cleanStart: null, plainWarehouse };
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { data?: DataOrigin; cleanStart?: CleanStart | null };
  if (manifest.data) return { data: manifest.data, cleanStart: manifest.cleanStart ?? null, plainWarehouse };
  const lastOk = readRuns(layout.runsFile)
    .filter((r) => r.status === 'ok')
    .at(-1);
  return { data: lastOk?.source === 'sample' ? 'sample' : 'real', cleanStart: null, plainWarehouse };
}

/**
 * True when `db` is (a link to) the warehouse of a published generation that holds the bundled sample:
 * `hirescope ingest` refuses it, so real rows are never loaded on top of the sample by hand either.
 */
export function isSampleWarehouse(db: string): boolean {
  let real: string;
  try {
    real = realpathSync(db);
  } catch {
    return false;
  }
  const manifestFile = path.join(path.dirname(real), 'snapshot', 'manifest.json');
  if (!existsSync(manifestFile)) return false;
  try {
    return (JSON.parse(readFileSync(manifestFile, 'utf8')) as { data?: string }).data === 'sample';
  } catch {
    return false;
  }
}

/** True when the warehouse has loaded at least one file (a plain warehouse may hold only the schema). */
export async function holdsLoadedFiles(warehouse: Warehouse): Promise<boolean> {
  const table = await warehouse.maybeOne<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'ingest_files'`,
  );
  if (!table?.n) return false;
  const loaded = await warehouse.maybeOne<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ingest_files WHERE status = 'loaded'`);
  return (loaded?.n ?? 0) > 0;
}

/** What one refresh will do, decided from the published origin, the inbox and the command. */
export interface RunPlan {
  /** Where the inputs come from: the inbox, the bundled sample, the archive, or none (`warehouse`: nothing new; `reset`). */
  readonly source: 'inbox' | 'sample' | 'archive' | 'warehouse' | 'reset';
  /** Start from an empty warehouse instead of a copy of the published one. */
  readonly clean: boolean;
  /** Why a clean start is announced (log, run record, Data quality page); undefined when none is. */
  readonly announce?: string | undefined;
}

export const cleanStartReasons = {
  sampleReplaced: 'real exports arrived, so the bundled sample was cleared instead of mixed with them',
  fresh: 'cleared by refresh --fresh',
  reset: 'cleared by hirescope reset (the archive is kept)',
} as const;

/**
 * The refresh rules (README "Sample data and your data"):
 * - exports in the inbox on a sample warehouse: a clean warehouse, announced;
 * - exports on any other: copied and added to, as always;
 * - no exports on a warehouse holding real data (published as real, or files loaded into an empty or
 *   unpublished one by `hirescope ingest`): refreshed on what it holds, never the sample;
 * - no exports otherwise: the sample, alone in a clean warehouse.
 * `fresh` starts clean whatever the warehouse holds.
 */
export function planRefresh(origin: DataOrigin | 'none', hasExports: boolean, holdsReal: boolean, fresh: boolean): RunPlan {
  if (hasExports) {
    if (fresh) return { source: 'inbox', clean: true, announce: cleanStartReasons.fresh };
    if (origin === 'sample') return { source: 'inbox', clean: true, announce: cleanStartReasons.sampleReplaced };
    return { source: 'inbox', clean: false };
  }
  if (holdsReal && !fresh) return { source: 'warehouse', clean: false };
  return { source: 'sample', clean: true, announce: fresh && origin !== 'sample' ? cleanStartReasons.fresh : undefined };
}
