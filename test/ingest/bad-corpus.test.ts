/**
 * The bad-input corpus: every file under test/fixtures/bad/ is ingested alone into a fresh warehouse and
 * its outcome is compared with the hand-written expectation in test/fixtures/bad/expected.json
 * (status, entity, row counts, every quarantined row with its physical line, column and reason).
 * Cases marked `knownBug` describe what the spec demands and fail until the ingest code is fixed.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../pipelines/ingest/index.ts';
import { openWarehouse } from '../../pipelines/lib/duckdb.ts';

interface ExpectedReject {
  readonly line: number;
  readonly column: string | null;
  readonly reason: string;
  /** Compared only when present (null = the stored value is NULL). */
  readonly value?: string | null;
}

interface StoredCheck {
  /** A fixed query over the canonical tables; every selected column is text (cast in SQL). */
  readonly sql: string;
  readonly rows: readonly (readonly (string | null)[])[];
}

interface CommonExpectation {
  readonly why: string;
  readonly knownBug?: string;
}

interface RefusedExpectation extends CommonExpectation {
  readonly status: 'refused';
  /** Substrings of the refusal message, compared case-insensitively. */
  readonly messageIncludes: readonly string[];
  readonly kind?: string | null;
}

interface LoadedExpectation extends CommonExpectation {
  readonly status: 'loaded';
  readonly kind: string;
  readonly rowsRead: number;
  readonly rowsLoaded: number;
  readonly rowsRejected: number;
  readonly rejects: readonly ExpectedReject[];
  readonly stored?: readonly StoredCheck[];
  /** A vendor file: the canonical rows derived from it alone, per table (absent: none). */
  readonly derived?: Readonly<Record<string, number>>;
}

type Expectation = RefusedExpectation | LoadedExpectation;

const corpusDir = path.resolve(import.meta.dirname, '..', 'fixtures', 'bad');
const expectations = JSON.parse(readFileSync(path.join(corpusDir, 'expected.json'), 'utf8')) as Record<string, Expectation>;
const fixtureFiles = readdirSync(corpusDir)
  .filter((name) => name !== 'expected.json')
  .sort();

const canonicalTables = [
  'jobs',
  'openings',
  'applications',
  'stage_history',
  'offers',
  'compensation',
  'benchmarks',
  'fx_rates',
] as const;

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('bad-input corpus', () => {
  it('has an expectation for every fixture and a fixture for every expectation (at least 24)', () => {
    expect(Object.keys(expectations).sort()).toEqual(fixtureFiles);
    expect(fixtureFiles.length).toBeGreaterThanOrEqual(24);
  });

  for (const name of Object.keys(expectations).sort()) {
    const expected = expectations[name]!;
    const title = expected.knownBug ? `${name} (known bug: ${expected.knownBug})` : name;

    // Cases are independent (own temp folder, own DuckDB instance): run a few at a time. Concurrent tests
    // must assert with the expect of their own test context.
    it.concurrent(title, async ({ expect }) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'hs-bad-'));
      tempDirs.push(dir);
      const file = path.join(corpusDir, name);
      const warehouse = await openWarehouse(path.join(dir, 'warehouse.duckdb'));
      try {
        const result = await ingest(warehouse, [file]);
        expect(result.files).toHaveLength(1);
        const got = result.files[0]!;
        expect(got.path).toBe(file);
        expect({ status: got.status, message: got.message }).toMatchObject({ status: expected.status });
        expect(got.rowsRead).toBe(got.rowsLoaded + got.rowsRejected);

        const tableCounts: Record<string, number> = {};
        for (const table of canonicalTables) {
          const row = await warehouse.maybeOne<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table}`);
          tableCounts[table] = row?.n ?? -1;
        }
        const rejects = await warehouse.all<{ path: string; line: number; column: string | null; value: string | null; reason: string }>(
          `SELECT path, line::INTEGER AS line, "column", value, reason FROM rejected_rows ORDER BY line, reason`,
        );
        const ledger = await warehouse.all<{ status: string; rows_read: number; rows_loaded: number; rows_rejected: number }>(
          `SELECT status, rows_read::INTEGER AS rows_read, rows_loaded::INTEGER AS rows_loaded, rows_rejected::INTEGER AS rows_rejected
           FROM ingest_files`,
        );
        expect(ledger).toEqual([
          { status: got.status, rows_read: got.rowsRead, rows_loaded: got.rowsLoaded, rows_rejected: got.rowsRejected },
        ]);

        if (expected.status === 'refused') {
          const message = got.message.toLowerCase();
          for (const part of expected.messageIncludes) {
            expect(message, `message "${got.message}" should include "${part}"`).toContain(part.toLowerCase());
          }
          if ('kind' in expected) expect(got.kind).toBe(expected.kind);
          expect({ rowsRead: got.rowsRead, rowsLoaded: got.rowsLoaded, rowsRejected: got.rowsRejected }).toEqual({
            rowsRead: 0,
            rowsLoaded: 0,
            rowsRejected: 0,
          });
          // Nothing of a refused file reaches any canonical table or the quarantine.
          expect(tableCounts).toEqual(Object.fromEntries(canonicalTables.map((t) => [t, 0])));
          expect(rejects).toEqual([]);
          return;
        }

        expect({
          kind: got.kind,
          rowsRead: got.rowsRead,
          rowsLoaded: got.rowsLoaded,
          rowsRejected: got.rowsRejected,
          message: got.message,
        }).toMatchObject({
          kind: expected.kind,
          rowsRead: expected.rowsRead,
          rowsLoaded: expected.rowsLoaded,
          rowsRejected: expected.rowsRejected,
        });
        // Loaded rows land in the entity's own table only; a vendor file's in its raw table, and the
        // canonical tables hold what was derived from it.
        expect(tableCounts).toEqual(
          Object.fromEntries(
            canonicalTables.map((t) => [t, t === expected.kind ? expected.rowsLoaded : (expected.derived?.[t] ?? 0)]),
          ),
        );

        for (const reject of rejects) expect(reject.path).toBe(file);
        const actual = rejects.map((reject, index) => {
          const want = expected.rejects[index];
          const shown: ExpectedReject = { line: reject.line, column: reject.column, reason: reject.reason };
          return want && 'value' in want ? { ...shown, value: reject.value } : shown;
        });
        expect(actual).toEqual([...expected.rejects].sort((a, b) => a.line - b.line));

        for (const check of expected.stored ?? []) {
          const rows = await warehouse.all<Record<string, unknown>>(check.sql);
          expect(rows.map((row) => Object.values(row)), check.sql).toEqual(check.rows);
        }
      } finally {
        // The file is thrown away: skip the checkpoint on close (a third of a case's time).
        await warehouse.run('PRAGMA disable_checkpoint_on_shutdown').catch(() => undefined);
        warehouse.close();
      }
    });
  }
});
