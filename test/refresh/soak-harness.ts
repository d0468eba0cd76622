/**
 * Measuring tools of the soak: a small tmpfs for the state (to fill it up), the bytes a state folder
 * holds, a refresh's peak memory, whether a published site is complete, and an order-independent
 * fingerprint of every table of a warehouse.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statfsSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

/** Mount a tmpfs of `megabytes` at `dir` (the soak runs as root, as CI does); returns its unmount. */
export function mountTmpfs(dir: string, megabytes: number): () => void {
  mkdirSync(dir, { recursive: true });
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir], { encoding: 'utf8' });
  if (mount.status !== 0) {
    throw new Error(`the soak puts its state on a ${megabytes} MB tmpfs to fill it up and needs root for that: mount said ${mount.stderr.trim()}`);
  }
  return () => {
    spawnSync('umount', ['-l', dir]);
  };
}

export function freeBytes(dir: string): number {
  const stats = statfsSync(dir);
  return stats.bavail * stats.bsize;
}

/** Apparent bytes of every file under `dir` (symlinks not followed): what state and archive hold. */
export function bytesUnder(dir: string): number {
  let total = 0;
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) total += lstatSync(full).size;
    }
  };
  if (existsSync(dir)) walk(dir);
  return total;
}

/**
 * Peak resident memory in KB of a command run under `/usr/bin/time -f %M -o FILE`: GNU time reports the
 * largest of the process and the children it waited for (the refresh and its `astro build`).
 */
export function peakRssKb(timeFile: string): number | undefined {
  if (!existsSync(timeFile)) return undefined;
  const last = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1) ?? '';
  const kb = Number(last.trim());
  return Number.isFinite(kb) && kb > 0 ? kb : undefined;
}

/** The one child of `pid` (the CLI under /usr/bin/time), or undefined when it has none yet. */
export function childOf(pid: number): number | undefined {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    return children.length ? Number(children[0]) : undefined;
  } catch {
    return undefined;
  }
}

/** The seven pages of the dashboard. */
export const pages = ['index.html', 'funnel/index.html', 'time-to-fill/index.html', 'offers/index.html', 'sources/index.html', 'pay-bands/index.html', 'data-quality/index.html'];

export interface SiteState {
  readonly generation: string;
  readonly problems: string[];
  readonly asOf?: string;
  readonly rows?: Record<string, number>;
}

/**
 * The published generation of a `--state` folder: its COMPLETE marker, every page of its site and a
 * manifest that parses; returns what is missing (nothing when complete), the manifest's asOf and rows.
 */
export function publishedSite(state: string): SiteState {
  const problems: string[] = [];
  let generation = '';
  try {
    generation = readlinkSync(path.join(state, 'state', 'current'));
  } catch {
    return { generation, problems: ['no current generation'] };
  }
  const dir = path.join(state, 'state', generation);
  if (!existsSync(path.join(dir, 'COMPLETE'))) problems.push(`${generation} has no COMPLETE marker`);
  for (const page of pages) if (!existsSync(path.join(state, 'dist', page))) problems.push(`dist/${page} is missing`);
  try {
    const manifest = JSON.parse(readFileSync(path.join(state, 'dist', 'data', 'manifest.json'), 'utf8')) as { asOf: string; rows: Record<string, number> };
    return { generation, problems, asOf: manifest.asOf, rows: manifest.rows };
  } catch (error) {
    problems.push(`dist/data/manifest.json: ${(error as Error).message}`);
    return { generation, problems };
  }
}

/** Bookkeeping of loads (which file, when, which run): different by nature after a rebuild. */
const ledgerTables = new Set(['ingest_files', 'ingest_runs', 'vendor_derivations']);
const lineageColumns = new Set(['_file_id', 'file_id', 'path', 'derived_at', 'ingested_at']);

export interface TableFingerprint {
  readonly rows: number;
  readonly checksum: string;
}

/**
 * Per table (the ledger left out): row count and the sum of the hash of each row (lineage columns left
 * out), which does not depend on the order of the rows.
 */
export async function fingerprint(file: string): Promise<Record<string, TableFingerprint>> {
  const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    const columns = await connection.runAndReadAll(
      "SELECT table_name, column_name FROM duckdb_columns() WHERE schema_name = 'main' AND NOT internal ORDER BY table_name, column_index",
    );
    const byTable = new Map<string, string[]>();
    for (const [table, column] of columns.getRows() as [string, string][]) {
      if (ledgerTables.has(table) || lineageColumns.has(column)) continue;
      byTable.set(table, [...(byTable.get(table) ?? []), column]);
    }
    const out: Record<string, TableFingerprint> = {};
    for (const [table, names] of [...byTable].sort()) {
      // Identifiers come from the warehouse's own catalogue, quoted.
      const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
      const result = await connection.runAndReadAll(
        `SELECT count(*)::INTEGER, coalesce(sum(hash(row(${names.map(quote).join(', ')}))), 0)::VARCHAR FROM ${quote(table)}`,
      );
      const [rows, checksum] = result.getRows()[0] as [number, string];
      out[table] = { rows, checksum };
    }
    return out;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
