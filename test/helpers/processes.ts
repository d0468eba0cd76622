/**
 * Real CLI processes for the fault tests: spawned in a process group of their own (so an `astro build`
 * left behind by a killed refresh can be cleaned up too), with their JSON log lines parsed as they
 * arrive, bounded waits, and a registry so `afterEach` can kill whatever a test left running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './tmp.ts';

export interface LogEvent {
  readonly event: string;
  readonly [field: string]: unknown;
}

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface CliResult extends Exit {
  readonly stdout: string;
  readonly stderr: string;
  readonly events: LogEvent[];
  readonly ms: number;
}

export interface CliProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly startedAt: number;
  stdout(): string;
  stderr(): string;
  events(): LogEvent[];
  /** Resolves with the first event (already seen or future) matching; rejects after `timeoutMs`. */
  waitForEvent(match: (event: LogEvent) => boolean, timeoutMs: number): Promise<LogEvent>;
  /** SIGKILL the process (only the CLI, not its group) on the first matching event, at once or `delayMs` later. */
  killOn(match: (event: LogEvent) => boolean, delayMs?: number): Promise<LogEvent>;
  /** Resolves when the process has exited (and been reaped); rejects after `timeoutMs`. */
  wait(timeoutMs: number): Promise<CliResult>;
}

const live = new Set<CliProcess>();

export interface StartOptions {
  readonly env?: Record<string, string | undefined>;
  readonly cwd?: string;
  /** Also register the process here, so `killAll(owner)` ends only this suite's processes. */
  readonly owner?: Set<CliProcess>;
  /** A command the CLI runs under (e.g. `/usr/bin/time -o FILE`): then `pid` is that wrapper's. */
  readonly prefix?: readonly string[];
}

/** Start `node pipelines/cli.ts ...args` (the Node running the tests, i.e. the project's Node 24). */
export function startCli(args: string[], { env = {}, cwd = repoRoot, owner, prefix = [] }: StartOptions = {}): CliProcess {
  const command = [...prefix, process.execPath, path.join(repoRoot, 'pipelines', 'cli.ts'), ...args];
  const child = spawn(command[0]!, command.slice(1), {
    cwd,
    env: { ...process.env, TZ: 'UTC', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error('the CLI did not start');
  const startedAt = Date.now();
  let stdout = '';
  let stderr = '';
  let pending = '';
  const events: LogEvent[] = [];
  const listeners = new Set<(event: LogEvent) => void>();
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    stderr += text;
    pending += text;
    let newline = pending.indexOf('\n');
    while (newline >= 0) {
      const line = pending.slice(0, newline).trim();
      pending = pending.slice(newline + 1);
      newline = pending.indexOf('\n');
      if (!line.startsWith('{')) continue;
      try {
        const event = JSON.parse(line) as LogEvent;
        if (typeof event.event !== 'string') continue;
        events.push(event);
        for (const listener of [...listeners]) listener(event);
      } catch {
        // not a log line
      }
    }
  });
  let exit: Exit | undefined;
  const exited = new Promise<Exit>((resolve) => {
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      resolve(exit);
    });
  });
  // Keep draining the pipes until they close, so late output is not lost.
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));

  const waitForEvent = (match: (event: LogEvent) => boolean, timeoutMs: number) =>
    new Promise<LogEvent>((resolve, reject) => {
      const seen = events.find(match);
      if (seen) return resolve(seen);
      const timer = setTimeout(() => {
        listeners.delete(listener);
        reject(new Error(`no matching log event within ${timeoutMs} ms; stderr so far:\n${stderr.slice(-3000)}`));
      }, timeoutMs);
      const listener = (event: LogEvent) => {
        if (!match(event)) return;
        clearTimeout(timer);
        listeners.delete(listener);
        resolve(event);
      };
      listeners.add(listener);
      void exited.then(() => {
        if (!listeners.has(listener)) return;
        clearTimeout(timer);
        listeners.delete(listener);
        reject(new Error(`the process exited before the event; stderr:\n${stderr.slice(-3000)}`));
      });
    });

  const handle: CliProcess = {
    child,
    pid: child.pid,
    startedAt,
    stdout: () => stdout,
    stderr: () => stderr,
    events: () => events,
    waitForEvent,
    killOn(match, delayMs = 0) {
      return new Promise<LogEvent>((resolve) => {
        const listener = (event: LogEvent) => {
          if (!match(event)) return;
          listeners.delete(listener);
          if (delayMs > 0) setTimeout(() => child.kill('SIGKILL'), delayMs);
          else child.kill('SIGKILL');
          resolve(event);
        };
        listeners.add(listener);
      });
    },
    async wait(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the CLI (${args.join(' ')}) did not exit within ${timeoutMs} ms; stderr:\n${stderr.slice(-3000)}`)), timeoutMs);
      });
      try {
        const result = await Promise.race([exited, timeout]);
        await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 2000))]);
        return { ...result, stdout, stderr, events, ms: Date.now() - startedAt };
      } finally {
        clearTimeout(timer);
      }
    },
  };
  live.add(handle);
  owner?.add(handle);
  return handle;
}

/** Run the CLI to completion (bounded). */
export async function runCli(args: string[], options: StartOptions & { timeoutMs?: number } = {}): Promise<CliResult> {
  const proc = startCli(args, options);
  return proc.wait(options.timeoutMs ?? 60_000);
}

export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Kill every process group started (by this suite's `owner` set, or by anyone in this file) that is still
 * there: the CLI and any child it orphaned.
 */
export async function killAll(owner?: Set<CliProcess>): Promise<void> {
  const set = owner instanceof Set ? owner : live;
  const handles = [...set];
  for (const handle of handles) {
    try {
      process.kill(-handle.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline && handles.some((h) => groupAlive(h.pid))) await new Promise((r) => setTimeout(r, 50));
  for (const handle of handles) {
    set.delete(handle);
    live.delete(handle);
  }
}

/** Wait (bounded) until every process in the group of `pid` is gone: an orphaned child of a killed run. */
export async function waitGroupGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!groupAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !groupAlive(pid);
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** sha256 of every file under `dir` (following a symlinked `dir`), by relative path. */
export function treeHashes(dir: string): Record<string, string> {
  const root = realpathSync(dir);
  const out: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[path.relative(root, full)] = sha256(full);
    }
  };
  walk(root);
  return out;
}

export interface Published {
  /** Target of <state>/state/current. */
  readonly current: string;
  readonly distReal: string;
  readonly dist: Record<string, string>;
  readonly warehouse: string;
}

/** What a state folder publishes right now: the `current` target and the hashes of dist and warehouse. */
export function published(state: string): Published {
  return {
    current: readlinkSync(path.join(state, 'state', 'current')),
    distReal: realpathSync(path.join(state, 'dist')),
    dist: treeHashes(path.join(state, 'dist')),
    warehouse: sha256(path.join(state, 'warehouse.duckdb')),
  };
}

export interface Manifest {
  readonly asOf: string;
  readonly refreshedAt: string;
  readonly rows: Record<string, number>;
}

export function manifest(state: string): Manifest {
  return JSON.parse(readFileSync(path.join(state, 'dist', 'data', 'manifest.json'), 'utf8')) as Manifest;
}

export interface HistoryRun {
  runId: string;
  command: string;
  pid: number;
  startedAt: string;
  finishedAt?: string;
  durationSeconds?: number;
  status: string;
  files?: number;
  rowsRead?: number;
  rowsLoaded?: number;
  rowsRejected?: number;
  generation?: string;
  alarms?: string[];
  error?: string;
}

export async function history(state: string): Promise<HistoryRun[]> {
  const result = await runCli(['history', '--state', state, '--json'], { timeoutMs: 20_000 });
  if (result.code !== 0) throw new Error(`history exited ${result.code}: ${result.stderr}`);
  return (JSON.parse(result.stdout) as { runs: HistoryRun[] }).runs;
}

/** `metrics --json` of a warehouse, parsed. */
export async function metrics(db: string, asOf = '2026-06-30'): Promise<unknown> {
  const result = await runCli(['metrics', '--db', db, '--as-of', asOf, '--json'], { timeoutMs: 30_000 });
  if (result.code !== 0) throw new Error(`metrics exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout) as unknown;
}

/** The arguments of a refresh (or rebuild) of `state` from `inbox`, as of the fixture date, logging JSON. */
export function refreshArgs(state: string, inbox: string, command: 'refresh' | 'rebuild' = 'refresh'): string[] {
  return [command, '--state', state, '--inbox', inbox, '--as-of', '2026-06-30', '--log', 'json', '--json'];
}

export function lockHolder(state: string): { pid: number; host: string; startedAt: string; command: string } | undefined {
  const file = path.join(state, 'state', 'refresh.lock');
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as { pid: number; host: string; startedAt: string; command: string };
}

export function generations(state: string): string[] {
  const dir = path.join(state, 'state', 'gens');
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}
