/**
 * Buffered, atomic CSV writer for "hirescope CSV" (DESIGN §2): UTF-8 without BOM, LF line ends, RFC 4180
 * quoting only where needed. Rows are appended as ready-made lines and flushed in ~1 MB chunks, so the
 * generator never holds a whole table in memory. The file appears under its final name only on close().
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';

const FLUSH_AT = 1 << 20;
const NEEDS_QUOTES = /[",\r\n]/;

/** Quotes a field when it contains a comma, a double quote or a line break. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export class CsvWriter {
  readonly path: string;
  readonly #partial: string;
  #fd: number;
  #buffer = '';
  #rows = 0;

  constructor(path: string, header: readonly string[]) {
    this.path = path;
    this.#partial = `${path}.partial`;
    this.#fd = openSync(this.#partial, 'w');
    this.#buffer = header.map(csvField).join(',') + '\n';
  }

  /** Number of data rows written so far (header excluded). */
  get rows(): number {
    return this.#rows;
  }

  /** Appends one data row; `line` is already joined and quoted, without the trailing newline. */
  line(line: string): void {
    this.#buffer += line + '\n';
    this.#rows++;
    if (this.#buffer.length >= FLUSH_AT) this.flush();
  }

  flush(): void {
    if (this.#buffer.length === 0) return;
    writeSync(this.#fd, this.#buffer);
    this.#buffer = '';
  }

  /** Flushes, closes and moves the file to its final name. */
  close(): void {
    this.flush();
    closeSync(this.#fd);
    this.#fd = -1;
    renameSync(this.#partial, this.path);
  }

  /** Closes and deletes the partial file (after a failure). Safe to call after close(). */
  abort(): void {
    if (this.#fd < 0) return;
    closeSync(this.#fd);
    this.#fd = -1;
    rmSync(this.#partial, { force: true });
  }
}
