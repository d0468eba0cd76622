/**
 * Generations: each refresh builds a complete new warehouse, snapshot and site in a folder of its own,
 * data/state/gens/<id>/, and publishes it by replacing one symlink, data/state/current, in a single
 * rename. `data/warehouse.duckdb` and `dist/` are symlinks through `current`, so a refresh that fails or
 * is killed at any point leaves every one of them exactly as it was (DESIGN §8).
 */
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, realpathSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';

export interface StateLayout {
  /** data/state */
  readonly stateDir: string;
  /** data/state/gens */
  readonly gensDir: string;
  /** data/state/current (symlink to gens/<id>) */
  readonly current: string;
  /** data/warehouse.duckdb (symlink to state/current/warehouse.duckdb) */
  readonly warehouseLink: string;
  /** dist (symlink to data/state/current/dist) */
  readonly distLink: string;
  /** data/archive */
  readonly archiveDir: string;
  /** data/state/refresh.lock */
  readonly lockFile: string;
  /** data/state/runs.jsonl: every refresh, successful or not (it outlives failed generations) */
  readonly runsFile: string;
}

export function stateLayout(
  root: string,
  {
    dataDir = path.join(root, 'data'),
    distLink = path.join(root, 'dist'),
    warehouseLink = path.join(dataDir, 'warehouse.duckdb'),
  }: { dataDir?: string; distLink?: string; warehouseLink?: string } = {},
): StateLayout {
  const stateDir = path.join(dataDir, 'state');
  return {
    stateDir,
    gensDir: path.join(stateDir, 'gens'),
    current: path.join(stateDir, 'current'),
    warehouseLink,
    distLink,
    archiveDir: path.join(dataDir, 'archive'),
    lockFile: path.join(stateDir, 'refresh.lock'),
    runsFile: path.join(stateDir, 'runs.jsonl'),
  };
}

export interface Generation {
  readonly id: string;
  readonly dir: string;
  readonly warehouse: string;
  readonly snapshot: string;
  readonly dist: string;
}

export function generation(layout: StateLayout, id: string): Generation {
  const dir = path.join(layout.gensDir, id);
  return { id, dir, warehouse: path.join(dir, 'warehouse.duckdb'), snapshot: path.join(dir, 'snapshot'), dist: path.join(dir, 'dist') };
}

/**
 * The state and generation a warehouse path resolves into (<state>/gens/<id>/warehouse.duckdb: the
 * warehouse link of a refreshed state), or undefined for a plain file no refresh published.
 */
export function generationOf(db: string): { stateDir: string; id: string } | undefined {
  let real: string;
  try {
    real = realpathSync(db);
  } catch {
    return undefined;
  }
  const genDir = path.dirname(real);
  if (path.basename(path.dirname(genDir)) !== 'gens') return undefined;
  return { stateDir: path.dirname(path.dirname(genDir)), id: path.basename(genDir) };
}

/** The published generation's id, or undefined before the first refresh. */
export function currentId(layout: StateLayout): string | undefined {
  try {
    return path.basename(readlinkSync(layout.current));
  } catch {
    return undefined;
  }
}

/**
 * Start a new generation seeded with a copy of the current warehouse (or of a plain warehouse file left by
 * `hirescope ingest` before the first refresh), or empty for a rebuild. Nothing published is touched.
 */
export function startGeneration(layout: StateLayout, id: string, { empty = false }: { empty?: boolean } = {}): Generation {
  const next = generation(layout, id);
  rmSync(next.dir, { recursive: true, force: true });
  mkdirSync(next.dir, { recursive: true });
  const source = !empty && existsSync(layout.warehouseLink) ? layout.warehouseLink : undefined;
  if (source) {
    copyFileSync(source, next.warehouse);
    if (existsSync(`${source}.wal`)) copyFileSync(`${source}.wal`, `${next.warehouse}.wal`);
  }
  return next;
}

/** Replace `link` by a symlink to `target` atomically (a real file or folder there is moved aside once). */
function pointLink(link: string, target: string): void {
  const stat = lstatSync(link, { throwIfNoEntry: false });
  if (stat && !stat.isSymbolicLink()) renameSync(link, `${link}.before-hirescope-${Date.now()}`);
  const temporary = `${link}.tmp-${process.pid}`;
  rmSync(temporary, { force: true });
  symlinkSync(target, temporary);
  renameSync(temporary, link);
}

/**
 * Publish a complete generation: one rename of `current`. The warehouse and dist links point through
 * `current` and are only (re)created when missing or wrong, which changes nothing they resolve to.
 */
export function publish(layout: StateLayout, next: Generation): void {
  pointLink(layout.current, path.relative(layout.stateDir, next.dir));
  const warehouseTarget = path.relative(path.dirname(layout.warehouseLink), path.join(layout.current, 'warehouse.duckdb'));
  const distTarget = path.relative(path.dirname(layout.distLink), path.join(layout.current, 'dist'));
  if (readLink(layout.warehouseLink) !== warehouseTarget) pointLink(layout.warehouseLink, warehouseTarget);
  if (readLink(layout.distLink) !== distTarget) pointLink(layout.distLink, distTarget);
}

function readLink(link: string): string | undefined {
  try {
    return readlinkSync(link);
  } catch {
    return undefined;
  }
}

/** Marker written into a generation once everything in it is complete, just before it is published. */
export const completeMarker = 'COMPLETE';

/**
 * Remove generations other than the current one, keeping the `keep` newest complete ones (the previous
 * dashboards); leftovers of failed or killed refreshes (never complete) always go. Call under the lock.
 */
export function collectGenerations(layout: StateLayout, keep = 1): string[] {
  if (!existsSync(layout.gensDir)) return [];
  const current = currentId(layout);
  const others = readdirSync(layout.gensDir)
    .filter((id) => id !== current)
    .sort()
    .reverse();
  const complete = others.filter((id) => existsSync(path.join(layout.gensDir, id, completeMarker)));
  const kept = new Set(complete.slice(0, keep));
  const removed = others.filter((id) => !kept.has(id));
  for (const id of removed) rmSync(path.join(layout.gensDir, id), { recursive: true, force: true });
  return removed;
}

/** Bytes of the regular files under `dir` (symlinks not followed, so `current` is not counted twice); 0 when missing. */
export function bytesUnder(dir: string): number {
  const stat = lstatSync(dir, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.isFile() ? stat.size : 0;
  let total = 0;
  for (const name of readdirSync(dir)) total += bytesUnder(path.join(dir, name));
  return total;
}

/** Disk used by the generations (and run history) and by the archive of a layout (`status`). */
export function diskUse(layout: StateLayout): { stateBytes: number; archiveBytes: number; generations: number } {
  return {
    stateBytes: bytesUnder(layout.stateDir),
    archiveBytes: bytesUnder(layout.archiveDir),
    generations: existsSync(layout.gensDir) ? readdirSync(layout.gensDir).length : 0,
  };
}
