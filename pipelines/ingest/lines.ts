/**
 * Physical line numbers of CSV records. DuckDB numbers staged rows by record; people look for a line
 * in an editor, where a quoted field with newlines spans several lines and blank lines count. Only run
 * for files that have rejects, streaming, in one pass over the bytes. LF, CRLF and a bare CR each end a
 * line, as in an editor.
 */
import { createReadStream } from 'node:fs';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export interface RecordLines {
  /** Physical line (1-based) of the record DuckDB reported at a byte offset, for the offsets asked for. */
  readonly lineAtOffset: ReadonlyMap<number, number>;
  /** Physical line of the n-th staged row (0-based), skipping records whose start offset is excluded. */
  readonly lineOfRow: ReadonlyMap<number, number>;
}

/**
 * Walk the records of a file (the header is record 0 and is skipped).
 * @param excludedOffsets offsets DuckDB reported for records it did not stage (malformed records). DuckDB's
 *   `line_byte_position` is the record's first byte or, measured on 1.5.6 with LF endings, the byte after
 *   it; a record (never blank, so at least two bytes long with its newline) claims either.
 * @param rows staged-row numbers whose lines are wanted
 */
export async function recordLines(
  file: string,
  excludedOffsets: ReadonlySet<number>,
  rows: ReadonlySet<number>,
): Promise<RecordLines> {
  const lineAtOffset = new Map<number, number>();
  const lineOfRow = new Map<number, number>();
  const lastRow = Math.max(-1, ...rows);
  const lastOffset = Math.max(-1, ...excludedOffsets);
  let line = 1;
  let offset = 0;
  let inQuotes = false;
  let atRecordStart = true;
  let recordStart = 0;
  let recordLine = 1;
  let recordIsBlank = true;
  let header = true;
  let stagedRow = 0;

  const finishRecord = () => {
    if (recordIsBlank) return; // DuckDB skips empty lines
    if (header) {
      header = false;
      return;
    }
    const reported = excludedOffsets.has(recordStart) ? recordStart : excludedOffsets.has(recordStart + 1) ? recordStart + 1 : -1;
    if (reported >= 0) lineAtOffset.set(reported, recordLine);
    else {
      if (rows.has(stagedRow)) lineOfRow.set(stagedRow, recordLine);
      stagedRow++;
    }
  };

  let afterCr = false; // the byte before was a CR: an LF now completes a CRLF, one line ending
  outer: for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer;
    for (let i = 0; i < bytes.length; i++, offset++) {
      const byte = bytes[i]!;
      if (byte === LF && afterCr) {
        afterCr = false;
        continue;
      }
      afterCr = byte === CR;
      if (atRecordStart) {
        atRecordStart = false;
        recordStart = offset;
        recordLine = line;
        recordIsBlank = true;
      }
      if (byte === QUOTE) inQuotes = !inQuotes;
      if (byte === LF || byte === CR) {
        // LF, CRLF and a bare CR (Excel for Mac) each end a line.
        line++;
        if (!inQuotes) {
          finishRecord();
          atRecordStart = true;
          if (stagedRow > lastRow && offset > lastOffset + 1) break outer;
        }
      } else recordIsBlank = false;
    }
  }
  if (!atRecordStart) finishRecord();
  return { lineAtOffset, lineOfRow };
}

/**
 * Physical lines of JSON-lines records: DuckDB's n-th object is the n-th non-blank line (no header;
 * an object never spans lines).
 */
export async function jsonRecordLines(file: string, rows: ReadonlySet<number>): Promise<RecordLines> {
  const lineOfRow = new Map<number, number>();
  let line = 1;
  let record = 0;
  let blank = true;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    for (const byte of chunk as Buffer) {
      if (byte === LF) {
        if (!blank) {
          if (rows.has(record)) lineOfRow.set(record, line);
          record++;
        }
        line++;
        blank = true;
      } else if (byte !== CR && byte !== 0x20 && byte !== 0x09) blank = false;
    }
  }
  if (!blank && rows.has(record)) lineOfRow.set(record, line);
  return { lineAtOffset: new Map(), lineOfRow };
}
