/**
 * First look at a file before DuckDB reads it: size, sha256, binary content, encoding and the header.
 * Only the head of the file is parsed here (papaparse); the rows are DuckDB's job.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import Papa from 'papaparse';
import { RefusedFile } from './detect.ts';

export interface Sniffed {
  readonly bytes: number;
  readonly header: readonly string[];
  /**
   * JSON lines only: the JSON pointer each header name reads (`/archived/reason` for
   * `archived_reason`). Undefined for a CSV file.
   */
  readonly pointers?: readonly string[];
}

/** `.jsonl` / `.ndjson`: one JSON object per line (Lever's API dumps); everything else is CSV. */
export const isJsonLines = (file: string): boolean => /\.(jsonl|ndjson)$/i.test(file);

const headBytes = 1 << 20;

/** sha256 of a file, streamed. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The first megabyte of a file and its size; throws RefusedFile when it cannot be opened. */
async function readHead(file: string): Promise<{ size: number; head: Buffer; truncated: boolean }> {
  const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new RefusedFile(`cannot read file (${error.code ?? error.message})`);
  });
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(Math.min(size, headBytes));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { size, head: buffer.subarray(0, bytesRead), truncated: bytesRead < size };
  } finally {
    await handle.close();
  }
}

/** The head as text without a BOM; throws RefusedFile (with `message`) when it is not UTF-8. */
function decodeHead(head: Buffer, truncated: boolean, message: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(trimToCharBoundary(head, truncated)).replace(/^\uFEFF/, '');
  } catch {
    throw new RefusedFile(message);
  }
}

/** Read the header of a CSV file; throws RefusedFile for empty, binary or non-UTF-8 content. */
export async function sniffCsv(file: string): Promise<Sniffed> {
  const { size, head, truncated } = await readHead(file);
  if (head.toString('utf8').trim().replace(/^\uFEFF/, '') === '') throw new RefusedFile('empty file');
  if (head.includes(0)) throw new RefusedFile('binary content (NUL bytes), not a CSV file');
  const text = decodeHead(head, truncated, 'not UTF-8 text (save the export as UTF-8 CSV)');
  const parsed = Papa.parse<string[]>(text, { preview: 1, delimiter: ',', quoteChar: '"', skipEmptyLines: false });
  const header = parsed.data[0];
  if (!header || header.every((h) => h.trim() === '')) throw new RefusedFile('no header row');
  const quoteError = parsed.errors.find((e) => e.row === 0 && e.type === 'Quotes');
  if (quoteError) throw new RefusedFile(`header row has broken quoting (${quoteError.message})`);
  return { bytes: size, header: header.map((h) => h.trim()) };
}

/** A head cut in the middle of a multi-byte character must not look like bad UTF-8. */
function trimToCharBoundary(head: Buffer, truncated: boolean): Buffer {
  if (!truncated) return head;
  let end = head.length;
  while (end > 0 && end > head.length - 4 && (head[end - 1]! & 0xc0) === 0x80) end--;
  if (end > 0 && head[end - 1]! >= 0xc0) end--;
  return head.subarray(0, end);
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
  const { size, head, truncated } = await readHead(file);
  const lines = decodeHead(head, truncated, 'not UTF-8 text').split('\n');
  if (truncated) lines.pop(); // the last line of the head may be cut
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
  return { bytes: size, header: [...columns.keys()], pointers: [...columns.values()] };
}
