/**
 * One refresh at a time (DESIGN §8): a lock file created with O_EXCL holding the holder's pid and start
 * time. A lock whose process is gone is stale and taken over; a live one makes the caller exit 75.
 */
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';

export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly startedAt: string;
  readonly command: string;
}

export class LockedError extends Error {
  readonly holder: LockHolder;
  constructor(holder: LockHolder) {
    super(`another refresh is running: pid ${holder.pid} on ${holder.host}, started ${holder.startedAt} (${holder.command})`);
    this.name = 'LockedError';
    this.holder = holder;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

export interface Lock {
  readonly file: string;
  readonly holder: LockHolder;
  release(): void;
}

/**
 * Take the lock or throw LockedError. The lock file appears complete in one step (a hard link of a file
 * already written), so a contender never reads an empty lock and mistakes it for a stale one. A stale
 * lock (dead pid on this host, or unreadable) is replaced.
 */
export function acquireLock(file: string, command: string): Lock {
  const holder: LockHolder = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), command };
  const draft = `${file}.${process.pid}.draft`;
  writeFileSync(draft, JSON.stringify(holder));
  try {
    return take(file, holder, draft);
  } finally {
    rmSync(draft, { force: true });
  }
}

function take(file: string, holder: LockHolder, draft: string): Lock {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      linkSync(draft, file);
      let released = false;
      return {
        file,
        holder,
        release() {
          if (released) return;
          released = true;
          if (readHolder(file)?.pid === holder.pid) rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const current = readHolder(file);
      if (current && current.host === holder.host && alive(current.pid) && current.pid !== process.pid) throw new LockedError(current);
      if (current && current.host !== holder.host) throw new LockedError(current);
      // Stale: move it aside atomically (only one contender wins the rename), then retry.
      try {
        renameSync(file, `${file}.stale-${process.pid}`);
        rmSync(`${file}.stale-${process.pid}`, { force: true });
      } catch {
        // someone else took it over first; retry reads their lock
      }
    }
  }
  const current = readHolder(file);
  if (current) throw new LockedError(current);
  throw new Error(`cannot take the lock ${file}`);
}
