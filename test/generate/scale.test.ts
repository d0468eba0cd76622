/**
 * `generate --scale` is bounded (issue 16): 1e9 used to grow memory without bound. A scale above 1000
 * (MAX_SCALE, twice the bench's 500) and anything that is not a positive number exit 2 with the cause
 * (the largest value named), and nothing is written.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../pipelines/generate/index.ts';
import { MAX_SCALE } from '../../pipelines/lib/config.ts';
import { runCli, tempDir } from '../helpers/tmp.ts';

describe('generate --scale', () => {
  const tmp = tempDir('hs-scale-');
  afterAll(() => tmp.cleanup());

  it('refuses scales above 1000 with exit 2, naming the largest allowed', () => {
    expect(MAX_SCALE).toBe(1000);
    for (const scale of ['1e9', '1001', '1000.5']) {
      const out = path.join(tmp.dir, `big-${scale}`);
      const run = runCli(['generate', '--seed', '1', '--scale', scale, '--out', out]);
      expect(run.status, scale).toBe(2);
      expect(run.stderr).toContain(`--scale ${scale} is too large: the largest allowed is 1000`);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('refuses a non-number, zero, a negative, NaN and Infinity with exit 2', () => {
    for (const scale of ['abc', '0', '-1', 'NaN', 'Infinity']) {
      const out = path.join(tmp.dir, 'bad');
      const run = runCli(['generate', '--seed', '1', `--scale=${scale}`, '--out', out]);
      expect(run.status, scale).toBe(2);
      expect(run.stderr).toContain(`--scale must be a number greater than 0 and at most 1000, got "${scale}"`);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('the library refuses the same, and still takes a small scale', async () => {
    await expect(generate({ seed: 1, scale: 1e9, outDir: path.join(tmp.dir, 'lib') })).rejects.toThrow('scale must be at most 1000, got 1000000000');
    expect(existsSync(path.join(tmp.dir, 'lib'))).toBe(false);
    // scale 0.01: max(1, round(100 x 0.01)) = 1 opening target; the run succeeds and writes jobs.csv.
    const ok = runCli(['generate', '--seed', '1', '--scale', '0.01', '--out', path.join(tmp.dir, 'small')]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(existsSync(path.join(tmp.dir, 'small', 'jobs.csv'))).toBe(true);
  });
});
