/**
 * Lever as Fivetran syncs it (vendor `fivetran-lever`, issue 14): the generated sync against the canonical
 * files of the same company, through the real CLI; the published seeds of fivetran/dbt_lever_source
 * (test/fixtures/fivetran-lever, PROVENANCE.md) with hand-worked derived rows; soft deletes and the
 * children of deleted parents; a synced table hirescope does not use.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { AS_OF, type CompanyRun, companyPairs, expectSameMetrics, rowsOf } from '../helpers/vendors.ts';
import { runCli, tempDir, writeFiles } from '../helpers/tmp.ts';

type Doc = Record<string, any>;

const seeds = path.join(import.meta.dirname, '..', 'fixtures', 'fivetran-lever');
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
const text = (lines: string[]) => lines.join('\n') + '\n';

function ingest(dir: string, db: string): Doc {
  const run = runCli(['ingest', dir, '--db', db, '--json']);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout);
}

function metricsOf(db: string): Doc {
  const run = runCli(['metrics', '--db', db, '--json', '--as-of', AS_OF]);
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout);
}

const derivedOf = (ingested: Doc) => Object.fromEntries((ingested.derived as Doc[]).map((d) => [d.entity, [d.rows, d.leftOut]]));

/**
 * The canonical files less what a Fivetran Lever sync cannot carry: its `offer` table has no send or
 * signature time and no offer form fields, so an accepted offer resolves at the hire (the opportunity's
 * archive time) and sent_at, start_date, base_salary and currency are empty.
 */
async function withoutOfferDetail(canonicalDir: string, outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  for (const name of readdirSync(canonicalDir)) if (name !== 'offers.csv') copyFileSync(path.join(canonicalDir, name), path.join(outDir, name));
  const src = (name: string) => literal(path.join(canonicalDir, name));
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`SET TimeZone = 'UTC'`);
    await connection.run(
      `COPY (
         SELECT o.offer_id, o.application_id, o.status, o.version, o.created_at, NULL AS sent_at,
           CASE WHEN o.status = 'accepted' THEN a.hired_at ELSE o.resolved_at END AS resolved_at,
           NULL AS start_date, NULL AS base_salary, NULL AS currency
         FROM read_csv(${src('offers.csv')}, header = true, all_varchar = true) o
         LEFT JOIN read_csv(${src('applications.csv')}, header = true, all_varchar = true) a USING (application_id)
         ORDER BY o.offer_id
       ) TO ${literal(path.join(outDir, 'offers.csv'))} (HEADER)`,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('Fivetran Lever: generated sync vs canonical files of the same company', () => {
  const tmp = tempDir('hs-fivetran-lever-');
  let canonical: CompanyRun;
  let fivetran: CompanyRun;
  let canonicalB: CompanyRun;
  let fivetranB: CompanyRun;
  let carried: Doc;
  let carriedB: Doc;

  beforeAll(async () => {
    ({ canonical, vendor: fivetran, canonicalB, vendorB: fivetranB } = companyPairs(tmp.dir, 'fivetran-lever'));
    for (const [run, name] of [[canonical, 'a'], [canonicalB, 'b']] as const) {
      const dir = path.join(tmp.dir, `carried-${name}`);
      await withoutOfferDetail(run.dir, dir);
      ingest(dir, path.join(tmp.dir, `carried-${name}.duckdb`));
    }
    carried = metricsOf(path.join(tmp.dir, 'carried-a.duckdb'));
    carriedB = metricsOf(path.join(tmp.dir, 'carried-b.duckdb'));
  }, 300_000);
  afterAll(() => tmp.cleanup());

  it('loads every synced table and leaves out leads, soft-deleted rows and everything under them', () => {
    const kinds = fivetran.ingest.files.map((f) => [path.basename(f.path), f.kind, f.status, f.rowsRejected]);
    expect(kinds).toEqual([
      ['fx_rates.csv', 'fx_rates', 'loaded', 0],
      ['benchmarks.csv', 'benchmarks', 'loaded', 0],
      ['compensation.csv', 'compensation', 'loaded', 0],
      ['opportunity.csv', 'fivetran-lever:opportunity', 'loaded', 0],
      ['opportunity_stage_history.csv', 'fivetran-lever:opportunity_stage_history', 'loaded', 0],
      ['opportunity_source.csv', 'fivetran-lever:opportunity_source', 'loaded', 0],
      ['application.csv', 'fivetran-lever:application', 'loaded', 0],
      ['offer.csv', 'fivetran-lever:offer', 'loaded', 0],
      ['posting.csv', 'fivetran-lever:posting', 'loaded', 0],
      ['requisition.csv', 'fivetran-lever:requisition', 'loaded', 0],
      ['requisition_posting.csv', 'fivetran-lever:requisition_posting', 'loaded', 0],
      ['archive_reason.csv', 'fivetran-lever:archive_reason', 'loaded', 0],
      ['stage.csv', 'fivetran-lever:stage', 'loaded', 0],
      ['user.csv', 'fivetran-lever:user', 'loaded', 0], // the staff who own postings and requisitions (issue 18)
    ]);
    const rows = (kind: string) => fivetran.ingest.files.find((f) => f.kind === kind)!.rowsLoaded;
    // 1905 applications + floor(1905 / 40) = 47 sourced leads + 19 second applications (numbers ending 07:
    // 7, 107, ..., 1807 = 19) to the posting deleted in Lever.
    expect(rows('fivetran-lever:opportunity')).toBe(1905 + 47 + 19);
    // 7700 stays + 47 "New lead" changes + 19 first stages of the second applications = 7766.
    expect(rows('fivetran-lever:opportunity_stage_history')).toBe(7766);
    // 110 offers + the pending offers of the second applications numbered 7, 207, ..., 1807 (10).
    expect(rows('fivetran-lever:offer')).toBe(120);
    // 100 openings + 10 removed links (openings numbered ...3: 3, 13, ..., 93) + REQ-DELETED + REQ-DELETED-POSTING.
    expect(rows('fivetran-lever:requisition_posting')).toBe(112);
    expect(derivedOf(fivetran.ingest)).toEqual({
      jobs: [60, [{ reason: 'posting deleted', rows: 1 }]],
      applications: [
        1905,
        [
          { reason: 'lead without a posting', rows: 47 },
          { reason: 'posting deleted', rows: 19 },
        ],
      ],
      // REQ-DELETED-POSTING goes with its posting, REQ-DELETED was deleted itself; the removed links
      // (to the first posting) change no opening's job.
      openings: [
        100,
        [
          { reason: 'posting deleted', rows: 1 },
          { reason: 'requisition deleted', rows: 1 },
        ],
      ],
      // 47 lead changes + 19 stage rows of the second applications.
      stage_history: [7700, [{ reason: 'opportunity left out', rows: 66 }]],
      offers: [110, [{ reason: 'opportunity left out', rows: 10 }]],
    });
  });

  it('gives exactly the canonical metrics of the same company less the offer details the sync lacks (seed 5, scale 1)', () => {
    expectSameMetrics(fivetran.metrics, carried);
    // Not vacuous: offers, fills and stays (stays from entry events only, ended by the next entry or the outcome).
    expect(fivetran.metrics).toMatchObject({
      offerAcceptance: { accepted: 80, declined: 15, rescinded: 3 },
      timeToFill: { filled: 80, open: 13 },
    });
    expect((fivetran.metrics.timeInStage as Doc[]).find((s) => s.stage === 'applied')).toEqual({ stage: 'applied', stays: 1886, medianDays: 2 });
  });

  it('equals the full canonical metrics on every section the offer details do not feed', () => {
    const full = canonical.metrics as Doc;
    const v = fivetran.metrics as Doc;
    for (const key of ['asOf', 'filters', 'offerAcceptance', 'funnel', 'timeInStage', 'sources', 'payBands']) {
      expect({ [key]: v[key] }).toEqual({ [key]: full[key] });
    }
    // What the sync cannot carry, by figure: no send time -> no offer speed (canonical: 60 + 6 within two
    // days, 20 + 9 later); no salary -> no offer against a band (canonical: 98 offers).
    expect(full.offerSpeed).toEqual({ within2Days: { accepted: 60, declined: 6 }, later: { accepted: 20, declined: 9 } });
    expect(v.offerSpeed).toEqual({ within2Days: { accepted: 0, declined: 0 }, later: { accepted: 0, declined: 0 } });
    expect(full.offersVsBands.overall.offers).toBe(98);
    expect(v.offersVsBands.overall.offers).toBe(0);
    // An accepted offer resolves at the hire instead of the acceptance: the same 80 fills, each counted to
    // its hire day; the mean time to fill moves from 41.75 to 42.1875 days (35 days more over 80 fills).
    expect([full.timeToFill.meanDays, v.timeToFill.meanDays]).toEqual([41.75, 42.1875]);
    expect([full.timeToFill.filled, v.timeToFill.filled]).toEqual([80, 80]);
  });

  it('gives exactly the canonical metrics less the offer details on a second company (seed 11, scale 0.5)', () => {
    expectSameMetrics(fivetranB.metrics, carriedB);
    expect((fivetranB.metrics as Doc).offerAcceptance.accepted).toBeGreaterThan(10);
  });
});

describe('generate --format fivetran-lever', () => {
  const tmp = tempDir('hs-fivetran-lever-generate-');
  afterAll(() => tmp.cleanup());

  it('writes only columns of the published layout, the same bytes for the same seed', () => {
    const dirs = ['x', 'y'].map((name) => path.join(tmp.dir, name));
    for (const dir of dirs) {
      const run = runCli(['generate', '--seed', '3', '--scale', '0.2', '--format', 'fivetran-lever', '--out', dir]);
      expect(run.status).toBe(0);
    }
    const header = (file: string) => readFileSync(file, 'utf8').split(/\r?\n/)[0]!.split(',');
    const written = readdirSync(dirs[0]!).filter((name) => !['compensation.csv', 'benchmarks.csv', 'fx_rates.csv'].includes(name)).sort();
    expect(written).toEqual([
      'application.csv', 'archive_reason.csv', 'offer.csv', 'opportunity.csv', 'opportunity_source.csv', 'opportunity_stage_history.csv',
      'posting.csv', 'requisition.csv', 'requisition_posting.csv', 'stage.csv', 'user.csv',
    ]);
    for (const name of written) {
      // Every column is one the seed of that table has (the seeds carry the connector's columns).
      const extra = header(path.join(dirs[0]!, name)).filter((column) => !header(path.join(seeds, name)).includes(column));
      expect({ [name]: extra }).toEqual({ [name]: [] });
      expect(readFileSync(path.join(dirs[1]!, name), 'utf8')).toBe(readFileSync(path.join(dirs[0]!, name), 'utf8'));
    }
  }, 60_000);
});

describe('Fivetran Lever: the published seeds of fivetran/dbt_lever_source', () => {
  const tmp = tempDir('hs-fivetran-lever-seeds-');
  afterAll(() => tmp.cleanup());
  const used = [
    'opportunity', 'opportunity_stage_history', 'opportunity_source', 'application', 'offer', 'posting', 'requisition',
    'requisition_posting', 'archive_reason', 'stage',
  ];
  let db: string;
  let ingested: Doc;

  beforeAll(() => {
    // The seeds' ids never meet (their applications name opportunities the opportunity seed does not
    // have...). Link rows in the seeds' own headers join some of them, so the derivation has work to do.
    const dir = path.join(tmp.dir, 'in');
    mkdirSync(dir, { recursive: true });
    for (const name of used) copyFileSync(path.join(seeds, `${name}.csv`), path.join(dir, `${name}.csv`));
    writeFiles(dir, {
      'application_links.csv': text([
        'id,_fivetran_synced,archived_at,archived_reason_id,candidate_id,comments,company,created_at,posting_hiring_manager_id,posting_id,posting_owner_id,referrer_id,requisition_for_hire_id,type,opportunity_id',
        'link-app-1,2020-10-30 14:18:40.000,,,,,,2019-01-12 04:09:11.975,,86ee3246-40a0-4f3f-b4df-88cab0720bbd,,,,posting,f9214712-30b0-4d5a-9890-5a5dca493c07',
        'link-app-2,2020-10-30 14:18:40.000,,,,,,2020-06-23 14:50:17.072,,a6e1dfd5-1153-44d5-a44a-e4ab1f69ea76,,,,posting,3e4f0148-9eec-46ae-b0c3-05e9e9e11713',
      ]),
      'requisition_posting_links.csv': text([
        'posting_id,requisition_id,_fivetran_deleted,_fivetran_synced',
        'a6e1dfd5-1153-44d5-a44a-e4ab1f69ea76,9cef127d-8c1c-450a-aefd-133144cd9b06,false,2020-10-30 20:18:32.740',
        '687307c7-b660-4d87-9c17-d9f8eb7b3770,04f327f0-b5d9-4ec6-a838-9319988bbea3,false,2020-10-30 20:18:32.740',
      ]),
      'opportunity_stage_history_links.csv': text([
        'opportunity_id,updated_at,_fivetran_synced,stage_id,to_stage_index,updater_id',
        'f9214712-30b0-4d5a-9890-5a5dca493c07,2019-01-12 04:09:11.975,2020-09-18 18:12:03.472,applicant-new,3,',
        'f9214712-30b0-4d5a-9890-5a5dca493c07,2019-01-13 10:00:00,2020-09-18 18:12:03.472,3b24b1b1-ca67-4f29-aaab-b4dde6e0f54e,4,',
        '3e4f0148-9eec-46ae-b0c3-05e9e9e11713,2020-06-23 14:50:17.072,2020-09-18 18:12:03.472,lead-reached-out,1,',
      ]),
      // Keyed by candidate_id only, as the seed's third offer is.
      'offer_links.csv': text([
        'id,_fivetran_synced,candidate_id,created_at,creator_id,status,opportunity_id',
        'link-offer-1,2020-07-18 02:22:34.794,f9214712-30b0-4d5a-9890-5a5dca493c07,2019-01-13 12:00:00,,sent,',
      ]),
    });
    db = path.join(tmp.dir, 's.duckdb');
    ingested = ingest(dir, db);
  }, 60_000);

  it('reads each seed as its Fivetran table (archive_reason.csv, without type, is not a stage list)', () => {
    const kinds = Object.fromEntries((ingested.files as Doc[]).map((f) => [path.basename(f.path), [f.kind, f.status, f.rowsLoaded, f.rowsRejected]]));
    expect(kinds).toEqual({
      'opportunity.csv': ['fivetran-lever:opportunity', 'loaded', 3, 0],
      'opportunity_stage_history.csv': ['fivetran-lever:opportunity_stage_history', 'loaded', 3, 0],
      'opportunity_stage_history_links.csv': ['fivetran-lever:opportunity_stage_history', 'loaded', 3, 0],
      'opportunity_source.csv': ['fivetran-lever:opportunity_source', 'loaded', 3, 0],
      'application.csv': ['fivetran-lever:application', 'loaded', 3, 0],
      'application_links.csv': ['fivetran-lever:application', 'loaded', 2, 0],
      'offer.csv': ['fivetran-lever:offer', 'loaded', 3, 0],
      'offer_links.csv': ['fivetran-lever:offer', 'loaded', 1, 0],
      'posting.csv': ['fivetran-lever:posting', 'loaded', 3, 0],
      'requisition.csv': ['fivetran-lever:requisition', 'loaded', 3, 0],
      'requisition_posting.csv': ['fivetran-lever:requisition_posting', 'loaded', 3, 0],
      'requisition_posting_links.csv': ['fivetran-lever:requisition_posting', 'loaded', 2, 0],
      'archive_reason.csv': ['fivetran-lever:archive_reason', 'loaded', 3, 0],
      'stage.csv': ['fivetran-lever:stage', 'loaded', 3, 0],
    });
    // The opportunity's and requisition's `name` are dropped as personal data, never stored.
    expect((ingested.files as Doc[]).find((f) => path.basename(f.path) === 'opportunity.csv')!.droppedColumns).toEqual(['name']);
  });

  it('derives the hand-worked rows and counts what it leaves out', async () => {
    expect(derivedOf(ingested)).toEqual({
      jobs: [3, []],
      // 343d198c has no application: a lead.
      applications: [2, [{ reason: 'lead without a posting', rows: 1 }]],
      // b690a627 has no bridge row: no job.
      openings: [2, [{ reason: 'no job_id', rows: 1 }]],
      // The 3 seed rows name opportunities the seed does not have.
      stage_history: [3, [{ reason: 'opportunity left out', rows: 3 }]],
      // Seed offers: opportunity 4feb6dfc, 3dc7ad40, candidate 38669509 -- none in the opportunity seed.
      offers: [1, [{ reason: 'opportunity left out', rows: 3 }]],
    });
    // Postings: categories_location has no country part, so office = country = the location text; closed
    // postings close at updated_at.
    expect(await rowsOf(db, 'SELECT job_id, title, department, role_family, level, office, country, status, opened_at, closed_at FROM jobs ORDER BY opened_at')).toEqual([
      { job_id: '687307c7-b660-4d87-9c17-d9f8eb7b3770', title: 'marine biologist', department: null, role_family: null, level: null, office: 'my house', country: 'my house', status: 'closed', opened_at: '2018-10-31T08:00:00.000Z', closed_at: '2018-10-31T08:00:00.000Z' },
      { job_id: '86ee3246-40a0-4f3f-b4df-88cab0720bbd', title: 'cat groomer', department: null, role_family: 'Engineering', level: null, office: 'nowhere', country: 'nowhere', status: 'closed', opened_at: '2019-10-14T17:49:37.000Z', closed_at: '2019-10-22T20:00:09.000Z' },
      { job_id: 'a6e1dfd5-1153-44d5-a44a-e4ab1f69ea76', title: 'chef', department: null, role_family: 'Sales', level: null, office: 'new york', country: 'new york', status: 'closed', opened_at: '2020-09-25T11:14:31.000Z', closed_at: '2020-10-28T14:28:37.000Z' },
    ]);
    // f9214712 was archived 2019-01-14 22:46:17.464 with reason f5ca116f, which archive_reason.csv does
    // not have: not "Hired..." and no requisition_for_hire_id -> rejected, the id standing for the text,
    // type rejected (nothing in the text says withdrew). No opportunity_source row matches: origin
    // `applied` without a job board -> inbound.
    expect(await rowsOf(db, 'SELECT * EXCLUDE (_file_id) FROM applications ORDER BY applied_at')).toEqual([
      {
        application_id: 'f9214712-30b0-4d5a-9890-5a5dca493c07', job_id: '86ee3246-40a0-4f3f-b4df-88cab0720bbd', applied_at: '2019-01-12T04:09:11.975Z',
        candidate_id: '7441b5f5-023a-4ddc-9e9b-620c40a582ee', source: null, source_type: 'inbound', status: 'rejected',
        rejected_at: '2019-01-14T22:46:17.464Z', rejection_type: 'rejected', rejection_reason: 'f5ca116f-26b9-4881-ad72-6ffb6291a4ff', hired_at: null,
      },
      {
        application_id: '3e4f0148-9eec-46ae-b0c3-05e9e9e11713', job_id: 'a6e1dfd5-1153-44d5-a44a-e4ab1f69ea76', applied_at: '2020-06-23T14:50:17.072Z',
        candidate_id: '41c67c84-f2b0-41ad-b67d-1d091650f683', source: null, source_type: 'inbound', status: 'active',
        rejected_at: null, rejection_type: null, rejection_reason: null, hired_at: null,
      },
    ]);
    // 9cef127d is closed: closed when Fivetran synced it closed (_fivetran_synced 2020-10-30 20:18:32.745);
    // 04f327f0 is onHold: still open. Nobody was hired for either.
    expect(await rowsOf(db, 'SELECT * EXCLUDE (_file_id) FROM openings ORDER BY opened_at')).toEqual([
      { opening_id: '9cef127d-8c1c-450a-aefd-133144cd9b06', job_id: 'a6e1dfd5-1153-44d5-a44a-e4ab1f69ea76', opened_at: '2020-02-25T17:30:43.610Z', closed_at: '2020-10-30T20:18:32.745Z', close_reason: null, hired_application_id: null },
      { opening_id: '04f327f0-b5d9-4ec6-a838-9319988bbea3', job_id: '687307c7-b660-4d87-9c17-d9f8eb7b3770', opened_at: '2020-06-25T16:30:29.072Z', closed_at: null, close_reason: null, hired_application_id: null },
    ]);
    // Events without exits: exited_at stays empty in the table (staging ends each stay). `applicant-new`
    // is not in stage.csv: its id names it.
    expect(await rowsOf(db, 'SELECT application_id, stage, entered_at, exited_at FROM stage_history ORDER BY entered_at')).toEqual([
      { application_id: 'f9214712-30b0-4d5a-9890-5a5dca493c07', stage: 'applicant-new', entered_at: '2019-01-12T04:09:11.975Z', exited_at: null },
      { application_id: 'f9214712-30b0-4d5a-9890-5a5dca493c07', stage: 'Second Screen', entered_at: '2019-01-13T10:00:00.000Z', exited_at: null },
      { application_id: '3e4f0148-9eec-46ae-b0c3-05e9e9e11713', stage: 'Reached out', entered_at: '2020-06-23T14:50:17.072Z', exited_at: null },
    ]);
    // The offer keyed by candidate_id belongs to opportunity f9214712; still `sent` when the opportunity
    // was rejected (by us: type rejected) -> rescinded at the archive time.
    expect(await rowsOf(db, 'SELECT * EXCLUDE (_file_id) FROM offers')).toEqual([
      {
        offer_id: 'link-offer-1', application_id: 'f9214712-30b0-4d5a-9890-5a5dca493c07', status: 'rescinded', version: 1,
        created_at: '2019-01-13T12:00:00.000Z', sent_at: null, resolved_at: '2019-01-14T22:46:17.464Z', start_date: null, base_salary: null, currency: null,
        decline_reason: null, // rescinded, not declined
      },
    ]);
  });
});

/**
 * A small sync by hand in the seeds' headers, with soft deletes everywhere they can be: a deleted posting
 * with an opportunity, a requisition and an offer under it; a deleted opportunity (opportunity and offer
 * carry `_fivetran_deleted`, application `is_deleted`, though the seed layout has neither: when a sync
 * has them they count); a removed bridge row; a deleted offer newer than the live ones.
 */
function writeHandmadeSync(dir: string): void {
  const synced = '2026-03-31 00:00:00';
  writeFiles(dir, {
    'posting.csv': text([
      'id,_fivetran_deleted,_fivetran_synced,categories_department,categories_level,categories_location,categories_team,created_at,state,text,updated_at',
      `p0,false,${synced},Design,Senior,"Lisbon, Portugal",design,2026-01-05 09:00:00,published,Product Designer,2026-01-05 09:00:00`,
      `p1,false,${synced},Engineering,Senior,"Berlin, Germany",engineering,2026-01-05 09:00:00,published,Backend Engineer,2026-01-05 09:00:00`,
      `p2,true,${synced},Engineering,Senior,"Berlin, Germany",engineering,2026-01-06 09:00:00,published,Backend Engineer (copy),2026-01-06 09:00:00`,
    ]),
    // Fivetran's opportunity has no _fivetran_deleted in the seed layout; when a sync has it, it counts.
    'opportunity.csv': text([
      'id,_fivetran_synced,archived_at,archived_reason_id,contact,created_at,origin,_fivetran_deleted',
      `o1,${synced},2026-02-20 10:00:00,ar-hired,c1,2026-01-10 09:00:00,applied,false`,
      `o2,${synced},,,c2,2026-01-11 09:00:00,applied,false`, // applied to the deleted posting p2
      `o3,${synced},,,c3,2026-01-12 09:00:00,referred,true`, // deleted itself
      `o4,${synced},,,c4,2026-01-13 09:00:00,applied,false`,
      `o5,${synced},,,c5,2026-01-14 09:00:00,sourced,false`, // a lead: no application
      `o6,${synced},,,c6,2026-01-15 09:00:00,applied,false`, // its only application is deleted
    ]),
    'application.csv': text([
      'id,_fivetran_synced,archived_at,archived_reason_id,created_at,posting_id,requisition_for_hire_id,type,opportunity_id,is_deleted',
      `a1,${synced},,,2026-01-10 09:00:00,p1,r1,posting,o1,false`,
      `a2,${synced},,,2026-01-11 09:00:00,p2,,posting,o2,false`,
      `a3,${synced},,,2026-01-12 09:00:00,p1,,referral,o3,false`,
      `a4,${synced},,,2026-01-13 09:00:00,p1,,posting,o4,false`,
      `a6,${synced},,,2026-01-15 09:00:00,p1,,posting,o6,true`,
    ]),
    'archive_reason.csv': text(['id,_fivetran_deleted,_fivetran_synced,text', `ar-hired,false,${synced},Hired`]),
    'stage.csv': text(['id,_fivetran_deleted,_fivetran_synced,text', `st-new,false,${synced},New applicant`, `st-offer,false,${synced},Offer`]),
    'opportunity_stage_history.csv': text([
      'opportunity_id,updated_at,_fivetran_synced,stage_id,to_stage_index,updater_id',
      `o1,2026-01-10 09:00:00,${synced},st-new,0,`,
      `o1,2026-02-01 09:00:00,${synced},st-offer,1,`,
      `o2,2026-01-11 09:00:00,${synced},st-new,0,`,
      `o3,2026-01-12 09:00:00,${synced},st-new,0,`,
      `o5,2026-01-14 09:00:00,${synced},lead-new,0,`,
      `o6,2026-01-15 09:00:00,${synced},st-new,0,`,
    ]),
    'offer.csv': text([
      'id,_fivetran_synced,candidate_id,created_at,creator_id,status,opportunity_id,_fivetran_deleted',
      `f1,${synced},,2026-02-05 09:00:00,,sent,o1,false`,
      `f2,${synced},o1,2026-02-10 09:00:00,,signed,o1,false`,
      `f3,${synced},,2026-02-15 09:00:00,,draft,o1,true`, // deleted: must not supersede f2
      `f4,${synced},,2026-02-10 09:00:00,,sent,o2,false`, // its opportunity goes with the deleted posting
      `f5,${synced},o4,2026-02-12 09:00:00,,sent,,false`, // keyed by candidate_id only
    ]),
    'requisition.csv': text([
      'id,_fivetran_deleted,_fivetran_synced,created_at,headcount_total,requisition_code,status',
      'r1,false,2026-02-20 11:00:00,2026-01-02 09:00:00,1,REQ-1,closed',
      `r2,true,${synced},2026-01-02 09:00:00,1,REQ-2,open`,
      `r3,false,${synced},2026-01-03 09:00:00,1,REQ-3,open`,
    ]),
    'requisition_posting.csv': text([
      'posting_id,requisition_id,_fivetran_deleted,_fivetran_synced',
      `p0,r1,true,${synced}`, // a removed link: p0 would come first
      `p1,r1,false,${synced}`,
      `p1,r2,false,${synced}`,
      `p2,r3,false,${synced}`,
    ]),
  });
}

describe('Fivetran Lever: soft deletes, by hand', () => {
  const tmp = tempDir('hs-fivetran-lever-deletes-');
  afterAll(() => tmp.cleanup());
  let db: string;
  let ingested: Doc;

  beforeAll(() => {
    const dir = path.join(tmp.dir, 'in');
    writeHandmadeSync(dir);
    db = path.join(tmp.dir, 'd.duckdb');
    ingested = ingest(dir, db);
  }, 60_000);

  it('leaves each deleted row out with the rows under it, and counts them by reason', () => {
    expect(derivedOf(ingested)).toEqual({
      jobs: [2, [{ reason: 'posting deleted', rows: 1 }]], // p2
      applications: [
        2, // o1, o4
        [
          { reason: 'application deleted', rows: 1 }, // o6
          { reason: 'lead without a posting', rows: 1 }, // o5
          { reason: 'opportunity deleted', rows: 1 }, // o3
          { reason: 'posting deleted', rows: 1 }, // o2
        ],
      ],
      openings: [
        1, // r1
        [
          { reason: 'posting deleted', rows: 1 }, // r3
          { reason: 'requisition deleted', rows: 1 }, // r2
        ],
      ],
      // o1's 2 kept; o2, o3, o5, o6 one each.
      stage_history: [2, [{ reason: 'opportunity left out', rows: 4 }]],
      offers: [
        3, // f1, f2, f5
        [
          { reason: 'offer deleted', rows: 1 }, // f3
          { reason: 'opportunity left out', rows: 1 }, // f4
        ],
      ],
    });
  });

  it('numbers only the live offers, reads the removed bridge row as gone and hires through requisition_for_hire_id', async () => {
    // f1 (02-05) is superseded by f2 (02-10); the deleted f3 (02-15) does not count as newer. f2 signed ->
    // accepted at o1's hire (archived "Hired" 2026-02-20 10:00). f5 (candidate o4, still active) -> pending.
    expect(await rowsOf(db, 'SELECT offer_id, application_id, status, version, resolved_at FROM offers ORDER BY offer_id')).toEqual([
      { offer_id: 'f1', application_id: 'o1', status: 'deprecated', version: 1, resolved_at: null },
      { offer_id: 'f2', application_id: 'o1', status: 'accepted', version: 2, resolved_at: '2026-02-20T10:00:00.000Z' },
      { offer_id: 'f5', application_id: 'o4', status: 'pending', version: 1, resolved_at: null },
    ]);
    // r1's live link is p1 (the removed one to p0 is ignored); closed as synced (2026-02-20 11:00); hired o1.
    expect(await rowsOf(db, 'SELECT * EXCLUDE (_file_id) FROM openings')).toEqual([
      { opening_id: 'r1', job_id: 'p1', opened_at: '2026-01-02T09:00:00.000Z', closed_at: '2026-02-20T11:00:00.000Z', close_reason: 'Hired', hired_application_id: 'o1' },
    ]);
    expect(await rowsOf(db, 'SELECT application_id, status, hired_at, source_type FROM applications ORDER BY application_id')).toEqual([
      { application_id: 'o1', status: 'hired', hired_at: '2026-02-20T10:00:00.000Z', source_type: 'inbound' },
      { application_id: 'o4', status: 'active', hired_at: null, source_type: 'inbound' },
    ]);
    expect(await rowsOf(db, 'SELECT job_id, office, country FROM jobs ORDER BY job_id')).toEqual([
      { job_id: 'p0', office: 'Lisbon', country: 'PT' },
      { job_id: 'p1', office: 'Berlin', country: 'DE' },
    ]);
  });
});

describe('Fivetran Lever: the synced tables hirescope does not use', () => {
  const tmp = tempDir('hs-fivetran-lever-unused-');
  afterAll(() => tmp.cleanup());

  it('reports each of the 14 other published seeds as ignored, naming the vendor table; after a good sync no metric moves', () => {
    const good = path.join(tmp.dir, 'good');
    writeHandmadeSync(good);
    const db = path.join(tmp.dir, 'u.duckdb');
    ingest(good, db);
    const before = metricsOf(db);
    expect(before.offerAcceptance).toMatchObject({ accepted: 1, pending: 1 }); // f2, f5 (by hand above)

    const dir = path.join(tmp.dir, 'in');
    mkdirSync(dir, { recursive: true });
    const unused = [
      'contact_email', 'contact_link', 'contact_phone', 'feedback_form', 'feedback_form_field', 'interview', 'interview_feedback',
      'interview_user', 'interviewer_user', 'opportunity_tag', 'posting_interview', 'posting_tag', 'requisition_offer', 'resume',
    ]; // user and users are read since issue 18 (the names of posting owners and hiring managers)
    for (const name of unused) copyFileSync(path.join(seeds, `${name}.csv`), path.join(dir, `${name}.csv`));
    const ingested = ingest(dir, db);
    const files = Object.fromEntries((ingested.files as Doc[]).map((f) => [path.basename(f.path, '.csv'), [f.kind, f.status, f.rowsLoaded]]));
    // interview_user and interviewer_user are one table (same columns).
    const table = (name: string) => ({ interview_user: 'interviewer_user' })[name] ?? name;
    expect(files).toEqual(Object.fromEntries(unused.map((name) => [name, [`fivetran-lever:${table(name)}`, 'ignored', 0]])));
    expect((ingested.files as Doc[]).find((f) => path.basename(f.path) === 'resume.csv')!.message).toBe(
      'not used: table resume of Lever synced by Fivetran, which hirescope does not read; nothing loaded',
    );
    expect(ingested.derived).toEqual([]);
    expect(metricsOf(db)).toEqual(before);
  });
});
