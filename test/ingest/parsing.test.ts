/**
 * The parsing shortcuts of the bulk path give the same values as the rules they shortcut: hs_ts's
 * LIKE fast path for the common `YYYY-MM-DDTHH:MM:SSZ` shape, hs_day's epoch arithmetic in UTC, and the
 * trim check by suffix().
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse, type Warehouse } from '../../pipelines/lib/duckdb.ts';
import { ensureSchema } from '../../pipelines/ingest/schema.ts';
import { checkedTableSql } from '../../pipelines/ingest/validate.ts';
import { ingest } from '../../pipelines/ingest/index.ts';
import { entitySpec } from '../../pipelines/ingest/entities.ts';
import { tempDir, writeFiles } from '../helpers/tmp.ts';

// The DESIGN §2 rule hs_ts implemented before the fast path: the regular expression, then the cast.
const iso = String.raw`\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?(Z|z| UTC|[+-]\d{2}(:?\d{2})?)?`;

describe('parsing shortcuts', () => {
  let warehouse: Warehouse;
  beforeAll(async () => {
    warehouse = await openWarehouse(':memory:');
    await ensureSchema(warehouse);
  });
  afterAll(() => warehouse.close());

  it('reads 20-character date-times exactly as the ISO 8601 rule does, refusing a sign or a space in a field', async () => {
    // Each value has the fast path's shape (20 characters, T and Z in place) but most are not ISO:
    // try_cast alone would read '-026-…' as the year 27 BC, so the leading-digit check matters.
    const values = [
      '2026-03-04T10:00:00Z', // valid
      '2026-03-04T24:00:00Z', // DuckDB reads 24:00 as midnight of the next day, through either path
      '-026-03-04T10:00:00Z', // sign: refused
      '2026-03-04T1 :00:00Z',
      '2026-03- 4T10:00:00Z',
      '2026-3--04T10:00:00Z',
      '2026-03-04T10:0a:00Z',
      '2026-03-04T+1:00:00Z',
      '2026-03-04T10:-0:00Z',
      '2026-02-30T10:00:00Z', // impossible date
      '2026-03-04T10:00:60Z',
      '2026/03/04T10:00:00Z', // the cast alone accepts slashes; the shape does not
    ];
    const rows = await warehouse.all<{ v: string; fast: string | null; rule: string | null }>(
      `SELECT v, hs_iso(hs_ts(v)) AS fast,
         hs_iso(CASE WHEN regexp_full_match(v, $iso) THEN try_cast(v AS TIMESTAMPTZ) END) AS rule
       FROM (SELECT unnest(from_json($values, '["VARCHAR"]')) AS v)`,
      { values: JSON.stringify(values), iso },
    );
    expect(rows.map((r) => r.fast)).toEqual(rows.map((r) => r.rule));
    expect(rows.map((r) => r.fast)).toEqual([
      '2026-03-04T10:00:00Z',
      '2026-03-05T00:00:00Z',
      ...Array<null>(10).fill(null),
    ]);
  });

  it('gives the calendar day of an instant in UTC by arithmetic, before 1970 too', async () => {
    // 1969-12-31T23:59:59Z is -1 s from the epoch: day -1 (floor), not day 0 (truncation).
    const rows = await warehouse.all<{ day: string }>(
      `SELECT hs_day(v::TIMESTAMPTZ)::VARCHAR AS day FROM (SELECT unnest(['1969-12-31T23:59:59Z', '1970-01-01T00:00:00Z', '2026-03-04T23:59:59.999Z']) AS v)`,
    );
    expect(rows.map((r) => r.day)).toEqual(['1969-12-31', '1970-01-01', '2026-03-04']);
  });

  it('trims spaces, tabs and line breaks at either end, and only there', async () => {
    const tmp = tempDir();
    // stage values: leading space, trailing tab, trailing CR (quoted), inner space kept, only spaces -> empty
    writeFiles(tmp.dir, {
      'stage_history.csv':
        'application_id,stage,entered_at,exited_at\n' +
        'a-1, Onsite,2026-03-04T10:00:00Z,\n' +
        'a-2,Onsite\t,2026-03-04T10:00:00Z,\n' +
        'a-3,"Onsite\r",2026-03-04T10:00:00Z,\n' +
        'a-4,Phone Screen,2026-03-04T10:00:00Z,\n' +
        'a-5,"   ",2026-03-04T10:00:00Z,\n',
    });
    const source = `read_csv('${tmp.dir}/stage_history.csv', header = true, auto_detect = false,
      columns = {'c0': 'VARCHAR', 'c1': 'VARCHAR', 'c2': 'VARCHAR', 'c3': 'VARCHAR'})`;
    const staged = new Map([['application_id', 'c0'], ['stage', 'c1'], ['entered_at', 'c2'], ['exited_at', 'c3']]);
    await warehouse.run(checkedTableSql(entitySpec('stage_history'), staged, source));
    const rows = await warehouse.all<{ stage: string | null; reason: string | null }>(
      `SELECT stage, err.reason AS reason FROM checked ORDER BY rowid`,
    );
    expect(rows).toEqual([
      { stage: 'Onsite', reason: null },
      { stage: 'Onsite', reason: null },
      { stage: 'Onsite', reason: null },
      { stage: 'Phone Screen', reason: null },
      { stage: null, reason: 'missing_required' },
    ]);
    tmp.cleanup();
  });

  it('loads a line over DuckDB\'s default 2 MB and quarantines a malformed record, through the second read', async () => {
    // The strict first read fails on both (line too long, too many fields); the second read allows 10 MB
    // lines and keeps the reader's rejects: 2 rows loaded (lines 2 and 3), line 4 quarantined.
    const tmp = tempDir();
    const long = 'x'.repeat(3_000_000);
    writeFiles(tmp.dir, {
      'applications.csv':
        'application_id,job_id,applied_at,candidate_id,source,source_type,status,rejected_at,rejection_type,rejection_reason,hired_at\n' +
        'app-1,job-1,2026-01-20T10:00:00Z,c-1,Referral,referral,active,,,,\n' +
        `app-2,job-1,2026-01-21T10:00:00Z,c-2,Referral,referral,rejected,2026-02-01T00:00:00Z,rejected,${long},\n` +
        'app-3,job-1,2026-01-22T10:00:00Z,c-3,Referral,referral,active,,,,,surplus\n',
    });
    const result = await ingest(warehouse, [tmp.dir]);
    expect(result.files.map((f) => [f.rowsRead, f.rowsLoaded, f.rowsRejected])).toEqual([[3, 2, 1]]);
    expect(await warehouse.all(`SELECT application_id, length(rejection_reason)::INTEGER AS n FROM applications ORDER BY 1`)).toEqual([
      { application_id: 'app-1', n: null },
      { application_id: 'app-2', n: 3_000_000 },
    ]);
    expect(await warehouse.all(`SELECT line::INTEGER AS line, reason FROM rejected_rows`)).toEqual([{ line: 4, reason: 'malformed_row' }]);
    tmp.cleanup();
  });
});
