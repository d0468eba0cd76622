/** Shared helpers for the reference-table tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

export const repoRoot = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
export const sharedRoot = path.resolve(repoRoot, '..', 'shared');
export const sharedReferenceDir = path.join(sharedRoot, 'reference');
export const committedDir = path.join(repoRoot, 'data', 'reference');

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `hirescope-${prefix}-`));
}

/** Parse a CSV file with an independent RFC 4180 parser (papaparse), header row -> objects. */
export function readTable(file: string): { header: string[]; rows: Record<string, string>[] } {
  const text = fs.readFileSync(file, 'utf8');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${file}: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  return { header: parsed.meta.fields ?? [], rows: parsed.data };
}

/** Case-insensitive lookup table from a key column to a value column; throws on duplicate keys. */
export function lookup(rows: Record<string, string>[], keyCol: string, valueCol: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const r of rows) {
    const k = (r[keyCol] ?? '').toLowerCase();
    if (map.has(k)) throw new Error(`duplicate ${keyCol}: ${r[keyCol]}`);
    map.set(k, r[valueCol] ?? '');
  }
  return map;
}
