/** Temporary folders and warehouses for tests: real files, removed afterwards. */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

export function tempDir(prefix = 'hs-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Write files (name -> content) into a folder, creating it. */
export function writeFiles(dir: string, files: Record<string, string | Buffer>): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
}

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Run the real CLI in a child process (the Node that runs the tests, which is the project's Node 24). */
export function runCli(args: string[], cwd = repoRoot): CliRun {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'pipelines', 'cli.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC' },
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
