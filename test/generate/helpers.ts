/** Helpers for the generator tests: temp output folders and an independent CSV reader (papaparse). */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { FILE_HEADERS, generate } from '../../pipelines/generate/index.ts';
import type { GenerateResult, SampleFile } from '../../pipelines/generate/index.ts';

export type Row = Record<string, string>;
export type Tables = Record<SampleFile, Row[]>;

export const SAMPLE_FILES = Object.keys(FILE_HEADERS) as SampleFile[];

const made: string[] = [];

export async function generateInto(seed: number, scale: number, end?: string): Promise<{ dir: string; result: GenerateResult }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hirescope-generate-'));
  made.push(dir);
  const result = await generate({ seed, scale, outDir: dir, ...(end ? { end } : {}) });
  return { dir, result };
}

export function removeGenerated(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Parses one file (header row -> objects), empty fields stay ''. Throws on any parse error. */
export function readCsv(file: string): { header: string[]; rows: Row[] } {
  const text = fs.readFileSync(file, 'utf8');
  const parsed = Papa.parse<Row>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${file}: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  return { header: parsed.meta.fields ?? [], rows: parsed.data };
}

export function readAll(dir: string): Tables {
  return Object.fromEntries(SAMPLE_FILES.map((f) => [f, readCsv(path.join(dir, f)).rows])) as Tables;
}

export function field(row: Row, column: string): string {
  const v = row[column];
  if (v === undefined) throw new Error(`missing column ${column}`);
  return v;
}

/** Calendar-day difference between two ISO timestamps/dates (UTC). */
export function daysBetween(from: string, to: string): number {
  return (Date.parse(to.slice(0, 10)) - Date.parse(from.slice(0, 10))) / 86_400_000;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

const US = new Set(['US']);
const EU = new Set(['DE', 'GB', 'NL', 'PL', 'CH']);
const LATAM = new Set(['BR', 'MX', 'CO']);
export function regionOf(country: string): string {
  if (US.has(country)) return 'US';
  if (EU.has(country)) return 'EU';
  if (LATAM.has(country)) return 'LatAm';
  return 'APAC';
}
