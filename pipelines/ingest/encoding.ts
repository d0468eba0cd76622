/**
 * Inputs as spreadsheets export them (issue 16): the encoding of a file, told from its first bytes, and
 * the rewrite DuckDB needs for the few files it cannot read as they are. Measured on DuckDB 1.5.6 with
 * read_csv(auto_detect = false): LF, CRLF and bare-CR files read as they are; a file that mixes two of
 * them (a header ending in CRLF and rows in LF, one bare CR among LF rows, even 5,000 rows down) fails
 * with "CSV Parser state machine reached an invalid state". So only a mixed file, and UTF-16 (Excel's
 * "Unicode Text"), are rewritten, to a temporary UTF-8 file with LF endings; plain UTF-8 is read in place.
 * A rewrite changes line endings only outside quotes and maps each ending to one LF, so line N of the
 * rewrite is line N of the original (lines.ts counts CRLF, LF and bare CR alike).
 */
import { closeSync, createReadStream, mkdirSync, openSync, readdirSync, rmdirSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { RefusedFile } from './detect.ts';

/** Encodings that load: UTF-8 (with or without a BOM) as it is, UTF-16 with a BOM transcoded. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

const saveAs = 'save the export as "CSV UTF-8"';

/**
 * The encoding of a file from its head: a byte-order mark, else UTF-8. Throws RefusedFile naming what it
 * is for UTF-32 (a BOM), UTF-16 without a BOM (every other byte NUL) and other binary content.
 */
export function detectEncoding(head: Buffer): { encoding: TextEncoding; bom: number } {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0xff, 0xfe, 0x00, 0x00)) throw new RefusedFile(`UTF-32LE (byte-order mark FF FE 00 00), not UTF-8 or UTF-16: ${saveAs}`);
  if (starts(0x00, 0x00, 0xfe, 0xff)) throw new RefusedFile(`UTF-32BE (byte-order mark 00 00 FE FF), not UTF-8 or UTF-16: ${saveAs}`);
  if (starts(0xef, 0xbb, 0xbf)) return { encoding: 'utf-8', bom: 3 };
  if (starts(0xff, 0xfe)) return { encoding: 'utf-16le', bom: 2 };
  if (starts(0xfe, 0xff)) return { encoding: 'utf-16be', bom: 2 };
  if (head.includes(0)) {
    // Text in UTF-16 without a BOM: mostly ASCII, so the high byte of nearly every unit is NUL — the odd
    // bytes in little-endian, the even ones in big-endian. Anything else with NULs is binary.
    const sample = head.subarray(0, Math.min(head.length, 4096) & ~1);
    let evenNul = 0;
    let oddNul = 0;
    for (let i = 0; i < sample.length; i++) if (sample[i] === 0) (i % 2 ? oddNul++ : evenNul++);
    const units = sample.length / 2;
    if (oddNul > units * 0.3 && evenNul < units * 0.05) throw new RefusedFile(`looks like UTF-16LE without a byte-order mark (every other byte is NUL): ${saveAs}`);
    if (evenNul > units * 0.3 && oddNul < units * 0.05) throw new RefusedFile(`looks like UTF-16BE without a byte-order mark (every other byte is NUL): ${saveAs}`);
    throw new RefusedFile('binary content (NUL bytes), not a CSV file');
  }
  return { encoding: 'utf-8', bom: 0 };
}

/** Offset of the first byte that is not valid UTF-8, or -1; a sequence cut by the end of a head is not an error. */
export function firstInvalidUtf8(bytes: Buffer, truncated: boolean): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    if (i + need >= bytes.length && need > 0) return truncated ? -1 : i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]!;
      const low = k === 1 && b === 0xe0 ? 0xa0 : k === 1 && b === 0xf0 ? 0x90 : 0x80;
      const high = k === 1 && b === 0xed ? 0x9f : k === 1 && b === 0xf4 ? 0x8f : 0xbf;
      if (c < low || c > high) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Physical line (1-based) of a byte offset: CRLF, LF and bare CR each end a line. */
export function lineOfOffset(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === LF) line++;
    else if (bytes[i] === CR && bytes[i + 1] !== LF) line++;
  }
  return line;
}

/**
 * Why bytes are not UTF-8, as precisely as can be told: the first bad byte, its line, and the encoding
 * it most likely is. Bytes 0x80-0x9F are control codes in Latin-1 that nobody types, but letters and
 * punctuation in Windows-1252 (€, curly quotes) and Mac Roman (é is 0x8E there); without them the
 * text is some single-byte Western encoding, Latin-1 or Windows-1252 alike.
 * @param line the line of the bad byte, when known
 */
export function notUtf8Message(bytes: Buffer, at: number, line: number | undefined): string {
  const high = bytes.subarray(0, Math.min(bytes.length, at + 65536)).filter((b) => b >= 0x80);
  const c1 = high.some((b) => b >= 0x80 && b <= 0x9f);
  const guess = c1
    ? 'looks like Windows-1252 (or Mac Roman, as Excel for Mac\'s "CSV (Macintosh)" writes)'
    : 'looks like Windows-1252 or Latin-1 (ISO-8859-1)';
  const hex = bytes[at]!.toString(16).toUpperCase().padStart(2, '0');
  return `not UTF-8: byte 0x${hex}${line ? ` on line ${line}` : ''} ${guess} — ${saveAs}`;
}

/**
 * Decode the head of a file (without its BOM) to text. Throws RefusedFile naming the line, the byte and
 * the likely encoding when UTF-8 is not valid, or when UTF-16 is broken.
 */
export function decodeHead(head: Buffer, truncated: boolean, encoding: TextEncoding, bom: number): string {
  const body = head.subarray(bom);
  try {
    // stream: a character cut by the end of the head waits for bytes that never come, and is dropped.
    return new TextDecoder(encoding, { fatal: true }).decode(body, { stream: truncated });
  } catch {
    // Only now, on the rare bad file, is the head walked byte by byte to say where and what.
    const bad = encoding === 'utf-8' ? firstInvalidUtf8(body, truncated) : -1;
    if (bad >= 0) throw new RefusedFile(notUtf8Message(body, bad, lineOfOffset(body, bad)));
    throw new RefusedFile(`not valid ${encoding.toUpperCase()} text (a broken character in the first megabyte): ${saveAs}`);
  }
}

/**
 * Line endings used outside quotes (quote-aware: a line break in a quoted cell is part of the value).
 * `mixed` when more than one kind ends records.
 */
export async function lineEndings(file: string, quoted: boolean): Promise<{ lf: number; crlf: number; cr: number; mixed: boolean }> {
  let lf = 0;
  let crlf = 0;
  let cr = 0;
  let inQuotes = false;
  let pendingCr = false;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer;
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i]!;
      if (pendingCr) {
        pendingCr = false;
        if (byte === LF) {
          crlf++;
          continue;
        }
        cr++;
      }
      if (quoted && byte === QUOTE) inQuotes = !inQuotes;
      else if (!inQuotes && byte === CR) pendingCr = true;
      else if (!inQuotes && byte === LF) lf++;
    }
  }
  if (pendingCr) cr++;
  return { lf, crlf, cr, mixed: [lf, crlf, cr].filter((n) => n > 0).length > 1 };
}

/** A temporary rewrite of an input, removed with `dispose` (also when the run is killed: it lives in the warehouse's temp space). */
export interface Rewritten {
  readonly path: string;
  dispose(): void;
}

/** Where rewrites go: beside the warehouse (inside a refresh's generation folder), or the system temp folder for `:memory:`. */
export function rewriteDir(warehousePath: string): string {
  return warehousePath === ':memory:' ? path.join(process.env.TMPDIR ?? '/tmp', 'hirescope-inputs') : `${path.resolve(warehousePath)}.inputs.tmp`;
}

/** Rewrites left by a killed process (named `<pid>-...`, that pid gone) are removed before a new one is made. */
function sweepDeadRewrites(dir: string): void {
  for (const name of readdirSync(dir)) {
    const pid = Number(name.split('-')[0]);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') rmSync(path.join(dir, name), { force: true });
    }
  }
}

/**
 * Rewrite `file` as UTF-8 with LF endings outside quotes (a quoted cell keeps its bytes), without a BOM.
 * Each CRLF, LF or bare CR outside quotes becomes one LF, so lines keep their numbers.
 * @param quoted CSV (quotes hide line endings) or JSON lines (no raw line break inside a string)
 */
export async function rewriteAsUtf8Lf(file: string, dir: string, encoding: TextEncoding, bom: number, quoted: boolean): Promise<Rewritten> {
  mkdirSync(dir, { recursive: true });
  sweepDeadRewrites(dir);
  const target = path.join(dir, `${process.pid}-${Date.now()}-${path.basename(file)}`);
  const fd = openSync(target, 'w');
  const dispose = () => {
    rmSync(target, { force: true });
    // The folder goes with its last rewrite: nothing is left beside the warehouse.
    try {
      rmdirSync(dir);
    } catch {
      // another rewrite still in it
    }
  };
  try {
    const decoder = encoding === 'utf-8' ? undefined : new TextDecoder(encoding, { fatal: true });
    let inQuotes = false;
    let pendingCr = false;
    let skip = bom;
    const rewrite = (bytes: Buffer) => {
      const out = Buffer.allocUnsafe(bytes.length + 1);
      let n = 0;
      for (let i = 0; i < bytes.length; i++) {
        const byte = bytes[i]!;
        if (pendingCr) {
          pendingCr = false;
          out[n++] = LF;
          if (byte === LF) continue;
        }
        if (!inQuotes && byte === CR) {
          pendingCr = true;
          continue;
        }
        if (quoted && byte === QUOTE) inQuotes = !inQuotes;
        out[n++] = byte;
      }
      if (n > 0) writeSync(fd, out, 0, n);
    };
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
      let bytes = chunk as Buffer;
      if (skip > 0) {
        const cut = Math.min(skip, bytes.length);
        bytes = bytes.subarray(cut);
        skip -= cut;
      }
      rewrite(decoder ? Buffer.from(decoder.decode(bytes, { stream: true }), 'utf8') : bytes);
    }
    if (decoder) rewrite(Buffer.from(decoder.decode(), 'utf8'));
    if (pendingCr) writeSync(fd, Buffer.from([LF]));
  } catch (error) {
    closeSync(fd);
    dispose();
    if (error instanceof TypeError) throw new RefusedFile(`not valid ${encoding.toUpperCase()} text (a broken character): ${saveAs}`);
    throw error;
  }
  closeSync(fd);
  return { path: target, dispose };
}
