/**
 * Workable adapter (issue 7): the candidates export (plus jobs and, optionally, the account's
 * disqualification reasons) against the canonical files of the same company, through the real CLI.
 *
 * The export is lossy — one row per candidate with its CURRENT stage, no stage history, no openings, no
 * offers — so equality is asserted for what it carries (funnel, sources' applications/hires/hireRate, pay)
 * and every other section is asserted to differ in the documented way, with its numbers.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { AS_OF, type CompanyRun, companyPairs } from '../helpers/vendors.ts';
import { runCli, tempDir, writeFiles } from '../helpers/tmp.ts';

type Doc = Record<string, any>;

const metricsOf = (db: string, filters: string[] = []): Doc => {
  const run = runCli(['metrics', '--db', db, '--json', '--as-of', AS_OF, ...filters]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout);
};

/** The sources section without the offer counts the export cannot carry. */
const sourcesWithoutOffers = (doc: Doc) =>
  (doc.sources as Doc[]).map(({ source, applications, hires, hireRate }) => ({ source, applications, hires, hireRate }));

/**
 * Time to hire as the Workable export can give it: from hired_at (the day the candidate was moved to
 * Hired), since it holds no offers — computed straight from the canonical applications file.
 */
async function timeToHireFromHiredAt(canonicalDir: string, department?: string): Promise<Doc> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`SET TimeZone = 'UTC'`);
    const reader = await connection.runAndReadAll(
      `SELECT count(*)::INTEGER AS hires, quantile_cont(days, 0.5)::DOUBLE AS "medianDays", avg(days)::DOUBLE AS "meanDays"
       FROM (
         SELECT date_diff('day', a.applied_at::DATE, a.hired_at::DATE) AS days
         FROM read_csv($applications, header = true, columns = {'application_id': 'VARCHAR', 'job_id': 'VARCHAR',
           'applied_at': 'TIMESTAMPTZ', 'candidate_id': 'VARCHAR', 'source': 'VARCHAR', 'source_type': 'VARCHAR',
           'status': 'VARCHAR', 'rejected_at': 'TIMESTAMPTZ', 'rejection_type': 'VARCHAR', 'rejection_reason': 'VARCHAR',
           'hired_at': 'TIMESTAMPTZ'}) a
         JOIN read_csv($jobs, header = true, all_varchar = true) j USING (job_id)
         WHERE a.status = 'hired' AND a.hired_at::DATE <= $as_of::DATE
           AND ($department::VARCHAR IS NULL OR j.department = $department::VARCHAR)
       )`,
      {
        applications: path.join(canonicalDir, 'applications.csv'),
        jobs: path.join(canonicalDir, 'jobs.csv'),
        as_of: AS_OF,
        department: department ?? null,
      },
    );
    return reader.getRowObjectsJson()[0] as Doc;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('Workable: generated export vs canonical files of the same company', () => {
  const tmp = tempDir('hs-workable-');
  let canonical: CompanyRun;
  let workable: CompanyRun;
  let canonicalB: CompanyRun;
  let workableB: CompanyRun;

  beforeAll(() => {
    ({ canonical, vendor: workable, canonicalB, vendorB: workableB } = companyPairs(tmp.dir, 'workable'));
  }, 240_000);
  afterAll(() => tmp.cleanup());

  it('loads the candidates and jobs exports and leaves the talent pool out', () => {
    const kinds = workable.ingest.files.map((f) => [path.basename(f.path), f.kind, f.status, f.rowsRejected]);
    expect(kinds).toEqual([
      ['fx_rates.csv', 'fx_rates', 'loaded', 0],
      ['benchmarks.csv', 'benchmarks', 'loaded', 0],
      ['compensation.csv', 'compensation', 'loaded', 0],
      ['candidates.csv', 'workable:candidates', 'loaded', 0],
      ['jobs.csv', 'workable:jobs', 'loaded', 0],
    ]);
    const canonicalApplications = canonical.ingest.files.find((f) => f.kind === 'applications')!.rowsLoaded;
    // Every 50th application is also written as a talent-pool candidate (no job): 1905 applications ->
    // floor(1905 / 50) = 38 extra rows, left out of the applications and of the stays.
    expect(canonicalApplications).toBe(1905);
    expect(workable.ingest.files.find((f) => f.kind === 'workable:candidates')!.rowsLoaded).toBe(1905 + 38);
    const derived = Object.fromEntries(workable.ingest.derived.map((d) => [d.entity, { rows: d.rows, leftOut: d.leftOut }]));
    expect(derived).toEqual({
      jobs: { rows: 60, leftOut: [] },
      applications: { rows: 1905, leftOut: [{ reason: 'talent-pool candidate (no job)', rows: 38 }] },
      // One stay per application, at its current stage.
      stage_history: { rows: 1905, leftOut: [{ reason: 'application left out', rows: 38 }] },
    });
  });

  it('gives the same funnel, sources (applications, hires, hire rate) and pay as the canonical files', () => {
    const v = workable.metrics as Doc;
    const c = canonical.metrics as Doc;
    expect(Object.keys(v).sort()).toEqual(Object.keys(c).sort());
    for (const key of ['asOf', 'filters', 'funnel', 'payBands']) expect({ [key]: v[key] }).toEqual({ [key]: c[key] });
    // The generator writes each application's furthest stage as its current stage, so an application whose
    // canonical history ends in the unmapped "Culture Chat" (or moved backwards) still counts where the
    // canonical funnel counts it.
    expect(v.funnel[0]).toMatchObject({ stage: 'applied', reached: 1905 });
    expect(sourcesWithoutOffers(v)).toEqual(sourcesWithoutOffers(c));
    expect(v.timeToHire.hires).toBe(c.timeToHire.hires);
    expect(v.dataQuality.rowsRejected).toBe(c.dataQuality.rowsRejected);
    expect(v.dataQuality.payRowsWithoutRate).toBe(c.dataQuality.payRowsWithoutRate);
  });

  it('documents, with numbers, what the export cannot carry', async () => {
    const v = workable.metrics as Doc;
    const c = canonical.metrics as Doc;

    // No offers in a candidates export: OAR, offer speed, offers vs bands and the sources' offer counts are
    // empty, where the canonical company has 80 accepted, 15 declined, 3 rescinded.
    expect(c.offerAcceptance).toMatchObject({ accepted: 80, declined: 15, rescinded: 3, status: 'watch' });
    expect(v.offerAcceptance).toMatchObject({ accepted: 0, declined: 0, pending: 0, rescinded: 0, rate: null, status: 'insufficient-data' });
    expect(v.offerSpeed).toEqual({ within2Days: { accepted: 0, declined: 0 }, later: { accepted: 0, declined: 0 } });
    expect(c.offerSpeed.within2Days.accepted + c.offerSpeed.later.accepted).toBe(80);
    expect(v.offersVsBands.overall.offers).toBe(0);
    expect(c.offersVsBands.overall.offers).toBe(98);
    const offerCounts = (doc: Doc) =>
      (doc.sources as Doc[]).reduce((sum, s) => [sum[0]! + s.offersAccepted, sum[1]! + s.offersDeclined], [0, 0]);
    expect(offerCounts(c)).toEqual([80, 15]);
    expect(offerCounts(v)).toEqual([0, 0]);

    // No openings: nothing filled, nothing open (canonical: 80 filled, 13 open), no regional timelines.
    expect(c.timeToFill).toMatchObject({ filled: 80, open: 13 });
    expect(v.timeToFill).toMatchObject({ filled: 0, medianDays: null, open: 0, kmMedianDays: null });
    expect((c.regions as Doc[]).map((r) => r.filled)).toEqual([28, 27, 12, 13]);
    expect((v.regions as Doc[]).map((r) => [r.filled, r.status])).toEqual([[0, null], [0, null], [0, null], [0, null]]);

    // No stage history: the one stay per application is its current stage, entered "at creation". Past
    // the first stage that entry is unknown, so the stay stays open (issue 14: a lone stay past the first
    // stage is a snapshot, not an event). In the first stage the entry is the application itself: the 324
    // candidates disqualified while still in review have a stay from applying to disqualification, like
    // the canonical one (canonical: 1886 finished applied stays, among them those 324).
    expect((c.timeInStage as Doc[]).map((s) => s.stays)).toEqual([1886, 2350, 1100, 2045, 98, 0]);
    expect((v.timeInStage as Doc[]).map((s) => [s.stays, s.medianDays])).toEqual([[324, 2], ...Array(5).fill([0, null])]);

    // Time to hire: canonical hire date = the accepted offer's resolution; Workable has only hired_at (the
    // day the candidate was moved to Hired, 0+ days later: same day for 45 of the 80 hires here), so the
    // same 80 hires give mean 22.175 instead of 21.7375 days — exactly the hired_at-based figures.
    expect(c.timeToHire).toEqual({ hires: 80, medianDays: 21, meanDays: 21.7375 });
    expect(v.timeToHire).toEqual({ hires: 80, medianDays: 21, meanDays: 22.175 });
    expect(v.timeToHire).toEqual(await timeToHireFromHiredAt(canonical.dir));

    // Only the current stage is exported, so side stages of the history never show up as unmapped.
    expect(c.dataQuality.unmappedStages).toEqual(['Culture Chat']);
    expect(v.dataQuality.unmappedStages).toEqual([]);
  });

  it('agrees on a second company (seed 11, scale 0.5) filtered to Engineering', async () => {
    const filter = ['--department', 'Engineering'];
    const v = metricsOf(workableB.db, filter);
    const c = metricsOf(canonicalB.db, filter);
    expect(v.filters).toEqual(c.filters);
    expect(v.funnel).toEqual(c.funnel);
    expect(v.funnel[0].reached).toBeGreaterThan(100);
    expect(sourcesWithoutOffers(v)).toEqual(sourcesWithoutOffers(c));
    expect(v.payBands).toEqual(c.payBands);
    expect(v.timeToHire.hires).toBe(c.timeToHire.hires);
    expect(v.timeToHire).toEqual(await timeToHireFromHiredAt(canonicalB.dir, 'Engineering'));
    // Unfiltered as well.
    expect((workableB.metrics as Doc).funnel).toEqual((canonicalB.metrics as Doc).funnel);
  }, 120_000);
});

describe('Workable quirks, by hand', () => {
  const tmp = tempDir('hs-workable-quirks-');
  afterAll(() => tmp.cleanup());

  // Three listed jobs (country from the name, the ISO code, or the location text) and one, ZZZ0000001, only
  // named by a candidate. Personal-data columns (name, email, phone) are never stored.
  const jobs = [
    'shortcode,title,department,state,created_at,location_city,location_country,location_country_code,location_str,level',
    'ENG0000001,Backend Engineer,Engineering,published,2026-01-05T09:00:00Z,Berlin,Germany,,,Senior',
    'SAL0000001,Account Executive,Sales,closed,2026-01-05T09:00:00Z,Austin,,us,,Mid-Level',
    'OPS0000001,Operations Lead,Operations,published,2026-01-05T09:00:00Z,,,,"Lisbon, Portugal",Staff',
  ].join('\n');
  const candidates = [
    'id,name,email,phone,job.shortcode,job.title,stage,disqualified,disqualification_reason,disqualified_at,hired_at,sourced,domain,created_at',
    'c01,Ann A,ann@example.com,+1 555 0101,ENG0000001,Backend Engineer,Hired,false,,,2026-03-21T15:00:00Z,false,Referral,2026-03-01T10:00:00Z',
    'c02,Bo B,bo@example.com,,ENG0000001,Backend Engineer,Phone Screen,true,Not interested,2026-03-05T10:00:00Z,,false,Indeed,2026-03-01T10:00:00Z',
    'c03,Cy C,cy@example.com,,ENG0000001,Backend Engineer,Applied,true,Doesn’t have required qualifications,2026-03-02T10:00:00Z,,false,Indeed,2026-03-01T10:00:00Z',
    'c04,Di D,di@example.com,,SAL0000001,Account Executive,Interview,true,Ghosted us,2026-03-09T10:00:00Z,,false,Referral,2026-03-01T10:00:00Z',
    'c05,Ed E,ed@example.com,,SAL0000001,Account Executive,Assessment,true,Budget freeze,2026-03-07T10:00:00Z,,false,Careers Page,2026-03-01T10:00:00Z',
    'c06,Flo F,flo@example.com,,SAL0000001,Account Executive,Offer,true,Salary expectations too high,2026-03-15T10:00:00Z,,false,Indeed,2026-03-01T10:00:00Z',
    'c07,Gus G,gus@example.com,,OPS0000001,Operations Lead,phone-screen,false,,,,false,,2026-03-01T10:00:00Z',
    'c08,Hal H,hal@example.com,,OPS0000001,Operations Lead,Sourced,false,,,,true,LinkedIn,2026-03-01T10:00:00Z',
    'c09,Ida I,ida@example.com,,,,,false,,,,true,LinkedIn,2026-02-01T10:00:00Z',
    'c10,Jo J,jo@example.com,,ZZZ0000001,Field Technician,Interview,true,,2026-03-12T10:00:00Z,,false,Indeed,2026-03-01T10:00:00Z',
    'c11,Kit K,kit@example.com,,SAL0000001,Account Executive,Hired,false,,,2026-03-11T09:00:00Z,true,LinkedIn,2026-03-01T10:00:00Z',
    'c12,Lu L,lu@example.com,,ENG0000001,Backend Engineer,Culture Chat,false,,,,false,Careers Page,2026-03-01T10:00:00Z',
  ].join('\n');
  // The account's own reasons (GET /spi/v3/disqualification_reasons): a custom one the candidate ended.
  const reasons = ['id,description,candidate_withdrew,position', 'r1,Ghosted us,true,1', 'r2,Not interested,true,2'].join('\n');
  // A config override beats Workable's default ("Salary expectations too high" is a "Candidate rejected" reason).
  const config = JSON.stringify({ vendors: { rejectionTypes: { 'Salary expectations too high': 'withdrew' } } });

  let db: string;
  let ingested: Doc;
  beforeAll(() => {
    const dir = path.join(tmp.dir, 'in');
    writeFiles(dir, { 'jobs.csv': jobs + '\n', 'candidates.csv': candidates + '\n', 'disqualification_reasons.csv': reasons + '\n' });
    writeFiles(tmp.dir, { 'hirescope.config.json': config });
    db = path.join(tmp.dir, 'w.duckdb');
    const run = runCli(['ingest', dir, '--db', db, '--json', '--config', path.join(tmp.dir, 'hirescope.config.json')]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    ingested = JSON.parse(run.stdout);
  }, 60_000);

  it('drops personal data and leaves the talent-pool candidate out', () => {
    const file = (ingested.files as Doc[]).find((f) => f.kind === 'workable:candidates')!;
    expect(file).toMatchObject({ rowsRead: 12, rowsLoaded: 12, rowsRejected: 0, droppedColumns: ['name', 'email', 'phone'] });
    expect((ingested.files as Doc[]).map((f) => f.kind).sort()).toEqual([
      'workable:candidates',
      'workable:disqualification_reasons',
      'workable:jobs',
    ]);
    const derived = Object.fromEntries((ingested.derived as Doc[]).map((d) => [d.entity, [d.rows, d.leftOut]]));
    expect(derived).toEqual({
      jobs: [4, []], // 3 listed + ZZZ0000001 named only by c10
      applications: [11, [{ reason: 'talent-pool candidate (no job)', rows: 1 }]], // c09
      stage_history: [11, [{ reason: 'application left out', rows: 1 }]],
    });
  });

  it('reads disqualification, hired_at, reason types and the current stage into the funnel', () => {
    const m = metricsOf(db);
    // Furthest stage per application (rank: applied 1 ... hired 6):
    //   c01 Hired 6 (hired_at) | c02 Phone Screen 2 | c03 Applied 1 | c04 Interview 4 | c05 Assessment 3
    //   c06 Offer 5 | c07 phone-screen (slug) 2 | c08 Sourced 1 | c10 Interview 4 | c11 Hired 6
    //   c12 Culture Chat: unmapped, so applied 1
    // reached: applied 11; screen = ranks >= 2: c01 c02 c04 c05 c06 c07 c10 c11 = 8; technical >= 3: 6;
    //   onsite >= 4: c01 c04 c06 c10 c11 = 5; offer >= 5: c01 c06 c11 = 3; hired: c01 c11 = 2.
    // Ending at each stage, by type:
    //   applied: c03 "Doesn’t have required qualifications" (curly apostrophe, Workable default) -> rejected;
    //            c08, c12 active
    //   screen: c02 "Not interested" -> withdrew; c07 active
    //   technical: c05 "Budget freeze" (custom, known nowhere) -> other
    //   onsite: c04 "Ghosted us" -> withdrew (account's reasons file); c10 no reason -> other
    //   offer: c06 "Salary expectations too high" -> withdrew (config override over the default "rejected")
    expect(m.funnel).toEqual([
      { stage: 'applied', reached: 11, advanced: 8, passThrough: 8 / 11, rejected: 1, withdrew: 0, other: 0, active: 2 },
      { stage: 'screen', reached: 8, advanced: 6, passThrough: 6 / 8, rejected: 0, withdrew: 1, other: 0, active: 1 },
      { stage: 'technical', reached: 6, advanced: 5, passThrough: 5 / 6, rejected: 0, withdrew: 0, other: 1, active: 0 },
      { stage: 'onsite', reached: 5, advanced: 3, passThrough: 3 / 5, rejected: 0, withdrew: 1, other: 1, active: 0 },
      { stage: 'offer', reached: 3, advanced: 2, passThrough: 2 / 3, rejected: 0, withdrew: 1, other: 0, active: 0 },
      { stage: 'hired', reached: 2, advanced: null, passThrough: null, rejected: 0, withdrew: 0, other: 0, active: 0 },
    ]);
    // Sources from `domain` (sourced or applied alike); c07 has none -> Unknown. Indeed: c02 c03 c06 c10 (no
    // hire); then the pairs by name: Careers Page c05 c12 (0 hires), LinkedIn c08 c11 (c11 hired: 1/2),
    // Referral c01 c04 (c01 hired: 1/2); Unknown c07.
    expect(sourcesWithoutOffers(m)).toEqual([
      { source: 'Indeed', applications: 4, hires: 0, hireRate: 0 },
      { source: 'Careers Page', applications: 2, hires: 0, hireRate: 0 },
      { source: 'LinkedIn', applications: 2, hires: 1, hireRate: 0.5 },
      { source: 'Referral', applications: 2, hires: 1, hireRate: 0.5 },
      { source: 'Unknown', applications: 1, hires: 0, hireRate: 0 },
    ]);
    // Time to hire from hired_at: c01 2026-03-01 -> 03-21 = 20 days, c11 03-01 -> 03-11 = 10 days:
    // median (10 + 20) / 2 = 15, mean 15.
    expect(m.timeToHire).toEqual({ hires: 2, medianDays: 15, meanDays: 15 });
    expect(m.dataQuality.unmappedStages).toEqual(['Culture Chat']);
  }, 120_000);

  it('derives the jobs: department, level and country (region) from the jobs export', () => {
    // EU: ENG (Germany, by name) c01 c02 c03 c12 + OPS ("Lisbon, Portugal") c07 c08 = 6; US: SAL (code "us") c04
    // c05 c06 c11 = 4; ZZZ0000001 has no country: Other, c10 = 1.
    expect(metricsOf(db, ['--region', 'EU']).funnel[0].reached).toBe(6);
    expect(metricsOf(db, ['--region', 'US']).funnel[0].reached).toBe(4);
    expect(metricsOf(db, ['--region', 'Other']).funnel[0].reached).toBe(1);
    // Level "Senior" (ENG) -> senior: c01 c02 c03 c12; department Sales: c04 (rank 4) c05 (3) c06 (5) c11 (6).
    expect(metricsOf(db, ['--level', 'senior']).funnel[0].reached).toBe(4);
    const sales = metricsOf(db, ['--department', 'Sales']);
    expect(sales.funnel.map((s: Doc) => s.reached)).toEqual([4, 4, 4, 3, 2, 1]);
  }, 120_000);
});

describe('Workable malformed exports', () => {
  const tmp = tempDir('hs-workable-bad-');
  afterAll(() => tmp.cleanup());
  const header = 'id,job_shortcode,stage,disqualified,disqualification_reason,disqualified_at,created_at';

  it('quarantines a bad disqualified_at with its line and column, and loads the rest', () => {
    const dir = path.join(tmp.dir, 'bad-timestamp');
    writeFiles(dir, {
      'candidates.csv': [
        header,
        'b01,ENG0000001,Applied,true,Not interested,2026-03-05T10:00:00Z,2026-03-01T10:00:00Z',
        'b02,ENG0000001,Applied,true,Not interested,2026-02-30T10:00:00Z,2026-03-01T10:00:00Z',
        'b03,ENG0000001,Applied,false,,,2026-03-01T10:00:00Z',
        'b04,ENG0000001,Applied,true,Not interested,last week,2026-03-01T10:00:00Z',
      ].join('\n') + '\n',
    });
    const db = path.join(tmp.dir, 'bad-timestamp.duckdb');
    const run = runCli(['ingest', dir, '--db', db, '--json']);
    expect(run.status).toBe(0);
    const file = JSON.parse(run.stdout).files[0];
    expect(file).toMatchObject({ kind: 'workable:candidates', status: 'loaded', rowsRead: 4, rowsLoaded: 2, rowsRejected: 2 });
    const rejects = JSON.parse(runCli(['rejects', '--db', db, '--json']).stdout).rejects as Doc[];
    expect(rejects.map((r) => [path.basename(r.file), r.line, r.column, r.value, r.reason])).toEqual([
      ['candidates.csv', 3, 'disqualified_at', '2026-02-30T10:00:00Z', 'invalid_timestamp'],
      ['candidates.csv', 5, 'disqualified_at', 'last week', 'invalid_timestamp'],
    ]);
    // b01 (withdrew at applied) and b03 (active) made it through.
    const funnel = metricsOf(db).funnel[0];
    expect(funnel).toMatchObject({ stage: 'applied', reached: 2, withdrew: 1, active: 1 });
  }, 120_000);

  it('refuses a candidates export without created_at, naming the column, and loads nothing from it', () => {
    const dir = path.join(tmp.dir, 'no-created-at');
    writeFiles(dir, {
      'candidates.csv': 'id,job_shortcode,stage,disqualified,disqualification_reason,disqualified_at\nb01,ENG0000001,Applied,true,Not interested,2026-03-05T10:00:00Z\n',
    });
    const db = path.join(tmp.dir, 'no-created-at.duckdb');
    const run = runCli(['ingest', dir, '--db', db, '--json']);
    expect(run.status).toBe(1);
    const file = JSON.parse(run.stdout).files[0];
    expect(file).toMatchObject({ status: 'refused', rowsRead: 0, rowsLoaded: 0 });
    expect(file.message).toContain('workable candidates (missing created_at)');
    expect(run.stderr).toContain('workable candidates (missing created_at)');
  }, 120_000);
});
