/**
 * First look at a file before DuckDB reads it: size, sha256, binary content, encoding and the header.
 * Only the head of the file is parsed here (papaparse); the rows are DuckDB's job.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import Papa from 'papaparse';
import { RefusedFile } from './detect.ts';
import { decodeHead, detectEncoding, type TextEncoding } from './encoding.ts';

export interface Sniffed {
  readonly bytes: number;
  readonly header: readonly string[];
  /**
   * JSON lines only: the JSON pointer each header name reads (`/archived/reason` for
   * `archived_reason`). Undefined for a CSV file.
   */
  readonly pointers?: readonly string[];
  /** UTF-8 is read in place; UTF-16 (with a BOM) is transcoded before DuckDB reads it. */
  readonly encoding: TextEncoding;
  /** Length of the byte-order mark. */
  readonly bom: number;
  /** CSV: comma, or tab when the header holds tabs and no comma (Excel's "Unicode Text"). */
  readonly delimiter: ',' | '\t';
}

/** `.jsonl` / `.ndjson`: one JSON object per line (Lever's API dumps); everything else is CSV. */
export const isJsonLines = (file: string): boolean => /\.(jsonl|ndjson)$/i.test(file);

const headBytes = 1 << 20;
/** A JSON-lines head grows until it holds a whole line, up to this; DuckDB itself read a 20 MB line with its defaults (1.5.6, measured). */
export const maxJsonLineBytes = 64 << 20;

/**
 * Open a file for reading without ever blocking: O_NONBLOCK makes opening a FIFO return at once, and
 * O_NOFOLLOW refuses a link, should the path have changed since it was listed (inputs.ts); anything but
 * a regular file is then refused before a byte is read.
 */
async function openRegular(file: string) {
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW).catch((error: NodeJS.ErrnoException) => {
    throw new RefusedFile(error.code === 'ELOOP' ? 'a symbolic link, not a regular file' : `cannot read file (${error.code ?? error.message})`);
  });
  const stat = await handle.stat();
  if (!stat.isFile()) {
    await handle.close();
    throw new RefusedFile('not a regular file (a FIFO, device or socket): refused before it was read');
  }
  return { handle, size: stat.size };
}

/** sha256 of a regular file, streamed; the error names the file (the refresh's archive phase reports it as is). */
export async function sha256File(file: string): Promise<string> {
  const { handle } = await openRegular(file).catch((error: Error) => {
    throw new Error(`${file}: ${error.message}`);
  });
  const hash = createHash('sha256');
  for await (const chunk of handle.createReadStream({ highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * The first megabyte of a file and its size; throws RefusedFile when it cannot be opened.
 * @param wholeLine keep reading until the head holds a line ending (JSON lines: the first object whole)
 */
async function readHead(file: string, wholeLine = false): Promise<{ size: number; head: Buffer; truncated: boolean }> {
  const { handle, size } = await openRegular(file);
  try {
    const chunks: Buffer[] = [];
    let read = 0;
    while (read < size) {
      const buffer = Buffer.alloc(Math.min(size - read, headBytes));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, read);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      read += bytesRead;
      if (!wholeLine || chunks.at(-1)!.includes(0x0a)) break;
      if (read >= maxJsonLineBytes) {
        throw new RefusedFile(`line 1 is longer than ${maxJsonLineBytes} bytes: not JSON lines (one object per line)`);
      }
    }
    const head = Buffer.concat(chunks);
    return { size, head, truncated: head.length < size };
  } finally {
    await handle.close();
  }
}

/** Read the header of a CSV file; throws RefusedFile for empty, binary or undecodable content. */
export async function sniffCsv(file: string): Promise<Sniffed> {
  const { size, head, truncated } = await readHead(file);
  const { encoding, bom } = detectEncoding(head);
  const text = decodeHead(head, truncated, encoding, bom);
  if (text.trim() === '') throw new RefusedFile('empty file');
  const firstLine = text.split(/\r\n|\r|\n/, 1)[0]!;
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const parsed = Papa.parse<string[]>(text, { preview: 1, delimiter, quoteChar: '"', skipEmptyLines: false });
  const header = parsed.data[0];
  if (!header || header.every((h) => h.trim() === '')) throw new RefusedFile('no header row');
  const quoteError = parsed.errors.find((e) => e.row === 0 && e.type === 'Quotes');
  if (quoteError) throw new RefusedFile(`header row has broken quoting (${quoteError.message})`);
  return { bytes: size, header: header.map((h) => h.trim()), encoding, bom, delimiter };
}

const pointer = (...keys: string[]) => keys.map((k) => `/${k.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');

/**
 * Airbyte record wrappers: the connector's own test files write `{"stream", "data": {...}, "emitted_at"}`,
 * destinations `{"_airbyte_data": {...}, "_airbyte_ab_id" | "_airbyte_raw_id", "_airbyte_emitted_at" |
 * "_airbyte_extracted_at", ...}`. The record is the object under the data key.
 */
function airbyteDataKey(value: Record<string, unknown>): string | undefined {
  const isObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
  if ('_airbyte_data' in value) return '_airbyte_data';
  if (isObject(value.data) && typeof value.stream === 'string' && 'emitted_at' in value) return 'data';
  return undefined;
}

/**
 * The columns of a JSON-lines file: the keys of the objects in its first megabyte, in order of first
 * appearance. A nested object is flattened one level with `_` (`archived.reason` -> `archived_reason`,
 * as in a CSV export); arrays and deeper objects arrive as JSON text. Keys that first appear later in
 * the file are not read. Airbyte-wrapped records (airbyteDataKey) are read through their wrapper: the
 * columns are the record's (pointers `/data/...` or `/_airbyte_data/...`), then the wrapper's own
 * fields (`emitted_at`, `_airbyte_extracted_at`...); every line must be wrapped alike, of one stream.
 */
export async function sniffJsonLines(file: string): Promise<Sniffed> {
  const { size, head, truncated } = await readHead(file, true);
  const { encoding, bom } = detectEncoding(head);
  const lines = decodeHead(head, truncated, encoding, bom).split('\n');
  if (truncated) lines.pop(); // the last line of the head may be cut (the head holds at least one whole line)
  const columns = new Map<string, string>();
  const wrapper = new Map<string, string>();
  const streams = new Set<string>();
  let objects = 0;
  let dataKey: string | undefined;
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new RefusedFile(`not valid JSON at line ${index + 1} (${(error as Error).message})`);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new RefusedFile(`line ${index + 1} is not a JSON object`);
    }
    const object = value as Record<string, unknown>;
    const key = airbyteDataKey(object);
    if (objects === 0) dataKey = key;
    else if (key !== dataKey) {
      throw new RefusedFile(`line ${index + 1} is ${key ? `wrapped in "${key}"` : 'a bare record'}, unlike line 1: one file, one layout`);
    }
    objects++;
    let record = object;
    if (dataKey) {
      const inner = object[dataKey];
      if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) {
        throw new RefusedFile(
          `line ${index + 1}: ${dataKey} is ${typeof inner === 'string' ? 'JSON text' : 'not an object'}; export the record as a JSON object (e.g. PARSE_JSON(${dataKey}))`,
          dataKey,
        );
      }
      if (typeof object.stream === 'string') streams.add(object.stream);
      record = inner as Record<string, unknown>;
      for (const name of Object.keys(object)) if (name !== dataKey) wrapper.set(name, pointer(name));
    }
    const prefix = dataKey ? [dataKey] : [];
    for (const [key, inner] of Object.entries(record)) {
      if (inner !== null && typeof inner === 'object' && !Array.isArray(inner)) {
        for (const sub of Object.keys(inner)) if (!columns.has(`${key}_${sub}`)) columns.set(`${key}_${sub}`, pointer(...prefix, key, sub));
      } else if (!columns.has(key)) columns.set(key, pointer(...prefix, key));
    }
  }
  if (objects === 0) throw new RefusedFile('empty file');
  if (streams.size > 1) throw new RefusedFile(`records of several Airbyte streams (${[...streams].sort().join(', ')}): one file per stream`);
  for (const [name, at] of wrapper) if (!columns.has(name)) columns.set(name, at);
  return { bytes: size, header: [...columns.keys()], pointers: [...columns.values()], encoding, bom, delimiter: ',' };
}
