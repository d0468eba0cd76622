/**
 * The run history survives a line cut by a full disk: the next record starts on a line of its own.
 * (The soak's run 86 of seed 16 in CI: a late full disk cut the failed line of run 86, the start line of
 * run 87 — killed during its build — was glued to it, and run 87 vanished from `history`.)
 */
import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { appendRun, readRuns, type RunRecord } from '../../pipelines/refresh/runs.ts';
import { tempDir } from '../helpers/tmp.ts';

const tmp = tempDir('hs-runs-');
afterAll(() => tmp.cleanup());

it('starts the next record on a new line after a line cut short, so neither run is lost', () => {
  const file = path.join(tmp.dir, 'runs.jsonl');
  const start = (runId: string): RunRecord => ({ runId, command: 'refresh', pid: 999_999_999, startedAt: '2026-09-24T06:00:00.000Z', status: 'running' });
  appendRun(file, start('86'));
  // The failed line of run 86, cut after 30 bytes by ENOSPC: no newline at the end of the file.
  appendFileSync(file, JSON.stringify({ ...start('86'), status: 'failed', error: 'build: ENOSPC' }).slice(0, 30));
  appendRun(file, start('87'));
  const lines = readFileSync(file, 'utf8').split('\n');
  // start of 86, the cut line, start of 87, and the final empty string after the last newline: 4
  expect(lines).toHaveLength(4);
  // 86 has only its start line (its cut end line is unreadable) and 87 only its start: both `interrupted`
  // (pid 999999999 is not running); before the fix the file held 2 lines and 87 was not listed at all.
  expect(readRuns(file).map((r) => `${r.runId}:${r.status}`)).toEqual(['86:interrupted', '87:interrupted']);
});
