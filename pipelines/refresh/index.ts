/**
 * The static site build of a refresh (DESIGN §1): `astro build` of a snapshot into a folder. The refresh
 * itself (ingest, snapshot, build, publish) is runRefresh in run.ts.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
export const sampleDir = path.join(repoRoot, 'data', 'sample');

let builds = 0;

/**
 * Run `astro build` for the snapshot in `snapshotDir` into `outDir`, then copy the snapshot to
 * `outDir/data/` where the browser fetches it (the pages were rendered from the same files).
 *
 * Astro writes its prerender chunks under the output folder when that folder is under the working
 * directory (else into <cwd>/.astro, shared by concurrent builds), and those chunks must be able to
 * resolve node_modules. So the build runs with the output's parent as cwd, inside the repository: an
 * output elsewhere is built under data/.builds/ first and copied.
 */
export async function buildSite(snapshotDir: string, outDir: string, log: (line: string) => void = () => undefined): Promise<void> {
  const target = path.resolve(outDir);
  removeOrphanBuilds();
  const inside = target.startsWith(repoRoot + path.sep);
  const scratch = inside ? undefined : path.join(buildsDir, `${process.pid}-${++builds}`);
  const buildDir = scratch ? path.join(scratch, 'dist') : target;
  try {
    await astroBuild(path.resolve(snapshotDir), buildDir);
    rmSync(path.join(buildDir, '.prerender'), { recursive: true, force: true });
    rmSync(path.join(buildDir, 'data'), { recursive: true, force: true });
    cpSync(path.resolve(snapshotDir), path.join(buildDir, 'data'), { recursive: true });
    if (scratch) {
      rmSync(target, { recursive: true, force: true });
      cpSync(buildDir, target, { recursive: true });
    }
    log('site built');
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    // Again after this build: an orphan of a killed refresh may have written on after the first pass.
    removeOrphanBuilds();
  }
}

const buildsDir = path.join(repoRoot, 'data', '.builds');

const ASTRO_PID = 'astro.pid';

/**
 * Scratch builds of processes that no longer exist (a killed refresh never reaches its `finally`). The
 * `astro build` such a refresh started may still be starting up (its exit-with-parent guard is not
 * loaded yet) and write into the folder after it is removed: it is killed first, when /proc shows it is
 * still that build (a recycled pid is left alone).
 */
export function removeOrphanBuilds(beforeRemove: (folder: string) => void = () => undefined): void {
  if (!existsSync(buildsDir)) return;
  for (const name of readdirSync(buildsDir)) {
    const pid = Number(name.split('-')[0]);
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {
      alive = false;
    }
    if (alive) continue;
    const folder = path.join(buildsDir, name);
    try {
      const astro = Number(readFileSync(path.join(folder, ASTRO_PID), 'utf8'));
      const command = readFileSync(`/proc/${astro}/cmdline`, 'utf8');
      if (command.includes('astro.mjs') && command.includes(folder)) process.kill(astro, 'SIGKILL');
    } catch {
      // no pid file, or the build is gone already
    }
    beforeRemove(folder);
    rmSync(folder, { recursive: true, force: true });
  }
}

function astroBuild(snapshotDir: string, outDir: string): Promise<void> {
  const astro = path.join(repoRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const cache = `${outDir}.build-cache`;
  mkdirSync(path.dirname(outDir), { recursive: true });
  return new Promise((resolve, reject) => {
    // --import: the build exits when its parent dies (a killed refresh leaves no orphan writing files).
    const guard = path.join(repoRoot, 'pipelines', 'refresh', 'exit-with-parent.mjs');
    const child = spawn(process.execPath, ['--import', guard, astro, 'build', '--root', repoRoot, '--outDir', outDir, '--silent'], {
      cwd: path.dirname(outDir),
      // NODE_ENV: a caller's 'test' or 'development' would make Vite ship React's development build.
      env: {
        ...process.env,
        NODE_ENV: 'production',
        HIRESCOPE_SNAPSHOT_DIR: snapshotDir,
        HIRESCOPE_BUILD_CACHE: cache,
        ASTRO_TELEMETRY_DISABLED: '1',
        TZ: 'UTC',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // A scratch build records its astro's pid, so the next refresh can stop it should this one be killed.
    if (child.pid && path.dirname(outDir).startsWith(buildsDir + path.sep)) {
      writeFileSync(path.join(path.dirname(outDir), ASTRO_PID), String(child.pid));
    }
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      rmSync(cache, { recursive: true, force: true });
      if (code === 0) resolve();
      else reject(new Error(`astro build failed (exit ${code}):\n${output.trim().split('\n').slice(-15).join('\n')}`));
    });
  });
}
