/**
 * Issue 16, Deliver 5: inputs as spreadsheets export them. The same applications, written as real bytes
 * in UTF-8 with LF, CRLF, bare CR (Excel for Mac's "CSV (Macintosh)") and mixed endings, and as Excel's
 * "Unicode Text" (UTF-16LE with a BOM, tab-separated, CRLF) and UTF-16BE, load the same rows, quarantine
 * the same rows at the same ORIGINAL line numbers, and archive/hash the original bytes. Other encodings
 * are refused with the encoding named; a JSON-lines file whose first line is over 1 MB is read.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest, type FileResult } from '../../pipelines/ingest/index.ts';
import { sha256File } from '../../pipelines/ingest/sniff.ts';
import { openWarehouse, type Warehouse } from '../../pipelines/lib/duckdb.ts';
import { tempDir, writeFiles } from '../helpers/tmp.ts';

const header = ['application_id', 'job_id', 'applied_at', 'candidate_id', 'source', 'source_type', 'status', 'rejected_at', 'rejection_type', 'rejection_reason', 'hired_at'];

/**
 * The records, as fields. Physical lines (the header is line 1):
 *   2  app-1  valid, a non-ASCII source (Agência José)
 *   3  app-2  applied_at "yesterday"            -> invalid_timestamp
 *   4  app-3  valid, a quoted reason with a line break inside (LF, as Excel writes a cell's Alt+Enter),
 *   5         so the record spans lines 4 and 5
 *   6  app-4  status "maybe"                    -> invalid_enum
 *   7  app-5  valid, hired, a source with € in it
 *   8  app-6  three fields instead of eleven    -> malformed_row
 * Loaded 3 (app-1, app-3, app-5), rejected 3 at lines 3, 6, 8; read 6.
 */
const records: string[][] = [
  header,
  ['app-1', 'job-1', '2026-01-20T10:00:00Z', 'c-1', 'Agência José', 'referral', 'active', '', '', '', ''],
  ['app-2', 'job-1', 'yesterday', 'c-2', 'LinkedIn', 'sourced', 'active', '', '', '', ''],
  ['app-3', 'job-2', '2026-01-22T10:00:00Z', 'c-3', 'Referral', 'referral', 'rejected', '2026-02-01T00:00:00Z', 'rejected', '"Too junior\nfor the role"', ''],
  ['app-4', 'job-2', '2026-01-23T10:00:00Z', 'c-4', 'Referral', 'referral', 'maybe', '', '', '', ''],
  ['app-5', 'job-3', '2026-01-24T10:00:00Z', 'c-5', 'Job board € ads', 'job_board', 'hired', '', '', '', '2026-03-01T00:00:00Z'],
  ['app-6', 'job-3', '2026-01-25T10:00:00Z'],
];

/** The records joined by `delimiter`, each ended by the next of `endings` (cycled). */
function text(delimiter: string, endings: readonly string[]): string {
  return records.map((fields, i) => fields.join(delimiter) + endings[i % endings.length]).join('');
}

/** UTF-16BE bytes of a string (Node has no 'utf16be' encoding: swap the LE bytes). */
function utf16be(value: string): Buffer {
  const le = Buffer.from(value, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
}

const variants: Record<string, Buffer> = {
  lf: Buffer.from(text(',', ['\n'])),
  crlf: Buffer.from(text(',', ['\r\n'])),
  cr: Buffer.from(text(',', ['\r'])),
  // Header in CRLF, rows in LF, one bare CR after line 6: what DuckDB called "state machine reached an invalid state".
  mixed: Buffer.from(text(',', ['\r\n', '\n', '\n', '\n', '\r', '\n', '\n'])),
  // Excel's "Unicode Text": UTF-16LE with a BOM, tab-separated, CRLF.
  'utf16le-tab': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text('\t', ['\r\n']), 'utf16le')]),
  'utf16be-tab': Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text('\t', ['\r\n']))]),
};

interface Loaded {
  readonly file: FileResult;
  readonly applications: Record<string, unknown>[];
  readonly rejects: Record<string, unknown>[];
}

describe('inputs as exported', () => {
  const tmp = tempDir('hs-encodings-');
  const loaded = new Map<string, Loaded>();
  let warehouse: Warehouse;

  beforeAll(async () => {
    for (const [name, bytes] of Object.entries(variants)) {
      const dir = path.join(tmp.dir, name);
      writeFiles(dir, { 'applications.csv': bytes });
      const db = await openWarehouse(path.join(tmp.dir, `${name}.duckdb`));
      try {
        const result = await ingest(db, [dir]);
        loaded.set(name, {
          file: result.files[0]!,
          applications: await db.all(
            `SELECT application_id, job_id, strftime(applied_at, '%Y-%m-%dT%H:%M:%SZ') AS applied_at, source, source_type, status, rejection_reason
             FROM applications ORDER BY application_id`,
          ),
          rejects: await db.all(`SELECT path, line::INTEGER AS line, "column", value, reason FROM rejected_rows ORDER BY line`),
        });
      } finally {
        db.close();
      }
    }
    warehouse = await openWarehouse(':memory:');
  }, 120_000);
  afterAll(() => {
    warehouse.close();
    tmp.cleanup();
  });

  for (const name of Object.keys(variants)) {
    it(`${name}: loads 3 rows and quarantines 3 at the original lines 3, 6 and 8`, () => {
      const { file, applications, rejects } = loaded.get(name)!;
      expect(file).toMatchObject({ status: 'loaded', rowsRead: 6, rowsLoaded: 3, rowsRejected: 3 });
      expect(applications.map((a) => a.application_id)).toEqual(['app-1', 'app-3', 'app-5']);
      // A few cells: the non-ASCII source, the in-cell line break kept as LF, the € sign.
      expect(applications[0]).toMatchObject({ source: 'Agência José', applied_at: '2026-01-20T10:00:00Z', status: 'active' });
      expect(applications[1]).toMatchObject({ rejection_reason: 'Too junior\nfor the role', status: 'rejected' });
      expect(applications[2]).toMatchObject({ source: 'Job board € ads', source_type: 'job_board', status: 'hired' });
      const original = path.join(tmp.dir, name, 'applications.csv');
      expect(rejects).toEqual([
        { path: original, line: 3, column: 'applied_at', value: 'yesterday', reason: 'invalid_timestamp' },
        { path: original, line: 6, column: 'status', value: 'maybe', reason: 'invalid_enum' },
        { path: original, line: 8, column: null, value: null, reason: 'malformed_row' },
      ]);
    });
  }

  it('every variant gives the same canonical rows and rejects as the UTF-8 LF file', () => {
    const strip = (l: Loaded) => ({ applications: l.applications, rejects: l.rejects.map(({ path: _p, ...rest }) => rest) });
    const reference = strip(loaded.get('lf')!);
    for (const name of Object.keys(variants)) expect(strip(loaded.get(name)!), name).toEqual(reference);
  });

  it('rewrites only the mixed and UTF-16 files (plain UTF-8 is read in place), says so, leaves no rewrite behind, and hashes the original bytes', async () => {
    // The mixed file's endings outside quotes: the header's CRLF, the bare CR after line 6, and LF after
    // the other 5 records (the LF inside app-3's quoted reason is part of the value, not counted).
    expect(Object.fromEntries([...loaded].map(([name, l]) => [name, l.file.message]))).toEqual({
      lf: '',
      crlf: '',
      cr: '',
      mixed: 'mixed line endings (1 CRLF, 5 LF, 1 bare CR) read as one',
      'utf16le-tab': 'read as UTF-16LE, transcoded to UTF-8',
      'utf16be-tab': 'read as UTF-16BE, transcoded to UTF-8',
    });
    // Rewrites go to <warehouse>.inputs.tmp/, removed with the folder after the load.
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.inputs.tmp'))).toEqual([]);
    const utf16 = path.join(tmp.dir, 'utf16le-tab', 'applications.csv');
    expect(await sha256File(utf16)).toBe(createHash('sha256').update(variants['utf16le-tab']!).digest('hex'));
  });

  it('removes a rewrite a killed ingest left behind (its pid gone) before making a new one', async () => {
    // pid 2^22 + 1 is above Linux's pid_max ceiling (4194304): never a live process.
    const dir = `${path.join(tmp.dir, 'killed.duckdb')}.inputs.tmp`;
    writeFiles(dir, { '4194305-1-applications.csv': 'left over' });
    const db = await openWarehouse(path.join(tmp.dir, 'killed.duckdb'));
    try {
      writeFiles(path.join(tmp.dir, 'killed'), { 'applications.csv': variants.mixed! });
      const result = await ingest(db, [path.join(tmp.dir, 'killed')]);
      expect(result.files[0]).toMatchObject({ status: 'loaded', rowsLoaded: 3, rowsRejected: 3 });
    } finally {
      db.close();
    }
    expect(existsSync(dir)).toBe(false);
  });

  /** Ingest one file (name -> bytes) into the shared in-memory warehouse; its only FileResult. */
  async function one(name: string, bytes: Buffer): Promise<FileResult> {
    const dir = path.join(tmp.dir, `one-${name}`);
    writeFiles(dir, { [name]: bytes });
    const result = await ingest(warehouse, [path.join(dir, name)]);
    expect(result.files).toHaveLength(1);
    return result.files[0]!;
  }

  it('refuses UTF-32 by its byte-order mark', async () => {
    const bom = Buffer.from([0xff, 0xfe, 0x00, 0x00]);
    const file = await one('utf32.csv', Buffer.concat([bom, Buffer.from('a\0\0\0')]));
    expect(file).toMatchObject({ status: 'refused', message: 'UTF-32LE (byte-order mark FF FE 00 00), not UTF-8 or UTF-16: save the export as "CSV UTF-8"' });
  });

  it('refuses UTF-16 without a byte-order mark, named by its NUL pattern', async () => {
    const file = await one('nobom.csv', Buffer.from(text(',', ['\r\n']), 'utf16le'));
    expect(file).toMatchObject({ status: 'refused', message: 'looks like UTF-16LE without a byte-order mark (every other byte is NUL): save the export as "CSV UTF-8"' });
  });

  it('refuses Latin-1 / Windows-1252 bytes with the byte, its line and the likely encoding', async () => {
    // "José" in Latin-1 is 4A 6F 73 E9: E9 starts a 3-byte UTF-8 sequence that "," (2C) cannot continue.
    const latin1 = Buffer.from(`${header.join(',')}\napp-1,job-1,2026-01-20T10:00:00Z,c-1,Ref,referral,active,,,,\napp-2,job-1,2026-01-20T10:00:00Z,c-2,José,referral,active,,,,\n`, 'latin1');
    expect(await one('latin1.csv', latin1)).toMatchObject({
      status: 'refused',
      message: 'not UTF-8: byte 0xE9 on line 3 looks like Windows-1252 or Latin-1 (ISO-8859-1) — save the export as "CSV UTF-8"',
    });
    // With 0x80 (€ in Windows-1252, a control code in Latin-1) the guess narrows.
    const cp1252 = Buffer.concat([Buffer.from(`${header.join(',')}\napp-1,job-1,2026-01-20T10:00:00Z,c-1,Ads `), Buffer.from([0x80]), Buffer.from(',referral,active,,,,\n')]);
    expect(await one('cp1252.csv', cp1252)).toMatchObject({
      status: 'refused',
      message: 'not UTF-8: byte 0x80 on line 2 looks like Windows-1252 (or Mac Roman, as Excel for Mac\'s "CSV (Macintosh)" writes) — save the export as "CSV UTF-8"',
    });
  });

  it('refuses a Latin-1 byte past the first megabyte with its line (found by DuckDB\'s reader)', async () => {
    // 20,000 valid rows of 64-65 bytes (1.3 MB) after the header, then José in Latin-1 on line 20,002.
    const rows = Array.from({ length: 20_000 }, (_, i) => `app-${i},job-1,2026-01-20T10:00:00Z,c-${i},Referral,referral,active,,,,\n`).join('');
    const bytes = Buffer.concat([Buffer.from(`${header.join(',')}\n${rows}`), Buffer.from('app-x,job-1,2026-01-20T10:00:00Z,c-x,José,referral,active,,,,\n', 'latin1')]);
    expect(bytes.length).toBeGreaterThan(1 << 20);
    expect(await one('late-latin1.csv', bytes)).toMatchObject({
      status: 'refused',
      message: 'not UTF-8: byte 0xE9 on line 20002 looks like Windows-1252 or Latin-1 (ISO-8859-1) — save the export as "CSV UTF-8"',
    });
  });

  it('transcodes a UTF-16LE JSON-lines file with a BOM', async () => {
    // Two records, CRLF-ended, in UTF-16LE: both load, the non-ASCII source intact.
    const lines = [
      { application_id: 'u-1', job_id: 'job-1', applied_at: '2026-01-20T10:00:00Z', source: 'Agência José' },
      { application_id: 'u-2', job_id: 'job-1', applied_at: '2026-01-21T10:00:00Z', source: 'Referral' },
    ];
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines.map((l) => `${JSON.stringify(l)}\r\n`).join(''), 'utf16le')]);
    expect(await one('utf16.jsonl', bytes)).toMatchObject({ status: 'loaded', rowsLoaded: 2, message: 'read as UTF-16LE, transcoded to UTF-8' });
    expect(await warehouse.all(`SELECT application_id, source FROM applications WHERE application_id LIKE 'u-%' ORDER BY 1`)).toEqual([
      { application_id: 'u-1', source: 'Agência José' },
      { application_id: 'u-2', source: 'Referral' },
    ]);
  });

  it('reads a JSON-lines file whose first line is over 1 MB', async () => {
    // Line 1 carries a 1,500,000-character rejection reason, line 2 a short record: both load.
    const long = 'r'.repeat(1_500_000);
    const lines = [
      { application_id: 'j-1', job_id: 'job-1', applied_at: '2026-01-20T10:00:00Z', status: 'rejected', rejection_reason: long },
      { application_id: 'j-2', job_id: 'job-1', applied_at: '2026-01-21T10:00:00Z', status: 'active', rejection_reason: null },
    ];
    const file = await one('applications.jsonl', Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n') + '\n'));
    expect(file).toMatchObject({ status: 'loaded', kind: 'applications', rowsRead: 2, rowsLoaded: 2, rowsRejected: 0 });
    expect(
      await warehouse.all(`SELECT application_id, length(rejection_reason)::INTEGER AS n FROM applications WHERE application_id LIKE 'j-%' ORDER BY 1`),
    ).toEqual([
      { application_id: 'j-1', n: 1_500_000 },
      { application_id: 'j-2', n: null },
    ]);
  });
});
