/**
 * Raw inputs archived per run, content-addressed (DESIGN §8): data/archive/<sha256>/<file name>. A file
 * delivered again costs nothing; `rebuild` replays the ledger from the archive alone. The index
 * (data/archive/index.jsonl) names what each published run loaded; retention (config `retention`)
 * keeps the exports of the last runs and whatever `rebuild` needs, and prunes the rest.
 */
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DataOrigin } from '../contract/snapshot.ts';

/** Path of an archived file. */
export function archivedPath(archiveDir: string, sha256: string, name: string): string {
  return path.join(archiveDir, sha256, path.basename(name));
}

/**
 * Copy a file into the archive unless the same content is already there; returns the archived path. A
 * file already there is touched: its time says it belongs to this run too (retention keeps recent ones).
 */
export function archiveFile(archiveDir: string, file: string, sha256: string): string {
  const target = archivedPath(archiveDir, sha256, file);
  if (existsSync(target)) {
    try {
      const now = new Date();
      utimesSync(target, now, now);
    } catch {
      // not ours to touch (another owner): it is kept the same while an index line names it
    }
    return target;
  }
  mkdirSync(path.dirname(target), { recursive: true });
  const temporary = `${target}.tmp-${process.pid}`;
  copyFileSync(file, temporary);
  renameSync(temporary, target);
  return target;
}

/**
 * A file a published run loaded. Since issue 16 also what rebuild and pruning need to know (FileResult):
 * the table it loaded into (`kind`), whether it was a whole export, its quarantined rows and the columns
 * it lacked (`carried`: their loaded values were kept). A line without them is never taken as superseded.
 */
export interface ArchiveEntry {
  sha256: string;
  name: string;
  runId: string;
  kind?: string | null;
  whole?: boolean;
  rowsRejected?: number;
  carried?: readonly string[];
}

/**
 * A line of the archive index written before the files of a run that started from an empty warehouse:
 * `rebuild` replays only the files after the last one, so a sample run is never replayed before a real
 * one, nor anything before a `reset`.
 */
export interface CleanStartEntry {
  cleanStart: true;
  runId: string;
  data: DataOrigin;
}

export type IndexLine = ArchiveEntry | CleanStartEntry;

export function archiveIndexFile(archiveDir: string): string {
  return path.join(archiveDir, 'index.jsonl');
}

/** Loaded files of every run, in the order they were ingested, and the clean starts between them. */
export function readArchiveIndex(archiveDir: string): IndexLine[] {
  const file = archiveIndexFile(archiveDir);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as IndexLine];
      } catch {
        return [];
      }
    });
}

const isFile = (line: IndexLine): line is ArchiveEntry => !('cleanStart' in line);

/**
 * Whether `file`, a whole export, leaves nothing of the `earlier` files of its kind in the warehouse:
 * no row quarantined (the old version of such a row stays) and every column it lacks lacked by all of
 * them too (a lacking column keeps the loaded value, DESIGN §8).
 */
function replacesEarlier(file: ArchiveEntry, earlier: readonly ArchiveEntry[]): boolean {
  const carried = file.carried;
  if (file.whole !== true || file.rowsRejected !== 0 || !carried) return false;
  return earlier.every((e) => e.carried !== undefined && carried.every((column) => e.carried!.includes(column)));
}

/**
 * The files `rebuild` must replay to give the same warehouse, in order: since the last clean start,
 * every file except those of a kind that a later whole export replaced entirely (snapshot semantics,
 * DESIGN §8; replacesEarlier) — kept all the same is an earlier FX rates file while a file of another
 * kind loaded between it and its replacement is replayed (currencies are checked against the rates
 * loaded at the time). Lines without a kind (written before issue 16) are always replayed.
 */
export function neededForRebuild(lines: readonly IndexLine[]): ArchiveEntry[] {
  const files = lines.slice(lines.findLastIndex((line) => 'cleanStart' in line) + 1).filter(isFile);
  const runIndex = new Map<string, number>();
  for (const file of files) if (!runIndex.has(file.runId)) runIndex.set(file.runId, runIndex.size);
  const run = (file: ArchiveEntry) => runIndex.get(file.runId)!;
  // Per kind, the run of the latest export that replaced every earlier file of the kind.
  const replacedIn = new Map<string, number>();
  for (const kind of new Set(files.map((f) => f.kind).filter((k): k is string => typeof k === 'string'))) {
    const ofKind = files.filter((f) => f.kind === kind);
    const last = ofKind.findLastIndex((file, i) => replacesEarlier(file, ofKind.slice(0, i)));
    if (last > 0) replacedIn.set(kind, run(ofKind[last]!));
  }
  const superseded = (file: ArchiveEntry) => typeof file.kind === 'string' && run(file) < (replacedIn.get(file.kind) ?? -1);
  const others = files.filter((file) => !superseded(file));
  return files.filter(
    (file) =>
      !superseded(file) ||
      (file.kind === 'fx_rates' && others.some((o) => o.kind !== 'fx_rates' && run(o) >= run(file) && run(o) < replacedIn.get('fx_rates')!)),
  );
}

export interface PruneResult {
  /** Archived files removed (paths), and their bytes. */
  readonly removed: string[];
  readonly bytes: number;
  /** Index lines dropped with them. */
  readonly lines: number;
}

/** The start of a run from its id (`YYYYMMDD-HHMMSS-pid`, UTC), or undefined for another shape. */
function runStart(runId: string): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})/.exec(runId);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
}

/**
 * Archive retention (config `retention.archiveRuns`): keep the files of the last `runs` runs of the
 * index and every file `rebuild` needs (neededForRebuild); remove the rest, and the index lines naming
 * them. Files no line names (archived by a run that failed, or not loaded) go once they are older than
 * the oldest run kept. Call under the lock, after a publish.
 */
export function pruneArchive(archiveDir: string, { runs }: { runs: number }): PruneResult {
  const lines = readArchiveIndex(archiveDir);
  const runIds = [...new Set(lines.map((line) => line.runId))];
  const window = new Set(runIds.slice(-runs));
  const needed = new Set(neededForRebuild(lines));
  const lastStart = lines.findLast((line) => 'cleanStart' in line);
  const kept = lines.filter((line) => window.has(line.runId) || (isFile(line) ? needed.has(line) : line === lastStart));
  const where = (entry: ArchiveEntry) => archivedPath(archiveDir, entry.sha256, entry.name);
  const keep = new Set(kept.filter(isFile).map(where));
  const indexed = new Set(lines.filter(isFile).map(where));
  const oldest = runIds.length ? runStart(runIds[Math.max(0, runIds.length - runs)]!) : undefined;
  if (kept.length < lines.length) {
    const file = archiveIndexFile(archiveDir);
    const temporary = `${file}.tmp-${process.pid}`;
    writeFileSync(temporary, kept.map((line) => `${JSON.stringify(line)}\n`).join(''));
    renameSync(temporary, file);
  }
  const removed: string[] = [];
  let bytes = 0;
  if (!existsSync(archiveDir)) return { removed, bytes, lines: 0 };
  for (const dir of readdirSync(archiveDir, { withFileTypes: true })) {
    if (!dir.isDirectory() || !/^[0-9a-f]{64}$/.test(dir.name)) continue;
    const folder = path.join(archiveDir, dir.name);
    for (const name of readdirSync(folder)) {
      const file = path.join(folder, name);
      if (keep.has(file)) continue;
      const stat = lstatSync(file);
      if (!indexed.has(file) && (oldest === undefined || stat.mtimeMs >= oldest)) continue;
      rmSync(file, { recursive: true, force: true });
      removed.push(file);
      bytes += stat.size;
    }
    if (readdirSync(folder).length === 0) rmdirSync(folder);
  }
  return { removed, bytes, lines: lines.length - kept.length };
}
