/**
 * Build the default reference tables in data/reference/ from ../shared/reference/* (public data copies,
 * see PROVENANCE.md there) and the defaults kept beside this file.
 *
 *   npm run reference                       # TZ=UTC node pipelines/reference/build.ts
 *   node pipelines/reference/build.ts --shared DIR --out DIR
 *
 * Deterministic: the same inputs give the same bytes (no clock, no locale, fixed ordering, exactly
 * specified number formatting). Every table is computed before anything is written, so a bad input
 * leaves the previous files untouched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatCsv } from './csv.ts';
import { stageMapRows } from './stages.ts';
import { levelAliasRows } from './levels.ts';
import { COUNTRY_SOURCE, COUNTRY_SOURCE_JUDGEMENT, countryAliasRows, countryRows } from './countries.ts';
import { computeFxRows, fxCsvRecords } from './fx.ts';
import {
  BENCHMARK_COLUMNS,
  REGION_TIMELINES,
  REGION_TIMELINE_SOURCE,
  TIME_TO_FILL_DAYS,
  TIME_TO_FILL_SOURCE,
  blsBenchmarkRow,
  seedBenchmarkRows,
} from './benchmarks.ts';

export const repoRoot = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
export const defaultSharedDir = path.resolve(repoRoot, '..', 'shared', 'reference');
export const defaultOutDir = path.resolve(repoRoot, 'data', 'reference');

export const ECB_FILE = 'ecb_eurofxref_hist.csv';
export const BLS_FILE = 'bls_oews_national_M2023_dl.csv';

/** The CSV files this build writes, in write order. */
export const OUTPUT_FILES = [
  'stage_map.csv',
  'level_aliases.csv',
  'country_regions.csv',
  'country_aliases.csv',
  'fx_rates.csv',
  'benchmarks.csv',
  'region_benchmarks.csv',
  'time_to_fill_benchmark.csv',
] as const;
export type OutputFile = (typeof OUTPUT_FILES)[number];

export interface BuildOptions {
  sharedDir?: string;
  outDir?: string;
}

export interface BuildResult {
  outDir: string;
  files: { file: OutputFile; path: string; rows: number; bytes: number }[];
}

function readInput(sharedDir: string, file: string): string {
  const p = path.join(sharedDir, file);
  if (!fs.existsSync(p)) throw new Error(`reference build: missing input ${p}`);
  return fs.readFileSync(p, 'utf8');
}

/** Compute every table as CSV text (nothing is written). */
export function renderReferenceTables(sharedDir: string = defaultSharedDir): Record<OutputFile, string> {
  const ecb = readInput(sharedDir, ECB_FILE);
  const bls = readInput(sharedDir, BLS_FILE);

  const benchmarks = [...seedBenchmarkRows(), blsBenchmarkRow(bls)];

  return {
    'stage_map.csv': formatCsv(
      ['name', 'stage', 'source'],
      stageMapRows().map((r) => [r.name, r.stage, r.source]),
    ),
    'level_aliases.csv': formatCsv(
      ['alias', 'level', 'source'],
      levelAliasRows().map((r) => [r.alias, r.level, r.source]),
    ),
    'country_regions.csv': formatCsv(
      ['code', 'name', 'region', 'source'],
      countryRows().map((c) => [c.code, c.name, c.region, c.judgement ? COUNTRY_SOURCE_JUDGEMENT : COUNTRY_SOURCE]),
    ),
    'country_aliases.csv': formatCsv(
      ['alias', 'code', 'source'],
      countryAliasRows().map((r) => [r.alias, r.code, r.source]),
    ),
    'fx_rates.csv': formatCsv(['currency', 'usd_per_unit', 'as_of', 'source'], fxCsvRecords(computeFxRows(ecb))),
    'benchmarks.csv': formatCsv(
      BENCHMARK_COLUMNS,
      benchmarks.map((r) => BENCHMARK_COLUMNS.map((c) => r[c])),
    ),
    'region_benchmarks.csv': formatCsv(
      ['region', 'low_days', 'high_days', 'source'],
      REGION_TIMELINES.map(([region, low, high]) => [region, String(low), String(high), REGION_TIMELINE_SOURCE]),
    ),
    'time_to_fill_benchmark.csv': formatCsv(['days', 'source'], [[String(TIME_TO_FILL_DAYS), TIME_TO_FILL_SOURCE]]),
  };
}

/** Build all tables and write them to outDir (created if needed); each file is replaced atomically. */
export function buildReferenceTables(options: BuildOptions = {}): BuildResult {
  const sharedDir = path.resolve(options.sharedDir ?? defaultSharedDir);
  const outDir = path.resolve(options.outDir ?? defaultOutDir);
  const tables = renderReferenceTables(sharedDir);
  fs.mkdirSync(outDir, { recursive: true });
  const files: BuildResult['files'] = [];
  for (const file of OUTPUT_FILES) {
    const text = tables[file];
    const target = path.join(outDir, file);
    const tmp = path.join(outDir, `.${file}.${process.pid}.tmp`);
    fs.writeFileSync(tmp, text, 'utf8');
    fs.renameSync(tmp, target);
    files.push({
      file,
      path: target,
      rows: text.split('\n').length - 2, // minus header and the empty string after the final LF
      bytes: Buffer.byteLength(text, 'utf8'),
    });
  }
  return { outDir, files };
}

function main(argv: string[]): number {
  let values: { shared?: string | undefined; out?: string | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        shared: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\nusage: node pipelines/reference/build.ts [--shared DIR] [--out DIR]\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(
      'usage: node pipelines/reference/build.ts [--shared DIR] [--out DIR]\n' +
        `  --shared DIR  input folder (default ${path.relative(process.cwd(), defaultSharedDir) || '.'})\n` +
        `  --out DIR     output folder (default ${path.relative(process.cwd(), defaultOutDir) || '.'})\n`,
    );
    return 0;
  }
  try {
    const result = buildReferenceTables({ sharedDir: values.shared, outDir: values.out });
    for (const f of result.files) {
      process.stdout.write(`${path.relative(process.cwd(), f.path)}: ${f.rows} rows, ${f.bytes} bytes\n`);
    }
    return 0;
  } catch (err) {
    process.stderr.write(`reference build failed: ${(err as Error).message}\n`);
    return 1;
  }
}

const invokedDirectly =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) process.exitCode = main(process.argv.slice(2));
