/**
 * The benchmark at a tiny scale: it must complete and print the report as one JSON document. Speed is
 * measured by `npm run bench` as ratios, never asserted here.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/tmp.ts';

describe('npm run bench -- --scale 0.01', () => {
  it('completes and prints valid JSON with every figure', () => {
    const run = spawnSync(process.execPath, [path.join(repoRoot, 'bench', 'run.ts'), '--scale', '0.01', '--repeats', '1', '--json'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, TZ: 'UTC' },
      timeout: 240_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const report = JSON.parse(lines[0]!);
    for (const key of ['floorSeconds', 'ingestSeconds', 'metricsSeconds', 'snapshotSeconds', 'totalSeconds', 'ratio', 'peakRssMB']) {
      expect(typeof report[key], key).toBe('number');
      expect(report[key], key).toBeGreaterThan(0);
    }
    expect(report.totalSeconds).toBeCloseTo(report.ingestSeconds + report.metricsSeconds + report.snapshotSeconds, 2);
    expect(Object.keys(report.site).sort()).toEqual(['filterRedrawMs', 'firstChartMs', 'funnelOwnerRedrawMs', 'overviewJsGzipKB', 'snapshotKB']);
    // scale 0.01 of 2,000 applications per unit: about 20
    expect(report.rows.applications).toBeGreaterThan(5);
    expect(report.rows.applications).toBeLessThan(60);
  }, 300_000);
});
