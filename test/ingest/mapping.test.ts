/**
 * Custom column mappings (`ingest --mapping FILE`, issue 7): a spreadsheet export no adapter knows,
 * mapped header by header onto the canonical tables, with value maps and a date format.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse } from '../../pipelines/lib/duckdb.ts';
import { runCli, tempDir, writeFiles } from '../helpers/tmp.ts';

const mapping = {
  dateFormat: '%d/%m/%Y',
  tables: [
    {
      entity: 'applications',
      columns: { 'Candidate Ref': 'application_id', Requisition: 'job_id', 'Applied On': 'applied_at', Outcome: 'status', Why: 'rejection_type', Channel: 'source' },
      values: {
        status: { 'In process': 'active', Declined: 'rejected', 'Offer accepted': 'hired' },
        rejection_type: { 'Candidate withdrew': 'withdrew', 'Not a fit': 'rejected' },
      },
    },
    {
      entity: 'stage_history',
      columns: { 'Candidate Ref': 'application_id', Step: 'stage', From: 'entered_at', To: 'exited_at' },
      values: { stage: { Phone: 'Screen', 'Panel day': 'Onsite' } },
      dateFormat: '%d/%m/%Y %H:%M',
    },
  ],
};

describe('a custom mapping', () => {
  const tmp = tempDir('hs-map-');
  const dir = path.join(tmp.dir, 'export');
  const mappingFile = path.join(tmp.dir, 'my-ats.json');
  const db = path.join(tmp.dir, 'w.duckdb');
  let ingest: { files: { path: string; kind: string; rowsRead: number; rowsLoaded: number; rowsRejected: number; droppedColumns: string[] }[] };
  beforeAll(() => {
    writeFileSync(mappingFile, JSON.stringify(mapping));
    writeFiles(dir, {
      // Day-first dates, the spreadsheet's own words, a name column that must never be stored.
      'candidates.csv':
        'Candidate Ref,Requisition,Applied On,Outcome,Why,Channel,Full Name\n' +
        'C1,R1,04/03/2026,In process,,LinkedIn,Ann\n' +
        'C2,R1,05/03/2026,Declined,Not a fit,Referral,Bob\n' +
        'C3,R1,2026-03-06T10:00:00Z,Offer accepted,,Referral,Cy\n' +
        'C4,R1,31/02/2026,In process,,LinkedIn,Di\n' +
        'C5,R1,07/03/2026,Maybe,,LinkedIn,Ed\n' +
        'C6,R1,08/03/2026,declined,CANDIDATE WITHDREW,Referral,Flo\n',
      'steps.csv':
        'Candidate Ref,Step,From,To\n' +
        'C1,Application Review,04/03/2026 09:00,\n' +
        'C2,Application Review,05/03/2026 09:00,06/03/2026 09:00\n' +
        'C2,Phone,06/03/2026 09:00,09/03/2026 17:30\n' +
        'C3,Application Review,06/03/2026 10:00,07/03/2026 10:00\n' +
        'C3,Panel day,07/03/2026 10:00,13/03/2026 16:00\n' +
        'C6,Application Review,08/03/2026 09:00,09/03/2026 25:00\n',
    });
    const run = runCli(['ingest', dir, '--db', db, '--mapping', mappingFile, '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    ingest = JSON.parse(run.stdout);
  });
  afterAll(() => tmp.cleanup());

  it('loads each file into the canonical entity it maps, dropping personal data', () => {
    const byName = Object.fromEntries(ingest.files.map((f) => [path.basename(f.path), f]));
    // C4 (31 February) and C5 (status "Maybe", not in the value map) are quarantined: 6 = 4 + 2.
    expect(byName['candidates.csv']).toMatchObject({ kind: 'applications', rowsRead: 6, rowsLoaded: 4, rowsRejected: 2, droppedColumns: ['Full Name'] });
    // C6's exit "25:00" is not a time: 6 = 5 + 1.
    expect(byName['steps.csv']).toMatchObject({ kind: 'stage_history', rowsRead: 6, rowsLoaded: 5, rowsRejected: 1 });
  });

  it("names the file, line, the file's own header and the canonical column in each reject", () => {
    const rejects = JSON.parse(runCli(['rejects', '--db', db, '--json']).stdout).rejects;
    expect(rejects.map((r: Record<string, unknown>) => [path.basename(String(r.file)), r.line, r.column, r.value, r.reason, r.message])).toEqual([
      ['candidates.csv', 5, 'Applied On (applied_at)', '31/02/2026', 'invalid_timestamp', 'column "Applied On" (applied_at): not a valid ISO 8601 date-time or epoch milliseconds'],
      ['candidates.csv', 6, 'Outcome (status)', 'Maybe', 'invalid_enum', 'column "Outcome" (status): expected one of active, rejected, hired'],
      ['steps.csv', 7, 'To (exited_at)', '09/03/2026 25:00', 'invalid_timestamp', 'column "To" (exited_at): not a valid ISO 8601 date-time or epoch milliseconds'],
    ]);
  });

  it('translates values and dates so the metrics read them', () => {
    const doc = JSON.parse(runCli(['metrics', '--db', db, '--json', '--as-of', '2026-03-31']).stdout);
    // Loaded: C1 active (applied), C2 rejected at screen ("Phone" -> Screen), C3 hired (its stays
    // reach onsite through "Panel day"), C6 withdrew ("declined" and "CANDIDATE WITHDREW" matched
    // case-insensitively) with an Application Review stay and no exit.
    expect(doc.funnel.map((s: { stage: string; reached: number }) => [s.stage, s.reached])).toEqual([
      ['applied', 4], ['screen', 2], ['technical', 1], ['onsite', 1], ['offer', 1], ['hired', 1],
    ]);
    expect(doc.funnel[0]).toMatchObject({ active: 1, withdrew: 1 });
    expect(doc.funnel[1]).toMatchObject({ rejected: 1 });
    // Finished stays: screen 06/03 09:00 -> 09/03 17:30 = 3 days; onsite 07/03 -> 13/03 = 6 days.
    expect(doc.timeInStage.find((s: { stage: string }) => s.stage === 'screen')).toEqual({ stage: 'screen', stays: 1, medianDays: 3 });
    expect(doc.timeInStage.find((s: { stage: string }) => s.stage === 'onsite')).toEqual({ stage: 'onsite', stays: 1, medianDays: 6 });
    expect(doc.sources.map((s: { source: string; applications: number }) => [s.source, s.applications])).toEqual([
      ['Referral', 3],
      ['LinkedIn', 1],
    ]);
  });

  it('is taken from the config (vendors.mapping) when --mapping is not given', () => {
    const config = path.join(tmp.dir, 'config.json');
    writeFileSync(config, JSON.stringify({ vendors: { mapping: mappingFile } }));
    const run = runCli(['ingest', path.join(dir, 'candidates.csv'), '--db', path.join(tmp.dir, 'c.duckdb'), '--config', config, '--json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).files[0]).toMatchObject({ kind: 'applications', rowsLoaded: 4 });
  });

  it('without the mapping, the same file is refused: nothing fits its header', () => {
    const run = runCli(['ingest', path.join(dir, 'candidates.csv'), '--db', path.join(tmp.dir, 'none.duckdb')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('unknown file shape');
  });
});

describe('a mapping file with mistakes', () => {
  const tmp = tempDir('hs-map-bad-');
  afterAll(() => tmp.cleanup());
  const tryMapping = (content: string) => {
    const file = path.join(tmp.dir, `m${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, content);
    writeFiles(tmp.dir, { 'a.csv': 'application_id,job_id,applied_at\nA,J,2026-01-01\n' });
    return { file, run: runCli(['ingest', path.join(tmp.dir, 'a.csv'), '--db', path.join(tmp.dir, 'w.duckdb'), '--mapping', file]) };
  };

  it('names the key at fault: an unknown entity, an unknown column, a personal-data header', () => {
    const { file, run } = tryMapping(
      JSON.stringify({
        tables: [
          { entity: 'candidates', columns: {} },
          { entity: 'applications', columns: { Ref: 'app_id', 'E-mail': 'candidate_id' }, values: { stage: {} } },
        ],
      }),
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${file}: tables.0.entity:`);
    expect(run.stderr).toContain('tables.1.columns.Ref: applications has no column "app_id"');
    expect(run.stderr).toContain('tables.1.columns.E-mail: looks like personal data');
    expect(run.stderr).toContain('tables.1.values.stage: applications has no column "stage"');
  });

  it('refuses a file that is not JSON, and a missing file', () => {
    expect(tryMapping('{ "tables": [').run.stderr).toMatch(/not valid JSON/);
    const run = runCli(['ingest', path.join(tmp.dir, 'a.csv'), '--db', path.join(tmp.dir, 'w2.duckdb'), '--mapping', path.join(tmp.dir, 'nope.json')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('nope.json not found');
  });
});

/** Rows of a warehouse table, through the real DuckDB file. */
async function rowsOf<T>(db: string, sql: string): Promise<T[]> {
  const warehouse = await openWarehouse(db);
  try {
    return await warehouse.all<T>(sql);
  } finally {
    warehouse.close();
  }
}

describe('a mapped header beats a same-named canonical header (issue 14)', () => {
  const tmp = tempDir('hs-map-explicit-');
  afterAll(() => tmp.cleanup());

  it('loads all 1,200 rows of an export whose candidate_id header is mapped to application_id', async () => {
    // The export keys its rows by `candidate_id`, which is also a canonical applications column: before
    // issue 14 the header fed candidate_id, application_id stayed empty and all 1,200 rows were rejected.
    const rows = Array.from({ length: 1200 }, (_, i) => `C${String(i + 1).padStart(4, '0')},R${(i % 3) + 1},2026-01-${String((i % 28) + 1).padStart(2, '0')}`);
    writeFiles(tmp.dir, { 'export.csv': `candidate_id,Requisition,Applied On\n${rows.join('\n')}\n` });
    const mappingFile = path.join(tmp.dir, 'keyed.json');
    writeFileSync(mappingFile, JSON.stringify({ tables: [{ entity: 'applications', columns: { candidate_id: 'application_id', Requisition: 'job_id', 'Applied On': 'applied_at' } }] }));
    const db = path.join(tmp.dir, 'k.duckdb');
    const run = runCli(['ingest', path.join(tmp.dir, 'export.csv'), '--db', db, '--mapping', mappingFile, '--json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).files[0]).toMatchObject({ kind: 'applications', rowsRead: 1200, rowsLoaded: 1200, rowsRejected: 0, message: '' });
    // 1,200 distinct ids C0001..C1200; the mapped header feeds only application_id, so candidate_id is empty;
    // jobs R1, R2, R3 take 400 rows each (i % 3).
    expect(
      await rowsOf(db, `SELECT count(DISTINCT application_id)::INTEGER AS ids, min(application_id) AS lo, max(application_id) AS hi,
         count(candidate_id)::INTEGER AS candidates, count(*) FILTER (WHERE job_id = 'R2')::INTEGER AS r2 FROM applications`),
    ).toEqual([{ ids: 1200, lo: 'C0001', hi: 'C1200', candidates: 0, r2: 400 }]);
  });

  it('feeds application_id from "Req App" and ignores, and reports, the file\'s own application_id column', async () => {
    writeFiles(tmp.dir, {
      'req.csv':
        'Req App,application_id,job_id,applied_at\n' +
        'RA-1,X-1,J1,2026-02-01\n' +
        'RA-2,X-2,J1,2026-02-02\n' +
        ',X-3,J1,2026-02-03\n',
    });
    const mappingFile = path.join(tmp.dir, 'req.json');
    writeFileSync(mappingFile, JSON.stringify({ tables: [{ entity: 'applications', columns: { 'Req App': 'application_id', job_id: 'job_id', applied_at: 'applied_at' } }] }));
    const db = path.join(tmp.dir, 'r.duckdb');
    const run = runCli(['ingest', path.join(tmp.dir, 'req.csv'), '--db', db, '--mapping', mappingFile, '--json']);
    expect(run.status).toBe(0);
    // Line 4 has no "Req App": rejected, although its application_id column holds X-3. 3 = 2 + 1.
    expect(JSON.parse(run.stdout).files[0]).toMatchObject({
      rowsRead: 3,
      rowsLoaded: 2,
      rowsRejected: 1,
      ignoredColumns: ['application_id'],
      message: 'column "application_id" ignored: the mapping feeds application_id from "Req App"; columns ignored: application_id',
    });
    expect(await rowsOf(db, `SELECT application_id FROM applications ORDER BY 1`)).toEqual([{ application_id: 'RA-1' }, { application_id: 'RA-2' }]);
    const rejects = JSON.parse(runCli(['rejects', '--db', db, '--json']).stdout).rejects;
    expect(rejects.map((r: Record<string, unknown>) => [r.line, r.column, r.value, r.reason, r.message])).toEqual([
      [4, 'Req App (application_id)', null, 'missing_required', 'column "Req App" (application_id): required value is empty'],
    ]);
    // A header spelled like its column is named alone: "job_id", not "job_id (job_id)".
    const ledger = await rowsOf(db, `SELECT kind, rows_loaded::INTEGER AS loaded, ignored_columns FROM ingest_files`);
    expect(ledger).toEqual([{ kind: 'applications', loaded: 2, ignored_columns: ['application_id'] }]);
  });
});

describe('one header feeding several canonical columns', () => {
  const tmp = tempDir('hs-map-multi-');
  afterAll(() => tmp.cleanup());

  it('writes "Created" into created_at and sent_at, and names the first of them in a reject', async () => {
    writeFiles(tmp.dir, {
      'offers.csv':
        'Offer,App,State,Created\n' +
        'O1,A1,Accepted,2026-03-02\n' +
        'O2,A2,pending,2026-03-05T12:00:00Z\n' +
        'O3,A3,declined,next week\n',
    });
    const mappingFile = path.join(tmp.dir, 'offers.json');
    writeFileSync(
      mappingFile,
      JSON.stringify({ tables: [{ entity: 'offers', columns: { Offer: 'offer_id', App: 'application_id', State: 'status', Created: ['created_at', 'sent_at'] } }] }),
    );
    const db = path.join(tmp.dir, 'o.duckdb');
    const run = runCli(['ingest', path.join(tmp.dir, 'offers.csv'), '--db', db, '--mapping', mappingFile, '--json']);
    expect(run.status).toBe(0);
    // O3's "next week" is no date: 3 = 2 + 1.
    expect(JSON.parse(run.stdout).files[0]).toMatchObject({ kind: 'offers', rowsRead: 3, rowsLoaded: 2, rowsRejected: 1, ignoredColumns: [] });
    expect(
      await rowsOf(db, `SELECT offer_id, status, strftime(created_at, '%Y-%m-%d %H:%M') AS created, strftime(sent_at, '%Y-%m-%d %H:%M') AS sent FROM offers ORDER BY 1`),
    ).toEqual([
      { offer_id: 'O1', status: 'accepted', created: '2026-03-02 00:00', sent: '2026-03-02 00:00' },
      { offer_id: 'O2', status: 'pending', created: '2026-03-05 12:00', sent: '2026-03-05 12:00' },
    ]);
    const rejects = JSON.parse(runCli(['rejects', '--db', db, '--json']).stdout).rejects;
    expect(rejects.map((r: Record<string, unknown>) => [r.line, r.column, r.value, r.message])).toEqual([
      [4, 'Created (created_at)', 'next week', 'column "Created" (created_at): not a valid ISO 8601 date-time or epoch milliseconds'],
    ]);
  });
});

describe('a mapping is checked against the required columns when it is loaded', () => {
  const tmp = tempDir('hs-map-required-');
  afterAll(() => tmp.cleanup());
  const attempt = (name: string, mapping: unknown) => {
    const file = path.join(tmp.dir, name);
    writeFileSync(file, JSON.stringify(mapping));
    writeFiles(tmp.dir, { 'apps.csv': 'Ref,Applied\nA1,2026-01-01\n' });
    const db = path.join(tmp.dir, `${name}.duckdb`);
    return { file, db, run: runCli(['ingest', path.join(tmp.dir, 'apps.csv'), '--db', db, '--mapping', file]) };
  };

  it('names the mapping file, the table and the missing column, before any file is read', async () => {
    const { file, db, run } = attempt('no-job.json', { tables: [{ entity: 'applications', columns: { Ref: 'application_id', Applied: 'applied_at' } }] });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`error: ${file}: tables.0.columns: applications: no header is mapped to the required column job_id\n`);
    // Refused before the run started: no run, no file in the ledger.
    expect(await rowsOf(db, `SELECT (SELECT count(*) FROM information_schema.tables WHERE table_name = 'ingest_runs')::INTEGER AS n`)).toEqual([{ n: 0 }]);
  });

  it('for stage columns, asks for an entry date: a mapped entered_at or one per stage', () => {
    const { file, run } = attempt('no-date.json', { tables: [{ entity: 'stage_history', columns: { Ref: 'application_id' }, stages: { Screen: 'screen', Onsite: { stage: 'onsite', enteredAt: 'Onsite On' } } }] });
    expect(run.stderr).toBe(
      `error: ${file}: tables.0.columns: stage_history: no header is mapped to the required column entered_at (or give every stage column an "enteredAt" header)\n`,
    );
  });

  it('refuses stage columns on another table, and a stage taken from a header as well', () => {
    const { file, run } = attempt('stages-wrong.json', {
      tables: [
        { entity: 'applications', columns: { Ref: 'application_id', Req: 'job_id', Applied: 'applied_at' }, stages: { Screen: 'screen' } },
        { entity: 'stage_history', columns: { Ref: 'application_id', Applied: 'entered_at', Step: 'stage' }, stages: { Screen: 'screen' } },
      ],
    });
    expect(run.stderr).toBe(
      `error: ${file}: tables.0.stages: only a stage_history table has stage columns, not applications; ` +
        'tables.1.columns.Step: a table with stage columns takes stage from them, not from a header\n',
    );
  });

  it('refuses two headers feeding one column', () => {
    const { file, run } = attempt('twice.json', {
      tables: [{ entity: 'offers', columns: { Offer: 'offer_id', App: 'application_id', State: 'status', Created: ['created_at', 'sent_at'], Sent: 'sent_at' } }],
    });
    expect(run.stderr).toBe(`error: ${file}: tables.0.columns.Sent: "Created" and "Sent" both feed sent_at\n`);
  });
});

describe('a file no mapping table fits', () => {
  const tmp = tempDir('hs-map-closest-');
  afterAll(() => tmp.cleanup());

  it('is told which mapping table came closest and which headers it lacked', () => {
    const mappingFile = path.join(tmp.dir, 'my-ats.json');
    writeFileSync(mappingFile, JSON.stringify(mapping));
    // Needed headers: applications 3 ("Candidate Ref", "Requisition", "Applied On"), stage_history 3
    // ("Candidate Ref", "Step", "From"). This file has "Candidate Ref" and "Step": stage_history 2/3 beats
    // applications 1/3.
    writeFiles(tmp.dir, { 'steps.csv': 'Candidate Ref,Step,Until\nC1,Phone,05/03/2026 09:00\n' });
    const run = runCli(['ingest', path.join(tmp.dir, 'steps.csv'), '--db', path.join(tmp.dir, 'w.duckdb'), '--mapping', mappingFile, '--json']);
    expect(run.status).toBe(1);
    const refused = JSON.parse(run.stdout).files[0];
    expect(refused.status).toBe('refused');
    // The mapping's part, exactly; then the usual detection's own refusal (canonical and vendor shapes).
    const [first, rest] = [refused.message.slice(0, refused.message.indexOf('; ')), refused.message.slice(refused.message.indexOf('; ') + 2)];
    expect(first).toBe(`no mapping table fits: closest is tables.1 (stage_history) of ${mappingFile}, lacking "From" (entered_at)`);
    expect(rest).toMatch(/^unknown file shape: /);
  });
});

describe('a wide export: one 0/1 column per stage', () => {
  const tmp = tempDir('hs-map-wide-');
  afterAll(() => tmp.cleanup());
  const applications =
    'application_id,job_id,applied_at,status\n' +
    'A1,J1,2026-03-02,active\nA2,J1,2026-03-03,active\nA3,J1,2026-03-04,active\nA4,J1,2026-03-05,active\nA5,J1,2026-03-06,active\n';
  const wideMapping = {
    tables: [
      {
        entity: 'stage_history',
        columns: { 'Req App': 'application_id', 'Applied On': 'entered_at' },
        stages: { 'Phone Screen': 'Screen', Tech: 'Technical', Onsite: { stage: 'Onsite', enteredAt: 'Onsite Date' }, 'Offer Stage': 'Offer' },
      },
    ],
  };
  const wideDb = path.join(tmp.dir, 'wide.duckdb');
  const canonicalDb = path.join(tmp.dir, 'canonical.duckdb');
  let wideRun: { files: Record<string, unknown>[] };
  beforeAll(() => {
    const mappingFile = path.join(tmp.dir, 'wide.json');
    writeFileSync(mappingFile, JSON.stringify(wideMapping));
    writeFiles(path.join(tmp.dir, 'wide'), {
      'applications.csv': applications,
      // A5: "maybe" is no stage cell, and its Onsite cell is 1 without an Onsite Date.
      'funnel.csv':
        'Req App,Applied On,Phone Screen,Tech,Onsite,Offer Stage,Onsite Date\n' +
        'A1,2026-03-02,1,0,0,0,\n' +
        'A2,2026-03-03,1,1,1,0,2026-03-10\n' +
        'A3,2026-03-04,true,,yes,1,2026-03-12\n' +
        'A4,2026-03-05,0,0,0,false,\n' +
        'A5,2026-03-06,maybe,0,1,0,\n',
    });
    // The same reached stages as canonical stage rows.
    writeFiles(path.join(tmp.dir, 'canonical'), {
      'applications.csv': applications,
      'stage_history.csv':
        'application_id,stage,entered_at,exited_at\n' +
        'A1,Screen,2026-03-02,\n' +
        'A2,Screen,2026-03-03,\nA2,Technical,2026-03-03,\nA2,Onsite,2026-03-10,\n' +
        'A3,Screen,2026-03-04,\nA3,Onsite,2026-03-12,\nA3,Offer,2026-03-04,\n',
    });
    const run = runCli(['ingest', path.join(tmp.dir, 'wide'), '--db', wideDb, '--mapping', mappingFile, '--json']);
    expect(run.status).toBe(0);
    wideRun = JSON.parse(run.stdout);
    expect(runCli(['ingest', path.join(tmp.dir, 'canonical'), '--db', canonicalDb]).status).toBe(0);
  });

  it('makes one stage row per true cell, dated by the stage\'s own column or the table\'s', async () => {
    // Stage rows: A1 1, A2 3, A3 3 (true, yes and 1 count; empty and false do not), A4 0, A5 2 both
    // rejected: read 9 = loaded 7 + rejected 2, from 5 records.
    expect(wideRun.files.find((f) => path.basename(String(f.path)) === 'funnel.csv')).toMatchObject({
      kind: 'stage_history',
      rowsRead: 9,
      rowsLoaded: 7,
      rowsRejected: 2,
      ignoredColumns: [],
      message: 'stage columns: 5 records gave 9 stage rows',
    });
    const sql = `SELECT application_id, stage, strftime(entered_at, '%Y-%m-%d') AS entered, exited_at FROM stage_history ORDER BY 1, 2`;
    const wide = await rowsOf<Record<string, unknown>>(wideDb, sql);
    expect(wide).toEqual(await rowsOf(canonicalDb, sql));
    expect(wide).toHaveLength(7);
    expect(wide.find((r) => r.application_id === 'A3' && r.stage === 'Onsite')).toEqual({
      application_id: 'A3', stage: 'Onsite', entered: '2026-03-12', exited_at: null,
    });
  });

  it('rejects a cell that is not 0/1 and a reached stage without its date, naming the headers', () => {
    const rejects = JSON.parse(runCli(['rejects', '--db', wideDb, '--json']).stdout).rejects;
    expect(rejects.map((r: Record<string, unknown>) => [path.basename(String(r.file)), r.line, r.column, r.value, r.reason, r.message])).toEqual([
      ['funnel.csv', 6, 'Onsite Date (entered_at)', null, 'missing_required', 'column "Onsite Date" (entered_at): required value is empty'],
      ['funnel.csv', 6, 'Phone Screen (stage)', 'maybe', 'invalid_enum', 'column "Phone Screen" (stage): a stage cell is 1 or 0 (true/false, yes/no), or empty'],
    ]);
  });

  it('gives the funnel the canonical stage rows give', () => {
    const metrics = (db: string) => JSON.parse(runCli(['metrics', '--db', db, '--json', '--as-of', '2026-03-31']).stdout);
    const wide = metrics(wideDb);
    // Furthest stage: A1 screen, A2 onsite, A3 offer (its Offer cell), A4 and A5 applied (A5's rows were
    // rejected). Reached: applied 5, screen 3 (A1-A3), technical 2 (A2, A3: skipped stages count as
    // passed), onsite 2, offer 1, hired 0.
    expect(wide.funnel.map((s: { stage: string; reached: number }) => [s.stage, s.reached])).toEqual([
      ['applied', 5], ['screen', 3], ['technical', 2], ['onsite', 2], ['offer', 1], ['hired', 0],
    ]);
    expect(wide.funnel).toEqual(metrics(canonicalDb).funnel);
    // No exit times: stays end at the application's next entry (ties in canonical stage order), as for
    // canonical rows without exits. A2: Screen 03-03 -> Technical 03-03 = 0 days, Technical -> Onsite
    // 03-10 = 7; A3: Screen 03-04 -> Offer 03-04 = 0, Offer -> Onsite 03-12 = 8; last stays open. Screen
    // median of 0 and 0 = 0.
    expect(wide.timeInStage).toEqual(metrics(canonicalDb).timeInStage);
    expect(wide.timeInStage.map((s: { stage: string; stays: number; medianDays: number | null }) => [s.stage, s.stays, s.medianDays])).toEqual([
      ['applied', 0, null], ['screen', 2, 0], ['technical', 1, 7], ['onsite', 0, null], ['offer', 1, 8], ['hired', 0, null],
    ]);
  });
});
