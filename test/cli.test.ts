/** The command line as a person and a scheduler use it: the bundled sample, metrics JSON, human output. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricsSchema } from '../pipelines/contract/metrics.ts';
import { repoRoot, runCli, tempDir } from './helpers/tmp.ts';

const sample = path.join(repoRoot, 'data', 'sample');
const digest = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, createHash('sha256').update(readFileSync(path.join(dir, f))).digest('hex')]),
  );

describe('the bundled sample', () => {
  const tmp = tempDir();
  const db = path.join(tmp.dir, 'w.duckdb');
  beforeAll(() => {
    expect(runCli(['ingest', sample, '--db', db]).status).toBe(0);
  });
  afterAll(() => tmp.cleanup());

  it('is exactly what `npm run sample` (seed 5, scale 1) generates', () => {
    const out = path.join(tmp.dir, 'fresh');
    expect(runCli(['generate', '--seed', '5', '--scale', '1', '--out', out]).status).toBe(0);
    expect(digest(out)).toEqual(digest(sample));
  });

  it('prints the DESIGN §5 document under --json, valid against the shared schema', () => {
    const run = runCli(['metrics', '--db', db, '--json', '--as-of', '2026-09-30']);
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(() => metricsSchema.parse(doc)).not.toThrow();
    expect(doc.asOf).toBe('2026-09-30');
    expect(Object.keys(doc)).toEqual(
      expect.arrayContaining(['asOf', 'filters', 'offerAcceptance', 'timeToFill', 'timeToHire', 'funnel', 'timeInStage', 'sources', 'offerSpeed', 'regions', 'dataQuality']),
    );
    const oar = doc.offerAcceptance;
    // the rate is exactly accepted / (accepted + declined), inside its interval
    expect(oar.rate).toBeCloseTo(oar.accepted / (oar.accepted + oar.declined), 12);
    expect(oar.ci95[0]).toBeLessThan(oar.rate);
    expect(oar.ci95[1]).toBeGreaterThan(oar.rate);
    // the funnel starts with every application of the sample (no period: all applied up to asOf)
    expect(doc.funnel[0].reached).toBe(Number(readFileSync(path.join(sample, 'applications.csv'), 'utf8').trim().split('\n').length - 1));
    expect(doc.dataQuality.unmappedStages).toEqual(['Culture Chat']);
    expect(doc.regions.map((r: { region: string }) => r.region)).toEqual(['US', 'EU', 'LatAm', 'APAC']);
  });

  it('gives the same bytes for the same request twice (deterministic)', () => {
    const a = runCli(['metrics', '--db', db, '--json', '--as-of', '2026-09-30', '--department', 'Engineering']);
    const b = runCli(['metrics', '--db', db, '--json', '--as-of', '2026-09-30', '--department', 'Engineering']);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout).filters).toEqual({ department: 'Engineering' });
  });

  it('prints a readable summary with the OAR status in words on a terminal', () => {
    const run = runCli(['metrics', '--db', db, '--as-of', '2026-09-30']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Offer acceptance {2}\d+\.\d% \(95% CI \d+\.\d%–\d+\.\d%\) — (healthy|watch|ALARM|insufficient)/);
    expect(run.stdout).toContain('Kaplan-Meier median');
  });

  it('refuses bad dates and unknown options as usage errors (exit 2)', () => {
    expect(runCli(['metrics', '--db', db, '--as-of', '2026-02-30']).status).toBe(2);
    expect(runCli(['metrics', '--db', db, '--frobnicate']).status).toBe(2);
  });
});
