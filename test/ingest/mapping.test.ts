/**
 * Custom column mappings (`ingest --mapping FILE`, issue 7): a spreadsheet export no adapter knows,
 * mapped header by header onto the canonical tables, with value maps and a date format.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it("names the file, line and the file's own header in each reject", () => {
    const rejects = JSON.parse(runCli(['rejects', '--db', db, '--json']).stdout).rejects;
    expect(rejects.map((r: Record<string, unknown>) => [path.basename(String(r.file)), r.line, r.column, r.value, r.reason])).toEqual([
      ['candidates.csv', 5, 'Applied On', '31/02/2026', 'invalid_timestamp'],
      ['candidates.csv', 6, 'Outcome', 'Maybe', 'invalid_enum'],
      ['steps.csv', 7, 'To', '09/03/2026 25:00', 'invalid_timestamp'],
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
