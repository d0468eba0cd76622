/**
 * One as-of (issue 17 Deliver 3) and filters that say what they do (Deliver 4), on the bundled sample:
 * the CLI and the published site default to the same day — the newest event's — and give the same
 * alerts; stale data is said; unknown filter values and reversed periods exit 2 naming the known values.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openWarehouse } from '../../pipelines/lib/duckdb.ts';
import { repoRoot, runCli, tempDir } from '../helpers/tmp.ts';
import { runCli as runCliAsync } from '../helpers/processes.ts';

const sample = path.join(repoRoot, 'data', 'sample');
// several real CLI processes per test, each seconds on a loaded machine
vi.setConfig({ testTimeout: 180_000 });
const tmp = tempDir('hs-cli-asof-');
const state = path.join(tmp.dir, 'state');
const db = path.join(state, 'warehouse.duckdb');
let newest = '';

/** Whole days from `day` to today (UTC), as the test's own arithmetic. */
const daysSince = (day: string) => Math.round((Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000);

beforeAll(async () => {
  // The newest event, read from the sample's CSV files themselves (not the warehouse): the latest of
  // applied, hired, stage entered, offer created/sent/resolved, opening opened/closed.
  const w = await openWarehouse(':memory:');
  const csv = (name: string) => `read_csv('${path.join(sample, name)}', all_varchar = true)`;
  const row = await w.maybeOne<{ day: string }>(
    `SELECT strftime(max(t)::DATE, '%Y-%m-%d') AS day FROM (
       SELECT greatest(max(applied_at::TIMESTAMPTZ), max(hired_at::TIMESTAMPTZ)) AS t FROM ${csv('applications.csv')}
       UNION ALL SELECT max(entered_at::TIMESTAMPTZ) FROM ${csv('stage_history.csv')}
       UNION ALL SELECT greatest(max(created_at::TIMESTAMPTZ), max(sent_at::TIMESTAMPTZ), max(resolved_at::TIMESTAMPTZ)) FROM ${csv('offers.csv')}
       UNION ALL SELECT greatest(max(opened_at::TIMESTAMPTZ), max(closed_at::TIMESTAMPTZ)) FROM ${csv('openings.csv')})`,
  );
  w.close();
  newest = row!.day;
  // The site: a refresh of a fresh state loads the bundled sample (an empty inbox), with no --as-of.
  const empty = path.join(tmp.dir, 'inbox');
  spawnSync('mkdir', ['-p', empty]);
  const refresh = await runCliAsync(['refresh', '--state', state, '--inbox', empty, '--log', 'json', '--json'], { timeoutMs: 240_000 });
  expect(refresh.code, refresh.stderr).toBe(0);
}, 300_000);
afterAll(() => tmp.cleanup());

describe('one as-of for the CLI and the site', () => {
  it('is the newest event day: 2026-09-30 on the sample, for the site and for metrics and alerts', () => {
    // an application applied 2026-09-30 20:55Z, a stage entered 21:03Z (data/sample)
    expect(newest).toBe('2026-09-30');
    const manifest = JSON.parse(readFileSync(path.join(state, 'state', 'current', 'snapshot', 'manifest.json'), 'utf8'));
    expect(manifest.asOf).toBe(newest);
    const metrics = runCli(['metrics', '--db', db, '--json']);
    expect(metrics.status, metrics.stderr).toBe(0);
    expect(JSON.parse(metrics.stdout).asOf).toBe(newest);
  });

  it('gives the same alerts as the site: 3 on the sample, not 9', () => {
    const site = JSON.parse(readFileSync(path.join(state, 'state', 'current', 'snapshot', 'alerts.json'), 'utf8'));
    const run = runCli(['alerts', '--db', db, '--json']);
    expect(run.status, run.stderr).toBe(0);
    const cli = JSON.parse(run.stdout);
    expect(cli).toEqual(site);
    expect(cli.asOf).toBe('2026-09-30');
    // OAR 80 / (80 + 15) = 84.2%, under the 85% line (watch); screen and technical pass-through drops
    expect(cli.alerts.map((a: { message: string }) => a.message)).toEqual([
      'Offer acceptance 84.2% (80 accepted, 15 declined) is below the 85% line',
      'screen pass-through fell 15.3 points: 65.2% (316 reached) against 80.5% (308 reached) the period before',
      'technical pass-through fell 18.3 points: 66.0% (206 reached) against 84.3% (248 reached) the period before',
    ]);
    const human = runCli(['alerts', '--db', db]);
    expect(human.stdout.split('\n')[0]).toBe('3 alert(s) as of 2026-09-30:');
  });

  it('writes LatAm time to fill as the site does: 24.5 days, not 25', () => {
    const json = JSON.parse(runCli(['metrics', '--db', db, '--json']).stdout);
    // 12 filled LatAm openings: the median is the mean of the 6th and 7th fill times, (24 + 25) / 2
    expect(json.regions.find((r: { region: string }) => r.region === 'LatAm')).toMatchObject({ filled: 12, medianTimeToFillDays: 24.5 });
    expect(runCli(['metrics', '--db', db]).stdout).toMatch(/^LatAm +12 +24\.5 +25-35 +below$/m);
  });

  it('says when the data is stale: a warning on stderr and freshness in the JSON', () => {
    const age = daysSince(newest); // 68 on 2026-12-07
    const run = runCli(['metrics', '--db', db, '--json']);
    expect(JSON.parse(run.stdout).freshness).toEqual({ newestEvent: '2026-09-30', staleDays: age, staleAfterDays: 14, stale: age > 14 });
    expect(run.stderr).toBe(
      `warning: the newest event in the data is 2026-09-30, ${age} days ago (stale after 14 days, config staleAfterDays): load newer exports, or read the figures as of that day\n`,
    );
    expect(runCli(['alerts', '--db', db]).stderr).toBe(run.stderr);
    // as of a day the user chose: no warning, the freshness still in the JSON
    const chosen = runCli(['metrics', '--db', db, '--json', '--as-of', '2026-09-30']);
    expect(chosen.stderr).toBe('');
    expect(JSON.parse(chosen.stdout).freshness.stale).toBe(age > 14);
    // a longer staleAfterDays: fresh, no warning
    const config = path.join(tmp.dir, 'patient.json');
    writeFileSync(config, JSON.stringify({ staleAfterDays: age + 1 }));
    const patient = runCli(['metrics', '--db', db, '--json', '--config', config]);
    expect(patient.stderr).toBe('');
    expect(JSON.parse(patient.stdout).freshness).toEqual({ newestEvent: '2026-09-30', staleDays: age, staleAfterDays: age + 1, stale: false });
  });
});

describe('filters that say what they do', () => {
  const departments = 'Customer Success, Data, Design, Engineering, Finance, Marketing, People, Product, Sales';
  const refused = (args: string[], message: string) => {
    const run = runCli(['metrics', '--db', db, '--as-of', '2026-09-30', ...args]);
    expect(run.status, args.join(' ')).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n').filter((l) => !l.startsWith('warning:')).join('\n')).toBe(`usage error: ${message}\nsee hirescope metrics --help\n`);
  };

  it('refuses unknown values, naming the known ones (the sample: 9 departments, 7 sources)', () => {
    refused(['--department', 'Nope'], `unknown department "Nope"; known: ${departments}`);
    refused(['--region', 'Mars'], 'unknown region "Mars"; known: US, EU, LatAm, APAC, Other');
    refused(['--level', 'X'], 'unknown level "X"; known: entry, mid, senior, staff, principal, executive');
    refused(['--level', 'seniro'], 'unknown level "seniro" (did you mean senior?); known: entry, mid, senior, staff, principal, executive');
    refused(['--source', 'X'], 'unknown source "X"; known: Agency, Careers Page, GitHub, Indeed, LinkedIn, Referral, University');
  });

  it('refuses a reversed period and a period after the as-of', () => {
    refused(['--from', '2026-09-01', '--to', '2026-01-01'], '--from 2026-09-01 is after --to 2026-01-01: the period is empty (give the earlier date first)');
    refused(['--from', '2026-10-01'], '--from 2026-10-01 is after the as-of date 2026-09-30: nothing is known after it (give --as-of, or an earlier --from)');
  });

  it('matches a value in another case and echoes the warehouse spelling', () => {
    const lower = runCli(['metrics', '--db', db, '--json', '--as-of', '2026-09-30', '--department', 'sales', '--region', 'latam']);
    const exact = runCli(['metrics', '--db', db, '--json', '--as-of', '2026-09-30', '--department', 'Sales', '--region', 'LatAm']);
    expect(lower.status, lower.stderr).toBe(0);
    expect(JSON.parse(lower.stdout).filters).toEqual({ department: 'Sales', region: 'LatAm' });
    expect(lower.stdout).toBe(exact.stdout);
  });
});

describe('status reads the state beside its warehouse', () => {
  it('reports the generation published from --db, with the newest event', () => {
    const run = runCli(['status', '--db', db, '--json']);
    expect(run.status, run.stderr).toBe(0);
    const status = JSON.parse(run.stdout);
    // the generation `current` points at in this state, not the repository's data/
    expect(status.refresh.published).toMatchObject({ generation: path.basename(readlinkSync(path.join(state, 'state', 'current'))), asOf: '2026-09-30' });
    // a stage entered 2026-09-30 21:03Z is the newest event of the sample
    expect(status.latestDataAt).toBe('2026-09-30T21:03:00Z');
  });
});

describe('a reader that stops early (EPIPE)', () => {
  it('rejects | head -1 and metrics | head -1 end quietly, exit 0', () => {
    // 3,000 rows with no valid date: 3,000 quarantined rows, far more than a pipe holds
    const bad = path.join(tmp.dir, 'bad');
    spawnSync('mkdir', ['-p', bad]);
    const header = 'application_id,job_id,applied_at,candidate_id,source,source_type,status,rejected_at,rejection_type,rejection_reason,hired_at';
    writeFileSync(path.join(bad, 'applications.csv'), `${header}\n${Array.from({ length: 3000 }, (_, i) => `bad-${i},job-1,not a date,,,,,,,,`).join('\n')}\n`);
    const big = path.join(tmp.dir, 'big.duckdb');
    expect(runCli(['ingest', bad, '--db', big]).status).toBe(0);
    const cli = path.join(repoRoot, 'pipelines', 'cli.ts');
    for (const args of [`rejects --db ${big}`, `metrics --db ${db} --json`]) {
      const run = spawnSync('bash', ['-c', `"${process.execPath}" "${cli}" ${args} | head -1; echo "exit=\${PIPESTATUS[0]}" >&2`], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
      expect(run.stdout.split('\n').length, args).toBe(2); // one line and the final newline
      expect(run.stderr.split('\n').filter((l) => !l.startsWith('warning:')).join('\n'), args).toBe('exit=0\n');
    }
  });
});
