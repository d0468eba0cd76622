/**
 * Load one CSV file: DuckDB reads it into a temporary staging table (every column VARCHAR, so a bad
 * value is kept to be reported, not lost), SQL checks and casts it, and one transaction replaces the
 * canonical rows by key, stores the rejects and writes the ledger row. Nothing of a refused file is kept.
 */
import { open } from 'node:fs/promises';
import { paramsFor, type Warehouse } from '../lib/duckdb.ts';
import { RefusedFile, type Detection } from './detect.ts';
import { jsonRecordLines, recordLines } from './lines.ts';
import { firstInvalidUtf8, lineEndings, notUtf8Message, rewriteAsUtf8Lf, rewriteDir, type Rewritten, type TextEncoding } from './encoding.ts';
import { carrySql, duplicateKeysSql, goneSql, loadSql, stagingSql } from './validate.ts';

export interface LoadCounts {
  readonly rowsRead: number;
  readonly rowsLoaded: number;
  readonly rowsRejected: number;
  /** Rows of the previous export that this whole export no longer holds, removed (snapshot semantics). */
  readonly rowsRemoved: number;
  /** A wide export's records (its rows read and loaded are stage rows, one per true stage cell). */
  readonly records?: number;
}

/**
 * A file that is a whole export of its table (a vendor table, or a canonical file marked full): the rows
 * of the previous export it no longer holds are removed (DESIGN §8).
 */
export interface WholeExport {
  /** SQL condition on the table's rows `t` that the previous export holds; binds only `$scope_kind`. */
  readonly scope: string;
  readonly scopeKind: string;
  /** Load an export under half the size of the previous one anyway (`--force`). */
  readonly force: boolean;
}

/** A previous export smaller than this is too small to judge a new one by its size. */
export const SUSPICIOUS_MIN_PREVIOUS = 10;

interface ReaderReject {
  offset: number;
  error_type: string;
  column_name: string | null;
  error_message: string;
}

/** How a file's bytes are read (from sniff.ts): plain UTF-8 in place, UTF-16 through a rewrite. */
export interface ReadAs {
  readonly encoding: TextEncoding;
  readonly bom: number;
  readonly delimiter: ',' | '\t';
}

const plainUtf8: ReadAs = { encoding: 'utf-8', bom: 0, delimiter: ',' };

/** DuckDB cannot read this CSV as it is: its records end in more than one way (rewritten, then read again). */
class MixedLineEndings extends Error {
  readonly endings: { lf: number; crlf: number; cr: number };
  constructor(endings: { lf: number; crlf: number; cr: number }) {
    super('mixed line endings');
    this.endings = endings;
  }
}

/** Why a record's bytes are not UTF-8 (the byte, the likely encoding), read from the file at the record's offset. */
async function notUtf8At(file: string, offset: number, line: number | undefined): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const window = Buffer.alloc(65536);
    const { bytesRead } = await handle.read(window, 0, window.length, Math.max(0, offset - 1));
    const bytes = window.subarray(0, bytesRead);
    const bad = firstInvalidUtf8(bytes, true);
    return bad >= 0 ? notUtf8Message(bytes, bad, line) : `not UTF-8 text${line ? ` on line ${line}` : ''}`;
  } finally {
    await handle.close();
  }
}

/**
 * Read and check the file in one pass into `checked` (see checkedTableSql); malformed records come back
 * for quarantine, broken structure refuses the file.
 * @param file the file DuckDB reads: the input, or its UTF-8/LF rewrite (same lines)
 */
async function stage(
  warehouse: Warehouse,
  file: string,
  header: readonly string[],
  detection: Detection,
  pointers: readonly string[] | undefined,
  delimiter: ',' | '\t',
): Promise<ReaderReject[]> {
  if (pointers) {
    // JSON lines: each column is a JSON pointer into the line's object, bound as a parameter.
    const columns = pointers.map((_, i) => `json_extract_string(json, $p${i}) AS c${i}`).join(', ');
    const source = `(SELECT ${columns} FROM read_ndjson_objects($file))`;
    const { sql, params: checkParams } = stagingSql(detection, header, source);
    const params = Object.fromEntries(pointers.map((p, i) => [`p${i}`, p]));
    try {
      await warehouse.run(sql, paramsFor(sql, { file, ...params, ...checkParams }));
    } catch (error) {
      throw new RefusedFile(`unreadable JSON lines: ${(error as Error).message.split('\n')[0]}`);
    }
    return [];
  }
  const columns = header.map((_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  const delim = delimiter === '\t' ? `'\\t'` : `','`; // from an allow-list of two
  const read = (options: string) => `read_csv($file, header = true, auto_detect = false, delim = ${delim}, quote = '"', escape = '"',
         columns = {${columns}}${options})`;
  const staging = (source: string) => {
    const { sql, params } = stagingSql(detection, header, source);
    return { sql, params: paramsFor(sql, { file, ...params }) };
  };
  // First a strict read with DuckDB's defaults: a well-formed file (the usual case) loads in one pass. A
  // malformed record or a line over 2 MB makes it fail, and the file is read again with longer lines
  // allowed and the reader's rejects kept, for quarantine. The defaults matter beyond the read: rows read
  // with max_line_size raised are rewritten at the next checkpoint (the buffer it implies changes how
  // rows reach the table; BENCHMARKS.md, "Figures behind the code").
  try {
    const { sql, params } = staging(read(''));
    await warehouse.run(sql, params);
    return [];
  } catch {
    // read again below, keeping the rejects
  }
  await warehouse.run(`DROP TABLE IF EXISTS hs_rejects; DROP TABLE IF EXISTS hs_scans;`);
  try {
    const { sql, params } = staging(
      read(`, max_line_size = 10000000, store_rejects = true, rejects_table = 'hs_rejects', rejects_scan = 'hs_scans'`),
    );
    await warehouse.run(sql, params);
  } catch (error) {
    const message = (error as Error).message.split('\n')[0]!;
    // DuckDB 1.5.6 reads LF, CRLF or bare-CR files, but not one that mixes them (measured: it fails so).
    if (message.includes('state machine reached an invalid state')) {
      const endings = await lineEndings(file, true);
      if (endings.mixed) throw new MixedLineEndings(endings);
    }
    throw new RefusedFile(`unreadable CSV: ${message}`);
  }
  const rejects = await warehouse.all<ReaderReject>(
    `SELECT line_byte_position::BIGINT::DOUBLE AS offset, first(error_type ORDER BY column_idx) AS error_type,
            first(column_name ORDER BY column_idx) AS column_name, first(error_message ORDER BY column_idx) AS error_message
     FROM hs_rejects GROUP BY line_byte_position ORDER BY line_byte_position`,
  );
  const broken = rejects.find((r) => r.error_type !== 'MISSING COLUMNS' && r.error_type !== 'TOO MANY COLUMNS');
  if (broken) {
    const lines = await recordLines(file, new Set([broken.offset]), new Set());
    const index = broken.column_name ? Number(broken.column_name.slice(1)) : NaN;
    const column = Number.isInteger(index) ? header[index] : undefined;
    const where = `line ${lines.lineAtOffset.get(broken.offset) ?? '?'}${column ? `, column ${column}` : ''}`;
    const cause =
      broken.error_type === 'UNQUOTED VALUE'
        ? 'broken quoting (a quote is not closed, or text follows a closing quote)'
        : broken.error_message;
    if (broken.error_type === 'INVALID ENCODING') throw new RefusedFile(await notUtf8At(file, broken.offset, lines.lineAtOffset.get(broken.offset)));
    throw new RefusedFile(`${cause} at ${where}`);
  }
  return rejects;
}

export interface PreparedFile {
  readonly file: string;
  /** What DuckDB read: `file`, or its temporary UTF-8/LF rewrite, whose lines are the file's lines. */
  readonly readPath: string;
  /** Remove the rewrite, if any (after applyFile). */
  dispose(): void;
  /** What was rewritten and why, for the file's note (empty when DuckDB read the file as it is). */
  readonly notes: readonly string[];
  readonly detection: Detection;
  readonly readerRejects: readonly ReaderReject[];
  readonly jsonLines: boolean;
}

/**
 * Stage and check one file (outside any transaction: temporary tables only, nothing of the warehouse
 * changes). Throws RefusedFile for a file that cannot be loaded at all.
 */
export async function prepareFile(
  warehouse: Warehouse,
  file: string,
  header: readonly string[],
  detection: Detection,
  pointers?: readonly string[],
  readAs: ReadAs = plainUtf8,
): Promise<PreparedFile> {
  const dir = rewriteDir(warehouse.path);
  const quoted = pointers === undefined;
  // UTF-16 is rewritten up front; a UTF-8 file only when DuckDB cannot read its line endings as they are.
  let rewritten: Rewritten | undefined = readAs.encoding === 'utf-8' ? undefined : await rewriteAsUtf8Lf(file, dir, readAs.encoding, readAs.bom, quoted);
  try {
    const notes = rewritten ? [`read as ${readAs.encoding.toUpperCase()}, transcoded to UTF-8`] : [];
    let readerRejects: ReaderReject[];
    try {
      readerRejects = await stage(warehouse, rewritten?.path ?? file, header, detection, pointers, readAs.delimiter);
    } catch (error) {
      if (!(error instanceof MixedLineEndings) || rewritten) throw error;
      const { lf, crlf, cr } = error.endings;
      notes.push(`mixed line endings (${crlf} CRLF, ${lf} LF, ${cr} bare CR) read as one`);
      rewritten = await rewriteAsUtf8Lf(file, dir, readAs.encoding, readAs.bom, quoted);
      readerRejects = await stage(warehouse, rewritten.path, header, detection, pointers, readAs.delimiter);
    }
    if (!detection.entity.allowDuplicates) {
      const { probe, mark } = duplicateKeysSql(detection.entity);
      if ((await warehouse.maybeOne<{ n: number }>(probe))!.n > 0) await warehouse.run(mark);
    }
    const done = rewritten;
    return { file, readPath: done?.path ?? file, dispose: () => done?.dispose(), notes, detection, readerRejects, jsonLines: !quoted };
  } catch (error) {
    rewritten?.dispose();
    throw error;
  }
}

/**
 * Apply a prepared file inside the caller's transaction: replace rows by key, insert the valid rows,
 * quarantine the rest with their physical line numbers.
 * @returns row counts; rows read = rows loaded + rows rejected always holds
 */
export async function applyFile(warehouse: Warehouse, prepared: PreparedFile, fileId: number, whole?: WholeExport): Promise<LoadCounts> {
  const { file, readPath, detection, readerRejects } = prepared;
  const entity = detection.entity;
  let rowsRemoved = 0;
  if (whole) {
    const scoped = (sql: string) => paramsFor(sql, { scope_kind: whole.scopeKind });
    const previousSql = `SELECT count(*)::INTEGER AS n FROM ${entity.table} t WHERE ${whole.scope}`;
    const { n: previous } = (await warehouse.maybeOne<{ n: number }>(previousSql, scoped(previousSql)))!;
    const { n: valid } = (await warehouse.maybeOne<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM checked WHERE err IS NULL`))!;
    // A truncated export must not wipe the warehouse: under half the previous one is refused unless forced.
    if (!whole.force && previous >= SUSPICIOUS_MIN_PREVIOUS && valid * 2 < previous) {
      throw new RefusedFile(
        `suspicious export: ${valid} valid rows against ${previous} in the previous export of ${entity.name}, fewer than half; ` +
          `it replaces the table whole, so a truncated file would remove the rest. Pass --force if the export really is that small`,
      );
    }
    const gone = goneSql(entity, whole.scope);
    rowsRemoved = (await warehouse.maybeOne<{ n: number }>(gone.count, scoped(gone.count)))!.n;
    if (rowsRemoved > 0) await warehouse.run(gone.remove, scoped(gone.remove));
  }
  // Columns the file lacks keep their loaded values (a table replaced by a grouping column has several
  // rows per group: nothing to carry row by row).
  if (!entity.replaceBy) {
    const carry = carrySql(entity, new Set(detection.sources.keys()));
    if (carry) await warehouse.run(carry);
  }
  const { remove, insert } = loadSql(entity);
  await warehouse.run(remove);
  await warehouse.run(insert, { file_id: fileId });

  const totals = await warehouse.maybeOne<{ staged: number; loaded: number }>(
    `SELECT count(*)::INTEGER AS staged, count(*) FILTER (WHERE err IS NULL)::INTEGER AS loaded FROM checked`,
  );
  const staged = totals?.staged ?? 0;
  const loaded = totals?.loaded ?? 0;
  // The record number of each rejected row: its rowid, or for a wide export (several stage rows per
  // record) the record it came from.
  const record = detection.stages?.length ? 'hs_rec' : 'rowid';
  const rejectedRows = await warehouse.all<{ rn: number }>(
    `SELECT ${record === 'hs_rec' ? 'DISTINCT ' : ''}${record}::DOUBLE AS rn FROM checked WHERE err IS NOT NULL ORDER BY rn`,
  );
  const rejectedCount = detection.stages?.length
    ? (await warehouse.maybeOne<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM checked WHERE err IS NOT NULL`))!.n
    : rejectedRows.length;
  if (rejectedRows.length > 0 || readerRejects.length > 0) {
    const lines = prepared.jsonLines
      ? await jsonRecordLines(readPath, new Set(rejectedRows.map((r) => r.rn)))
      : await recordLines(readPath, new Set(readerRejects.map((r) => r.offset)), new Set(rejectedRows.map((r) => r.rn)));
    // Lines go back to DuckDB as two parallel JSON arrays (one bound parameter each).
    await warehouse.run(
      `CREATE OR REPLACE TEMP TABLE line_map AS
       SELECT unnest(from_json($rns, '["BIGINT"]')) AS rn, unnest(from_json($lines, '["BIGINT"]')) AS line`,
      {
        rns: JSON.stringify(rejectedRows.map((r) => r.rn)),
        lines: JSON.stringify(rejectedRows.map((r) => lines.lineOfRow.get(r.rn) ?? r.rn + 2)),
      },
    );
    await warehouse.run(
      `INSERT INTO rejected_rows (file_id, path, line, "column", value, reason, message)
       SELECT $file_id, $path, m.line, c.err.column, c.err.value, c.err.reason, c.err.message
       FROM checked c JOIN line_map m ON m.rn = c.${record} WHERE c.err IS NOT NULL ORDER BY m.line${record === 'hs_rec' ? ', c.hs_k' : ''}`,
      { file_id: fileId, path: file },
    );
    for (const reject of readerRejects) {
      await warehouse.run(
        `INSERT INTO rejected_rows (file_id, path, line, "column", value, reason, message) VALUES ($file_id, $path, $line, NULL, NULL, 'malformed_row', $message)`,
        {
          file_id: fileId,
          path: file,
          line: lines.lineAtOffset.get(reject.offset) ?? 0,
          message: `record has the wrong number of fields (${reject.error_message})`,
        },
      );
    }
  }
  const rejected = rejectedCount + readerRejects.length;
  const counts = { rowsRead: staged + readerRejects.length, rowsLoaded: loaded, rowsRejected: rejected, rowsRemoved };
  if (record === 'rowid') return counts;
  const records = (await warehouse.maybeOne<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM hs_wide`))!.n;
  return { ...counts, records };
}
