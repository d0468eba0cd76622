/**
 * One writer at a time (DESIGN §8): a lock file created with O_EXCL holding the holder's pid, host, the
 * time the lock was taken and the command. `refresh`, `rebuild`, `reset` and `ingest` of the same
 * warehouse take the same lock. A lock is stale — and taken over — when its process is gone, when the
 * process with that pid started after the lock was taken (the pid was reused, e.g. after a reboot), or
 * when it was taken on another host longer ago than `lock.staleAfterHours`; only a live holder makes the
 * caller exit 75.
 */
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly startedAt: string;
  readonly command: string;
}

/** Hours after which a lock taken on another host is stale (config `lock.staleAfterHours`). */
export const defaultStaleAfterHours = 24;

/** A start later than the lock by more than this is another process (btime is whole seconds, ticks 10 ms). */
const startSlackMs = 2000;

export class LockedError extends Error {
  readonly holder: LockHolder;
  constructor(holder: LockHolder, file: string, processStart: Date | undefined) {
    const started = processStart ? `process started ${processStart.toISOString()}` : 'on another host, its process cannot be checked';
    super(
      `another run holds the lock: pid ${holder.pid} on ${holder.host} (${started}), lock taken ${holder.startedAt} by \`${holder.command}\` (${file})`,
    );
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

/** Linux clock ticks per second (`getconf CLK_TCK`): 100 on every Linux port Node runs on. */
const clockTicks = 100;

let bootTimeMs: number | undefined;

/**
 * When the process `pid` started (Linux: /proc/<pid>/stat field 22, in clock ticks since boot, plus the
 * boot time from /proc/stat); undefined when it is gone or /proc cannot be read.
 */
export function processStart(pid: number): Date | undefined {
  try {
    bootTimeMs ??= Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))![1]) * 1000;
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces and parentheses): field 3 is index 0.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[22 - 3]);
    if (!Number.isFinite(ticks) || !Number.isFinite(bootTimeMs)) return undefined;
    return new Date(bootTimeMs + (ticks * 1000) / clockTicks);
  } catch {
    return undefined;
  }
}

/**
 * True when the process that took a lock (or started a run) at `startedAt` is still running on this
 * host: its pid exists and did not start after `startedAt` (else the pid was reused).
 */
export function sameProcessAlive(pid: number, startedAt: string): boolean {
  if (!alive(pid)) return false;
  const start = processStart(pid);
  const taken = Date.parse(startedAt);
  if (start === undefined || Number.isNaN(taken)) return true;
  return start.getTime() <= taken + startSlackMs;
}

/** Why a lock is stale, or undefined when its holder is live. */
export function staleReason(holder: LockHolder, { staleAfterHours = defaultStaleAfterHours, now = new Date() } = {}): string | undefined {
  if (holder.host !== os.hostname()) {
    const ageHours = (now.getTime() - Date.parse(holder.startedAt)) / 3_600_000;
    // A lock without a readable time is as good as unreadable.
    if (Number.isNaN(ageHours) || ageHours > staleAfterHours) return `taken on ${holder.host} more than ${staleAfterHours} h ago`;
    return undefined;
  }
  if (holder.pid === process.pid) return 'taken by this pid before (a reused pid)';
  if (!alive(holder.pid)) return `pid ${holder.pid} is gone`;
  if (!sameProcessAlive(holder.pid, holder.startedAt)) {
    return `pid ${holder.pid} now belongs to a process started ${processStart(holder.pid)?.toISOString()}, after the lock was taken`;
  }
  return undefined;
}

function readHolder(file: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
    return typeof holder.pid === 'number' && typeof holder.host === 'string' ? holder : undefined;
  } catch {
    return undefined;
  }
}

export interface Lock {
  readonly file: string;
  readonly holder: LockHolder;
  /** The stale lock taken over, and why, when there was one. */
  readonly tookOver?: { holder: LockHolder | undefined; reason: string };
  release(): void;
}

export interface LockOptions {
  readonly staleAfterHours?: number;
}

/**
 * Take the lock or throw LockedError. The lock file appears complete in one step (a hard link of a file
 * already written), so a contender never reads an empty lock and mistakes it for a stale one. A stale
 * lock (see staleReason, or unreadable) is replaced.
 */
export function acquireLock(file: string, command: string, options: LockOptions = {}): Lock {
  const holder: LockHolder = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), command };
  mkdirSync(path.dirname(file), { recursive: true });
  const draft = `${file}.${process.pid}.draft`;
  writeFileSync(draft, JSON.stringify(holder));
  try {
    return take(file, holder, draft, options);
  } finally {
    rmSync(draft, { force: true });
  }
}

function take(file: string, holder: LockHolder, draft: string, options: LockOptions): Lock {
  let tookOver: Lock['tookOver'];
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      linkSync(draft, file);
      let released = false;
      return {
        file,
        holder,
        ...(tookOver ? { tookOver } : {}),
        release() {
          if (released) return;
          released = true;
          const now = readHolder(file);
          if (now?.pid === holder.pid && now.startedAt === holder.startedAt) rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const current = readHolder(file);
      const reason = current ? staleReason(current, options) : 'unreadable';
      if (current && reason === undefined) throw new LockedError(current, file, current.host === holder.host ? processStart(current.pid) : undefined);
      // Stale: move it aside atomically (only one contender wins the rename), then retry.
      const aside = `${file}.stale-${process.pid}`;
      try {
        renameSync(file, aside);
      } catch {
        continue; // someone else took it over first; retry reads their lock
      }
      const moved = readHolder(aside);
      if (current && (moved?.pid !== current.pid || moved.startedAt !== current.startedAt) && moved) {
        // Another contender replaced the stale lock between our read and our rename: theirs is live, put it back.
        try {
          linkSync(aside, file);
        } catch {
          // a third one linked meanwhile; the retry reads it
        }
        rmSync(aside, { force: true });
        continue;
      }
      rmSync(aside, { force: true });
      tookOver = { holder: current, reason: reason ?? 'unreadable' };
    }
  }
  const current = readHolder(file);
  if (current) throw new LockedError(current, file, current.host === holder.host ? processStart(current.pid) : undefined);
  throw new Error(`cannot take the lock ${file}`);
}
