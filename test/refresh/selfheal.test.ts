/**
 * Self-healing runs (issue 16): every run, once it holds the lock, first removes what failed or killed
 * runs left. On a small real tmpfs: a refresh fails with ENOSPC (the published site kept), the filler is
 * removed, and the very next refresh succeeds — before, the failed run's partial generation kept the disk
 * full until `gens/*` was deleted by hand.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statfsSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { sizeOf } from '../../pipelines/refresh/collect.ts';
import { fill } from '../helpers/disk.ts';
import { generations, history, killAll, lockHolder, manifest, published, refreshArgs, runCli } from '../helpers/processes.ts';
import { tempDir } from '../helpers/tmp.ts';
import { baseOffers, companyFiles, withExtraOffers, writeInbox } from './inboxes.ts';

const MiB = 1024 * 1024;

describe('a run collects what failed and killed runs left', () => {
  const tmp = tempDir('hs-selfheal-');
  const volume = path.join(tmp.dir, 'volume');
  mkdirSync(volume, { recursive: true });
  // 11 MiB: a published generation of the fixture company takes about 4.1 MiB (warehouse 3.0, site 0.9,
  // snapshot and archive 0.1), and a refresh needs about as much again for its new generation.
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=11m', 'tmpfs', volume], { encoding: 'utf8' });
  afterEach(() => killAll());
  afterAll(async () => {
    await killAll();
    if (spawnSync('umount', [volume]).status !== 0) spawnSync('umount', ['-l', volume]);
    tmp.cleanup();
  });

  it('disk full (ENOSPC): the site is kept; once the filler is removed the very next refresh succeeds', async () => {
    expect(mount.status, mount.stderr).toBe(0);
    const state = path.join(volume, 'state');
    const first = await runCli(refreshArgs(state, writeInbox(tmp.dir, 'inbox-0', companyFiles())), { timeoutMs: 90_000 });
    expect(first.code, first.stderr).toBe(0);
    const before = published(state);
    const firstGeneration = path.basename(before.current);
    expect(sizeOf(path.join(state, 'state', 'gens', firstGeneration))).toBeGreaterThan(3.5 * MiB);

    // 3.5 MiB left: room for the copy of the warehouse (3.0 MiB) a refresh starts with, not for its site.
    const filler = fill(volume, 3.5 * MiB);
    const next = writeInbox(tmp.dir, 'inbox-1', withExtraOffers(1));
    const full = await runCli(refreshArgs(state, next), { timeoutMs: 90_000 });
    expect(full.code).toBe(1);
    expect(full.stderr).toMatch(/^error: ENOSPC[:,] no space left on device/im); // cpSync words it 'ENOSPC, No space...'
    expect(published(state)).toEqual(before);
    expect(lockHolder(state)).toBeUndefined();
    const failedRun = (JSON.parse(JSON.stringify(full.events.find((e) => e.event === 'failed'))) as { runId: string }).runId;
    // A failed run removes its own generation before it writes its end line (so a full disk has room for it).
    expect(existsSync(path.join(state, 'state', 'gens', failedRun))).toBe(false);
    rmSync(filler);

    // What killed runs leave (a dead pid names them): a run killed while copying the warehouse leaves its
    // generation, which only the next run can remove — 3.5 MiB here.
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
    const killedRun = `20260701-000000-${dead}`;
    mkdirSync(path.join(state, 'state', 'gens', killedRun));
    writeFileSync(path.join(state, 'state', 'gens', killedRun, 'warehouse.duckdb'), Buffer.alloc(3.5 * MiB, 1));
    const partial = sizeOf(path.join(state, 'state', 'gens', killedRun));
    // Less free space now than a refresh needs, unless the killed run's generation goes first: 11 MiB minus
    // the published 4.1 MiB minus the leftover 3.5 MiB.
    const free = statfsSync(volume);
    expect(free.bavail * free.bsize).toBeLessThan(4 * MiB);
    const archive = path.join(state, 'archive');
    mkdirSync(path.join(archive, 'a'.repeat(64)));
    writeFileSync(path.join(archive, 'a'.repeat(64), `offers.csv.tmp-${dead}`), 'x'.repeat(1000));
    mkdirSync(path.join(archive, 'b'.repeat(64)));
    const stateDir = path.join(state, 'state');
    writeFileSync(path.join(stateDir, `refresh.lock.${dead}.draft`), 'y'.repeat(100));
    writeFileSync(path.join(stateDir, `refresh.lock.stale-${dead}`), 'z'.repeat(10));
    symlinkSync(path.join('gens', killedRun), path.join(stateDir, `current.tmp-${dead}`));
    mkdirSync(path.join(stateDir, 'gens', firstGeneration, 'dist.build-cache'));
    writeFileSync(path.join(stateDir, 'gens', firstGeneration, 'dist.build-cache', 'chunk.js'), 'c'.repeat(500));

    const ok = await runCli(refreshArgs(state, next), { timeoutMs: 90_000 });
    expect(ok.code, ok.stderr).toBe(0);
    expect(manifest(state).rows.offers).toBe(baseOffers + 1);
    const collected = ok.events.find((e) => e.event === 'collected') as unknown as Record<string, number>;
    // generations: the killed one; archive: the partial copy, then its folder, then the empty folder;
    // files: the draft, the stale lock and the temporary link; builds: the cache (and any orphan build of
    // another suite's killed run in data/.builds).
    expect(collected).toMatchObject({ generations: 1, archive: 3, files: 3 });
    expect(collected.builds).toBeGreaterThanOrEqual(1);
    const linkBytes = path.join('gens', killedRun).length;
    expect(collected.bytes).toBeGreaterThanOrEqual(partial + 1000 + 100 + 10 + linkBytes + 500);
    expect(generations(state)).toEqual([firstGeneration, (JSON.parse(ok.stdout) as { generation: string }).generation].sort());
    expect((await history(state)).map((r) => r.status)).toEqual(['ok', 'failed', 'ok']);
  }, 240_000);
});
