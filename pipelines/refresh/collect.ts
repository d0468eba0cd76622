/**
 * Self-healing runs (issue 16): every refresh, rebuild and reset, once it holds the lock and before
 * anything else, removes what earlier failed or killed runs left — generations that never completed,
 * scratch builds and build caches, partial archive copies, lock drafts and temporary links — so that
 * freeing the disk (or fixing a permission) is enough for the next run to succeed.
 */
import { existsSync, lstatSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { removeOrphanBuilds } from './index.ts';
import { completeMarker, currentId, type StateLayout } from './state.ts';

export interface Collected {
  /** Generation folders that never completed (failed or killed runs). */
  generations: number;
  /** Scratch builds (data/.builds/<pid>-<n>) and `*.build-cache` folders of dead runs. */
  builds: number;
  /** Partial archive copies (`<sha>/<name>.tmp-<pid>`) and empty archive folders. */
  archive: number;
  /** Lock drafts, stale locks moved aside and temporary links (`current.tmp-<pid>`...). */
  files: number;
  /** Bytes freed (apparent sizes). */
  bytes: number;
}

/** Bytes of a file or folder (apparent sizes; symlinks count as themselves). */
export function sizeOf(target: string): number {
  const stat = lstatSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.size;
  let total = 0;
  for (const name of readdirSync(target)) total += sizeOf(path.join(target, name));
  return total;
}

function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Remove what failed or killed runs left in `layout`. Call under the lock. */
export function collectLeftovers(layout: StateLayout): Collected {
  const collected: Collected = { generations: 0, builds: 0, archive: 0, files: 0, bytes: 0 };
  const remove = (target: string, kind: Exclude<keyof Collected, 'bytes'>) => {
    const bytes = sizeOf(target);
    rmSync(target, { recursive: true, force: true });
    collected[kind]++;
    collected.bytes += bytes;
  };

  // Generations: the current one and complete ones (earlier dashboards, kept by collectGenerations) stay.
  const current = currentId(layout);
  for (const id of list(layout.gensDir)) {
    const dir = path.join(layout.gensDir, id);
    if (id === current) continue;
    if (!existsSync(path.join(dir, completeMarker))) remove(dir, 'generations');
  }
  for (const id of list(layout.gensDir)) {
    for (const name of list(path.join(layout.gensDir, id))) if (name.endsWith('.build-cache')) remove(path.join(layout.gensDir, id, name), 'builds');
  }
  removeOrphanBuilds((folder) => {
    collected.builds++;
    collected.bytes += sizeOf(folder);
  });

  // Archive: copies cut short (`.tmp-<pid>`, renamed into place only when complete), then empty folders.
  for (const sha of list(layout.archiveDir)) {
    const dir = path.join(layout.archiveDir, sha);
    if (!/^[0-9a-f]{64}$/.test(sha) || !lstatSync(dir).isDirectory()) continue;
    for (const name of list(dir)) {
      const pid = /\.tmp-(\d+)$/.exec(name)?.[1];
      if (pid !== undefined && Number(pid) !== process.pid) remove(path.join(dir, name), 'archive');
    }
    if (list(dir).length === 0) {
      rmdirSync(dir);
      collected.archive++;
    }
  }

  // Lock drafts and stale locks moved aside by a contender that died there; temporary links of a swap.
  const lockName = path.basename(layout.lockFile);
  for (const name of list(layout.stateDir)) {
    const pid = new RegExp(`^${lockName.replace('.', '\\.')}\\.(?:(\\d+)\\.draft|stale-(\\d+))$`).exec(name);
    if (pid && !pidAlive(Number(pid[1] ?? pid[2]))) remove(path.join(layout.stateDir, name), 'files');
  }
  for (const link of [layout.current, layout.warehouseLink, layout.distLink]) {
    const prefix = `${path.basename(link)}.tmp-`;
    for (const name of list(path.dirname(link))) {
      if (name.startsWith(prefix) && Number(name.slice(prefix.length)) !== process.pid) remove(path.join(path.dirname(link), name), 'files');
    }
  }
  return collected;
}
