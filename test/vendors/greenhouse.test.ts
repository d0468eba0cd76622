/**
 * Greenhouse Data Lake exports (issue 7): generated exports against the canonical files of the same
 * company, a hand-made export of data the generator never saw, the Data Lake quirks, config switches,
 * and malformed Greenhouse files.
 */
import { readFileSync, writeFileSync, cpSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli, tempDir, writeFiles } from '../helpers/tmp.ts';
import { AS_OF, expectSameMetrics, generatedCompany, type CompanyRun } from '../helpers/vendors.ts';

const readCsv = (file: string) =>
  Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;
const idNumber = (id: string) => Number(id.replace(/\D/g, ''));

describe('a generated Greenhouse Data Lake export', () => {
  const tmp = tempDir('hs-gh-');
  let canonical: CompanyRun;
  let greenhouse: CompanyRun;
  beforeAll(() => {
    canonical = generatedCompany(tmp.dir, 'canonical');
    greenhouse = generatedCompany(tmp.dir, 'greenhouse');
  });
  afterAll(() => tmp.cleanup());

  it('gives the same metrics --json as the canonical files of the same company', () => {
    expectSameMetrics(greenhouse.metrics, canonical.metrics);
    // and the same company it is: 80 hires, the sample's OAR 80 / (80 + 15)
    expect(greenhouse.metrics).toMatchObject({ offerAcceptance: { accepted: 80, declined: 15, rescinded: 3 } });
  });

  it('gives the same figures under filters (department, region, period)', () => {
    const filters = ['--department', 'Engineering', '--region', 'EU', '--from', '2026-01-01', '--to', '2026-06-30'];
    const run = (db: string) => JSON.parse(runCli(['metrics', '--db', db, '--json', '--as-of', AS_OF, ...filters]).stdout);
    const a = run(greenhouse.db);
    expectSameMetrics(a, run(canonical.db));
    expect(a.filters).toEqual({ department: 'Engineering', region: 'EU', from: '2026-01-01', to: '2026-06-30' });
  });

  it('leaves out prospects, migrated candidates, unreached stages and repeated rows, and says how many', () => {
    const apps = readCsv(path.join(canonical.dir, 'applications.csv'));
    const stays = readCsv(path.join(canonical.dir, 'stage_history.csv'));
    // The generator copies every 40th application as a prospect and every 97th as a migrated candidate
    // (pipelines/generate/formats/greenhouse/applications.sql); it lists an unreached Offer row for each
    // application that never got there, and repeats every 25th stay.
    const prospects = apps.filter((a) => idNumber(a.application_id!) % 40 === 0).length;
    const migrated = apps.filter((a) => idNumber(a.application_id!) % 97 === 0).length;
    const migratedStays = stays.filter((s) => idNumber(s.application_id!) % 97 === 0).length;
    const withOffer = new Set(stays.filter((s) => s.stage === 'Offer').map((s) => s.application_id));
    const neverOffered = new Set(stays.map((s) => s.application_id)).size - withOffer.size;
    expect(prospects).toBeGreaterThan(10);
    expect(migrated).toBeGreaterThan(5);

    const byEntity = Object.fromEntries(greenhouse.ingest.derived.map((d) => [d.entity, d]));
    expect(byEntity.applications).toEqual({
      vendor: 'greenhouse',
      entity: 'applications',
      rows: apps.length,
      leftOut: [
        { reason: 'migrated from an earlier system', rows: migrated },
        { reason: 'prospect', rows: prospects },
      ],
    });
    expect(byEntity.stage_history).toEqual({
      vendor: 'greenhouse',
      entity: 'stage_history',
      rows: stays.length, // the repeated rows are gone: exactly the canonical stays
      leftOut: [
        { reason: 'application left out', rows: migratedStays },
        { reason: 'stage never reached', rows: neverOffered },
      ],
    });
    // Raw rows as read: stays + every 25th again + the migrated copies' stays + one unreached row per application.
    const raw = greenhouse.ingest.files.find((f) => f.kind === 'greenhouse:application_stages')!;
    expect(raw.rowsRead).toBe(stays.length + Math.floor(stays.length / 25) + migratedStays + neverOffered);
    expect(raw.rowsLoaded).toBe(raw.rowsRead);
    expect(greenhouse.ingest.files.every((f) => f.status === 'loaded' && f.rowsRejected === 0)).toBe(true);
  });

  it('counts prospects and migrated candidates as applications when the config says so', () => {
    const config = path.join(tmp.dir, 'with-prospects.json');
    writeFileSync(config, JSON.stringify({ vendors: { includeProspects: true, includeMigrated: true } }));
    const db = path.join(tmp.dir, 'prospects.duckdb');
    expect(runCli(['ingest', greenhouse.dir, '--db', db, '--config', config]).status).toBe(0);
    const doc = JSON.parse(runCli(['metrics', '--db', db, '--json', '--as-of', AS_OF, '--config', config]).stdout);
    const apps = readCsv(path.join(canonical.dir, 'applications.csv'));
    const extra = apps.filter((a) => idNumber(a.application_id!) % 40 === 0).length + apps.filter((a) => idNumber(a.application_id!) % 97 === 0).length;
    // Every copy applied on or before its original, so all are in the cohort up to asOf.
    const canonicalFunnel = canonical.metrics.funnel as { reached: number }[];
    expect(doc.funnel[0].reached).toBe(canonicalFunnel[0]!.reached + extra);
  });

  it('re-ingesting the same export changes nothing; a newer export of one table replaces its rows', () => {
    const again = runCli(['ingest', greenhouse.dir, '--db', greenhouse.db, '--json']);
    expect(JSON.parse(again.stdout).files.every((f: { status: string }) => f.status === 'skipped')).toBe(true);
    expect(JSON.parse(again.stdout).derived).toEqual([]);
    // A newer offers export where the last pending... every declined offer is now accepted: the rate moves.
    const newer = path.join(tmp.dir, 'newer');
    const offers = readFileSync(path.join(greenhouse.dir, 'offers.csv'), 'utf8').replaceAll(',rejected,', ',accepted,');
    writeFiles(newer, { 'offers.csv': offers });
    expect(runCli(['ingest', newer, '--db', greenhouse.db, '--vendor', 'greenhouse']).status).toBe(0);
    const doc = JSON.parse(runCli(['metrics', '--db', greenhouse.db, '--json', '--as-of', AS_OF]).stdout);
    // 80 accepted + the 15 declined now accepted = 95, none declined; rescinded offers are unresolved rows, unchanged.
    expect(doc.offerAcceptance).toMatchObject({ accepted: 95, declined: 0, rescinded: 3 });
  });
});

describe('a hand-made Greenhouse Data Lake export (data the generator never saw)', () => {
  const fixtures = path.join(repoRoot, 'test', 'fixtures', 'greenhouse-handmade');
  const config = path.join(fixtures, 'config.json'); // timeZone America/New_York
  const tmp = tempDir('hs-gh-hand-');
  const ingestAndMeasure = (dir: string, extra: string[] = []) => {
    const db = path.join(tmp.dir, `${path.basename(dir)}.duckdb`);
    const ingested = runCli(['ingest', dir, '--db', db, '--config', config, '--json']);
    expect(ingested.status).toBe(0);
    const metrics = (args: string[]) => JSON.parse(runCli(['metrics', '--db', db, '--config', config, '--json', '--as-of', '2026-03-31', ...args]).stdout);
    return { ingest: JSON.parse(ingested.stdout), metrics, db, extra };
  };
  let greenhouse: ReturnType<typeof ingestAndMeasure>;
  let canonical: ReturnType<typeof ingestAndMeasure>;
  beforeAll(() => {
    greenhouse = ingestAndMeasure(path.join(fixtures, 'greenhouse'));
    canonical = ingestAndMeasure(path.join(fixtures, 'canonical'));
  });
  afterAll(() => tmp.cleanup());

  it('yields the offer acceptance, time to fill and funnel of its canonical version, worked out by hand', () => {
    const doc = greenhouse.metrics([]);
    expectSameMetrics(doc, canonical.metrics([]));
    // Offers: 2003 (v2; v1 2002 deprecated) and 2005 accepted; 2001 rejected -> declined; 2004 unresolved
    // on application 1005, rejected with "Offer rescinded" (None Specified) -> rescinded at 2026-02-15.
    // rate = 2 / (2 + 1); 3 resolved offers < minOffers 10 -> insufficient-data.
    expect(doc.offerAcceptance).toMatchObject({ accepted: 2, declined: 1, pending: 0, rescinded: 1, rate: 2 / 3, status: 'insufficient-data' });
    // Time to fill, days in New York: opening 501 opened 2026-01-05, filled by 1003's offer accepted
    // 2026-02-18 -> 26 + 18 = 44; opening 503 opened 2026-01-10, filled 2026-02-26 -> 21 + 26 = 47.
    // Median = mean = (44 + 47) / 2 = 45.5. Opening 502 (2026-02-01) is open: 28 + 30 = 58 days -> 31-60.
    // KM: events at 44 (S = 2/3) and 47 (S = 1/3 <= 0.5) -> 47.
    expect(doc.timeToFill).toMatchObject({
      filled: 2,
      medianDays: 45.5,
      meanDays: 45.5,
      open: 1,
      openAging: { '0-30': 0, '31-60': 1, '61-90': 0, '91-180': 0, '>180': 0 },
      kmMedianDays: 47,
    });
    // Funnel over the 6 applications (1007 is a prospect, left out). Furthest stages: 1001 screen (rejected),
    // 1002 offer (withdrew: "They rejected us"), 1003 hired, 1004 applied (active), 1005 offer (other),
    // 1006 hired. Skipped stages (technical: nobody had one) count as passed.
    expect(doc.funnel.map((s: { stage: string; reached: number }) => [s.stage, s.reached])).toEqual([
      ['applied', 6], ['screen', 5], ['technical', 4], ['onsite', 4], ['offer', 4], ['hired', 2],
    ]);
    expect(doc.funnel[1]).toMatchObject({ rejected: 1, withdrew: 0, active: 0 });
    expect(doc.funnel[4]).toMatchObject({ rejected: 0, withdrew: 1, other: 1 });
    // Berlin HQ "Berlin, Germany" -> DE -> EU; NYC "New York, NY, United States" -> US.
    expect(doc.regions.slice(0, 2)).toMatchObject([
      { region: 'US', filled: 1, medianTimeToFillDays: 47 },
      { region: 'EU', filled: 1, medianTimeToFillDays: 44 },
    ]);
  });

  it('reads Data Lake date-times without an offset as UTC, whatever the organisation zone', () => {
    // Application 1001 applied 2026-01-06 02:30 UTC = 2026-01-05 21:30 in New York: outside a cohort that
    // starts on 2026-01-06 (6 - 1 = 5). Read as New York time it would be inside.
    const doc = greenhouse.metrics(['--from', '2026-01-06']);
    expect(doc.funnel[0].reached).toBe(5);
    expectSameMetrics(doc, canonical.metrics(['--from', '2026-01-06']));
  });

  it('carries departments and levels through for filters', () => {
    const doc = greenhouse.metrics(['--department', 'Sales', '--level', 'mid']);
    expectSameMetrics(doc, canonical.metrics(['--department', 'Sales', '--level', 'mid']));
    // Sales has one job (102, Mid-Level -> mid) with applications 1005 and 1006: 1 accepted, 0 declined.
    expect(doc.offerAcceptance).toMatchObject({ accepted: 1, declined: 0, rescinded: 1 });
    expect(doc.funnel[0].reached).toBe(2);
  });

  it('drops the personal-data columns and reports what it left out', () => {
    const apps = greenhouse.ingest.files.find((f: { kind: string }) => f.kind === 'greenhouse:applications');
    expect(apps.droppedColumns).toEqual(['first_name', 'email']);
    expect(greenhouse.ingest.derived).toEqual([
      { vendor: 'greenhouse', entity: 'jobs', rows: 2, leftOut: [] },
      { vendor: 'greenhouse', entity: 'openings', rows: 3, leftOut: [] },
      { vendor: 'greenhouse', entity: 'applications', rows: 6, leftOut: [{ reason: 'prospect', rows: 1 }] },
      // 25 rows: 1 repeated Onsite row, 5 unreached (1001 x2, 1004 x3), 1 of prospect 1007 -> 18 stays.
      { vendor: 'greenhouse', entity: 'stage_history', rows: 18, leftOut: [{ reason: 'application left out', rows: 1 }, { reason: 'stage never reached', rows: 5 }] },
      { vendor: 'greenhouse', entity: 'offers', rows: 5, leftOut: [] },
    ]);
  });

  it('takes an office country from the config when the location text does not name one', () => {
    const dir = path.join(tmp.dir, 'override');
    cpSync(path.join(fixtures, 'greenhouse'), dir, { recursive: true });
    // NYC's location no longer names a country; the config says the office is in Brazil (LatAm).
    const offices = readFileSync(path.join(dir, 'offices.csv'), 'utf8').replace('"New York, NY, United States"', 'Midtown');
    writeFileSync(path.join(dir, 'offices.csv'), offices);
    const custom = path.join(tmp.dir, 'override.json');
    writeFileSync(custom, JSON.stringify({ timeZone: 'America/New_York', vendors: { officeCountries: { NYC: 'Brazil' } } }));
    const db = path.join(tmp.dir, 'override.duckdb');
    expect(runCli(['ingest', dir, '--db', db, '--config', custom]).status).toBe(0);
    const doc = JSON.parse(runCli(['metrics', '--db', db, '--config', custom, '--json', '--as-of', '2026-03-31']).stdout);
    expect(doc.regions.find((r: { region: string }) => r.region === 'LatAm')).toMatchObject({ filled: 1, medianTimeToFillDays: 47 });
  });
});

describe('malformed Greenhouse files', () => {
  const tmp = tempDir('hs-gh-bad-');
  afterAll(() => tmp.cleanup());

  it('quarantines a bad value with the file, line and Greenhouse column, and loads the rest', () => {
    const dir = path.join(tmp.dir, 'bad-values');
    writeFiles(dir, {
      'applications.csv':
        'id,candidate_id,source_id,status,prospect,applied_at,rejected_at,rejection_reason_id,migrated\n' +
        '1,11,,active,false,2026-01-02 10:00:00,,,false\n' +
        '2,12,,active,maybe,2026-01-02 10:00:00,,,false\n' +
        '3,13,,active,false,2026-02-30 10:00:00,,,false\n',
      'applications_jobs.csv': 'application_id,job_id\n1,7\n2,7\n3,7\n',
    });
    const db = path.join(tmp.dir, 'bad.duckdb');
    const run = runCli(['ingest', dir, '--db', db, '--json']);
    expect(run.status).toBe(0);
    const apps = JSON.parse(run.stdout).files.find((f: { kind: string }) => f.kind === 'greenhouse:applications');
    expect(apps).toMatchObject({ rowsRead: 3, rowsLoaded: 1, rowsRejected: 2 });
    const rejects = JSON.parse(runCli(['rejects', '--db', db, '--json']).stdout).rejects;
    expect(rejects.map((r: Record<string, unknown>) => [path.basename(String(r.file)), r.line, r.column, r.reason])).toEqual([
      ['applications.csv', 3, 'prospect', 'invalid_enum'],
      ['applications.csv', 4, 'applied_at', 'invalid_timestamp'],
    ]);
  });

  it('refuses a Greenhouse offers file without status, naming the column', () => {
    const dir = path.join(tmp.dir, 'no-status');
    writeFiles(dir, { 'offers.csv': 'id,application_id,version,created_at,sent_at,resolved_at\n1,2,1,2026-01-02,,\n' });
    const run = runCli(['ingest', dir, '--db', path.join(tmp.dir, 'refused.duckdb'), '--vendor', 'greenhouse']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('offers.csv');
    expect(run.stderr).toContain('greenhouse offers (missing status)');
  });

  it('refuses a lookup whose shape two tables share when its file name does not say which', () => {
    const dir = path.join(tmp.dir, 'ambiguous');
    writeFiles(dir, { 'lookup.csv': 'id,name,type\n1,LinkedIn,Job Board\n' });
    const run = runCli(['ingest', dir, '--db', path.join(tmp.dir, 'ambiguous.duckdb'), '--vendor', 'greenhouse']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/ambiguous file shape: it could be greenhouse (sources|rejection_reasons) or greenhouse (sources|rejection_reasons)/);
  });
});
