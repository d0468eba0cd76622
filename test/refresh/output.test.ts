/**
 * The output folder refuses writes (DESIGN §8: a failure at any point leaves the last good warehouse,
 * snapshot and site in place, and the next refresh succeeds). As root, permissions do not stop writes, so
 * the OS is made to refuse them for real:
 * - always: <state>/archive replaced by a regular FILE, so creating the archive folders fails (ENOTDIR);
 * - when `mount` is allowed: the state folder moved onto a small tmpfs, which is filled up (ENOSPC), then
 *   remounted read-only (EROFS); after that the next refresh on the tmpfs must succeed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generations, history, killAll, lockHolder, manifest, published, refreshArgs, runCli } from '../helpers/processes.ts';
import { fill } from '../helpers/disk.ts';
import { tempDir } from '../helpers/tmp.ts';
import { baseOffers, companyFiles, withExtraOffers, writeInbox } from './inboxes.ts';

const tmp = tempDir('hs-output-');
const mountPoint = path.join(tmp.dir, 'mnt');
mkdirSync(mountPoint, { recursive: true });
const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=48m', 'tmpfs', mountPoint]).status === 0;

function mount(...options: string[]): void {
  const result = spawnSync('mount', ['-o', options.join(','), mountPoint], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`mount -o ${options.join(',')} failed: ${result.stderr}`);
}

describe('an output folder that refuses writes', () => {
  const state = path.join(tmp.dir, 'state');

  beforeAll(async () => {
    const first = await runCli(refreshArgs(state, writeInbox(tmp.dir, 'inbox-0', companyFiles())), { timeoutMs: 90_000 });
    expect(first.code, first.stderr).toBe(0);
  }, 120_000);
  afterEach(() => killAll());
  afterAll(async () => {
    await killAll();
    if (mounted) {
      spawnSync('mount', ['-o', 'remount,rw', mountPoint]);
      if (spawnSync('umount', [mountPoint]).status !== 0) spawnSync('umount', ['-l', mountPoint]);
    }
    tmp.cleanup();
  });

  it('archive folder replaced by a file (ENOTDIR): exit 1 with the OS error, nothing published is lost; then a refresh succeeds', async () => {
    const before = published(state);
    const manifestBefore = manifest(state);
    const next = writeInbox(tmp.dir, 'inbox-1', withExtraOffers(1));
    const archive = path.join(state, 'archive');
    renameSync(archive, `${archive}.aside`);
    writeFileSync(archive, 'not a folder\n');
    let leftover = '';
    try {
      const failed = await runCli(refreshArgs(state, next), { timeoutMs: 60_000 });
      expect(failed.code).toBe(1);
      expect(failed.stderr).toMatch(/^error: ENOTDIR: not a directory, mkdir '.*\/archive\/[0-9a-f]{64}'$/m);
      expect(failed.events.find((e) => e.event === 'failed')).toMatchObject({ phase: 'archive' });
      expect(published(state)).toEqual(before);
      expect(manifest(state)).toEqual(manifestBefore);
      expect(lockHolder(state)).toBeUndefined();
      const last = (await history(state)).at(-1)!;
      expect(last).toMatchObject({ status: 'failed', error: expect.stringMatching(/^archive: ENOTDIR: not a directory/) });
      leftover = last.runId;
    } finally {
      rmSync(archive, { force: true });
      renameSync(`${archive}.aside`, archive);
    }
    const ok = await runCli(refreshArgs(state, next), { timeoutMs: 90_000 });
    expect(ok.code, ok.stderr).toBe(0);
    expect(published(state).current).not.toBe(before.current);
    expect(manifest(state).rows.offers).toBe(baseOffers + 1);
    expect(generations(state)).not.toContain(leftover);
    expect(generations(state)).toHaveLength(2);
  }, 150_000);

  it.runIf(mounted)('on a tmpfs: full (ENOSPC), then read-only (EROFS): exit 1, nothing published is lost; then the next refresh there succeeds', async () => {
    // The published state, moved as is (relative symlinks) onto its own small file system.
    const onTmpfs = path.join(mountPoint, 'state');
    cpSync(state, onTmpfs, { recursive: true, verbatimSymlinks: true });
    const before = published(onTmpfs);
    const manifestBefore = manifest(onTmpfs);
    expect(manifestBefore.rows.offers).toBe(baseOffers + 1);
    const next = writeInbox(tmp.dir, 'inbox-2', withExtraOffers(2));

    // Full: a few hundred KB left, less than the copy of the warehouse a refresh starts with.
    const filler = fill(mountPoint, 256 * 1024);
    const free = statfsSync(mountPoint);
    expect(free.bavail * free.bsize).toBeLessThan(1024 * 1024);
    const full = await runCli(refreshArgs(onTmpfs, next), { timeoutMs: 60_000 });
    expect(full.code).toBe(1);
    expect(full.stderr).toMatch(/^error: ENOSPC: no space left on device/m);
    expect(full.events.find((e) => e.event === 'failed')).toMatchObject({ phase: 'prepare' });
    expect(published(onTmpfs)).toEqual(before);
    expect(manifest(onTmpfs)).toEqual(manifestBefore);
    expect(lockHolder(onTmpfs)).toBeUndefined();
    const last = (await history(onTmpfs)).at(-1)!;
    expect(last).toMatchObject({ status: 'failed', error: expect.stringContaining('prepare: ENOSPC') });
    rmSync(filler);

    // Read-only: not even the lock can be taken.
    mount('remount', 'ro');
    try {
      const readOnly = await runCli(refreshArgs(onTmpfs, next), { timeoutMs: 60_000 });
      expect(readOnly.code).toBe(1);
      // the lock is written as a draft first, then linked into place: the draft is the first write refused
      expect(readOnly.stderr).toMatch(/^error: EROFS: read-only file system, open '.*refresh\.lock(\.\d+\.draft)?'$/m);
      expect(published(onTmpfs)).toEqual(before);
    } finally {
      mount('remount', 'rw');
    }

    // Obstacles gone: the next refresh succeeds there and removes the failed run's leftovers.
    const ok = await runCli(refreshArgs(onTmpfs, next), { timeoutMs: 90_000 });
    expect(ok.code, ok.stderr).toBe(0);
    expect(published(onTmpfs).current).not.toBe(before.current);
    expect(manifest(onTmpfs).rows.offers).toBe(baseOffers + 2);
    expect(generations(onTmpfs)).not.toContain(last.runId);
    expect(existsSync(path.join(onTmpfs, 'state', 'refresh.lock'))).toBe(false);
  }, 150_000);
});
