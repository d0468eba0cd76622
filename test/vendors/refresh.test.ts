/**
 * The cron job with a vendor export (issue 7 with DESIGN §8): a Greenhouse Data Lake export dropped in the
 * inbox is refreshed, published and rebuilt from the archive like canonical files, with the metrics of
 * the canonical files of the same company.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestSchema } from '../../pipelines/contract/snapshot.ts';
import { killAll, metrics, refreshArgs, runCli } from '../helpers/processes.ts';
import { runCli as runCliSync, tempDir } from '../helpers/tmp.ts';
import { expectSameMetrics } from '../helpers/vendors.ts';

describe('a scheduled refresh of a Greenhouse export', () => {
  const tmp = tempDir('hs-vendor-refresh-');
  const state = path.join(tmp.dir, 'state');
  const inbox = path.join(tmp.dir, 'inbox');
  const canonicalDir = path.join(tmp.dir, 'canonical');
  const canonicalDb = path.join(tmp.dir, 'canonical.duckdb');
  let refreshed: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    for (const [format, out] of [['greenhouse', inbox], ['canonical', canonicalDir]] as const) {
      expect(runCliSync(['generate', '--seed', '7', '--scale', '0.5', '--end', '2026-06-30', '--format', format, '--out', out]).status).toBe(0);
    }
    expect(runCliSync(['ingest', canonicalDir, '--db', canonicalDb]).status).toBe(0);
    refreshed = await runCli(refreshArgs(state, inbox), { timeoutMs: 120_000 });
  }, 180_000);
  afterAll(async () => {
    await killAll();
    tmp.cleanup();
  });

  it('publishes the dashboard with the metrics of the canonical files', async () => {
    expect(refreshed.code, refreshed.stderr).toBe(0);
    expectSameMetrics((await metrics(path.join(state, 'warehouse.duckdb'))) as Record<string, unknown>, (await metrics(canonicalDb)) as Record<string, unknown>);
    // The manifest lists the vendor files by kind, and the site's overview shows the same OAR.
    const published = manifestSchema.parse(JSON.parse(readFileSync(path.join(state, 'dist', 'data', 'manifest.json'), 'utf8')));
    const kinds = published.files.map((f) => f.kind);
    expect(kinds).toContain('greenhouse:application_stages');
    const overview = readFileSync(path.join(state, 'dist', 'index.html'), 'utf8');
    const oar = ((await metrics(canonicalDb)) as { offerAcceptance: { rate: number } }).offerAcceptance.rate;
    expect(overview).toContain(`${(oar * 100).toFixed(1)}%`);
    // The Data quality page says what the adapter left out: prospects, migrated candidates, unreached stages.
    const quality = readFileSync(path.join(state, 'dist', 'data-quality', 'index.html'), 'utf8');
    expect(quality).toContain('From your ATS exports');
    expect(quality).toMatch(/<td>greenhouse<\/td><td>applications<\/td><td>[\d,]+<\/td><td>\d+ migrated from an earlier system, \d+ prospect<\/td>/);
    expect(quality).toMatch(/\d+ stage never reached/);
  });

  it('rebuilds the same warehouse from the archive alone', async () => {
    const rebuilt = await runCli(refreshArgs(state, inbox, 'rebuild'), { timeoutMs: 120_000 });
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expectSameMetrics((await metrics(path.join(state, 'warehouse.duckdb'))) as Record<string, unknown>, (await metrics(canonicalDb)) as Record<string, unknown>);
  }, 150_000);
});
