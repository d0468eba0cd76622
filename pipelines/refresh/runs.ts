/**
 * The run history of refreshes and rebuilds: data/state/runs.jsonl, appended by every run — a start line,
 * then an end line. It lives outside the generations, so failed and killed runs are remembered too.
 */
import { appendFileSync, closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import { sameProcessAlive } from './lock.ts';
import { currentId, type StateLayout } from './state.ts';

export interface RunRecord {
  runId: string;
  command: string;
  pid: number;
  startedAt: string;
  finishedAt?: string;
  durationSeconds?: number;
  status: 'running' | 'ok' | 'failed' | 'interrupted';
  asOf?: string;
  source?: string;
  /** What the published warehouse holds after the run: sample, real or empty. */
  data?: string;
  /** Why the run started from an empty warehouse, when it announced one. */
  cleanStart?: string;
  files?: number;
  rowsRead?: number;
  rowsLoaded?: number;
  rowsRejected?: number;
  generation?: string;
  phases?: Record<string, number>;
  /** Alarms firing after this run (rule:subject), so the next run notifies only new ones. */
  alarms?: string[];
  error?: string;
  /**
   * Set on an end line written by a later run for a run killed after its generation became current
   * (published, though it never wrote its own end line): that later run's id.
   */
  recordedBy?: string;
}

/**
 * Append one record as one line. A write cut short by a full disk leaves a line without its newline; the
 * next record then starts on a line of its own (else the two would make one unreadable line, and a run
 * that was killed afterwards would vanish from the history).
 */
export function appendRun(file: string, record: RunRecord): void {
  mkdirSync(path.dirname(file), { recursive: true });
  appendFileSync(file, `${endsCut(file) ? '\n' : ''}${JSON.stringify(record)}\n`);
}

function endsCut(file: string): boolean {
  let handle: number | undefined;
  try {
    handle = openSync(file, 'r');
    const size = fstatSync(handle).size;
    if (size === 0) return false;
    const last = Buffer.alloc(1);
    readSync(handle, last, 0, 1, size - 1);
    return last[0] !== 0x0a;
  } catch {
    return false;
  } finally {
    if (handle !== undefined) closeSync(handle);
  }
}

/**
 * Runs, oldest first: the last line of each run wins. A run that started and never ended (killed) is
 * `interrupted` unless `isRunning` says its process is still there — or `ok` when its generation is the
 * published one (`currentRun`): it was killed after the rename that published it, so its site is live.
 */
export function readRuns(file: string, isRunning: (record: RunRecord) => boolean = () => false, currentRun?: string): RunRecord[] {
  if (!existsSync(file)) return [];
  const byId = new Map<string, RunRecord>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const record = JSON.parse(line) as RunRecord;
      byId.set(record.runId, { ...byId.get(record.runId), ...record });
    } catch {
      // a line cut by a kill: ignore it
    }
  }
  return [...byId.values()].map((r) => {
    if (r.status !== 'running' || isRunning(r)) return r;
    return r.runId === currentRun ? { ...r, status: 'ok' as const, generation: r.runId } : { ...r, status: 'interrupted' as const };
  });
}

/** True when the process of a record is still running (its pid exists and was not reused since). */
export function processAlive(record: RunRecord): boolean {
  return sameProcessAlive(record.pid, record.startedAt);
}

/** The runs of a state as `history` and `status` show them. */
export function readStateRuns(layout: StateLayout): RunRecord[] {
  return readRuns(layout.runsFile, processAlive, currentId(layout));
}
