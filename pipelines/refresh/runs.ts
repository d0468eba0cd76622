/**
 * The run history of refreshes and rebuilds: data/state/runs.jsonl, appended by every run — a start line,
 * then an end line. It lives outside the generations, so failed and killed runs are remembered too.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

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
}

export function appendRun(file: string, record: RunRecord): void {
  mkdirSync(path.dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(record)}\n`);
}

/**
 * Runs, oldest first: the last line of each run wins; a run that started and never ended (killed) is
 * `interrupted` unless `isRunning` says its process is still there.
 */
export function readRuns(file: string, isRunning: (record: RunRecord) => boolean = () => false): RunRecord[] {
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
  return [...byId.values()].map((r) => (r.status === 'running' && !isRunning(r) ? { ...r, status: 'interrupted' as const } : r));
}

/** True when the pid of a record is alive. */
export function processAlive(record: RunRecord): boolean {
  try {
    process.kill(record.pid, 0);
    return true;
  } catch {
    return false;
  }
}
