/**
 * Oracle test: the real CLI (`ingest` + `metrics --json`) against an independent re-implementation of the
 * hiring metrics (test/oracle/oracle.ts), on generated sample data for two seeds and several requests.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generate } from '../../pipelines/generate/index.ts';
import { computeOracle, type OracleFilters } from './oracle.ts';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

function cli(args: string[]): unknown {
  const r = spawnSync(process.execPath, ['pipelines/cli.ts', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC' },
  });
  if (r.status !== 0) throw new Error(`hirescope ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

interface Request {
  name: string;
  asOf: string;
  filters: OracleFilters;
}

const REQUESTS: Request[] = [
  { name: 'asOf 2026-09-30, no filters', asOf: '2026-09-30', filters: {} },
  { name: 'asOf 2026-06-30, Q1 2026', asOf: '2026-06-30', filters: { from: '2026-01-01', to: '2026-03-31' } },
  { name: 'department Engineering', asOf: '2026-09-30', filters: { department: 'Engineering' } },
  { name: 'region EU', asOf: '2026-09-30', filters: { region: 'EU' } },
  { name: 'level senior', asOf: '2026-09-30', filters: { level: 'senior' } },
  { name: 'source Referral', asOf: '2026-09-30', filters: { source: 'Referral' } },
  { name: 'asOf 2026-09-30 from 2026-04-01', asOf: '2026-09-30', filters: { from: '2026-04-01' } },
  { name: 'asOf 2026-06-30, no filters', asOf: '2026-06-30', filters: {} },
  { name: 'level alias Sr. + department engineering (lower case)', asOf: '2026-09-30', filters: { level: 'Sr.', department: 'engineering' } },
];

const FLAGS: Record<keyof OracleFilters, string> = {
  from: '--from',
  to: '--to',
  department: '--department',
  region: '--region',
  level: '--level',
  source: '--source',
};

function metricArgs(db: string, req: Request): string[] {
  const args = ['metrics', '--db', db, '--json', '--as-of', req.asOf];
  for (const [key, value] of Object.entries(req.filters)) if (value !== undefined) args.push(FLAGS[key as keyof OracleFilters], value);
  return args;
}

/** Same tolerance as `toBeCloseTo(x, 9)`. */
function close(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) < 10 ** -9 / 2;
}

/** Every field of `expected` compared with `actual` (extra fields of `actual` are allowed). */
function diff(pathName: string, actual: unknown, expected: unknown, out: string[]): void {
  if (expected === null || actual === null || expected === undefined || actual === undefined) {
    if (actual !== expected) out.push(`${pathName}: product ${JSON.stringify(actual)}, oracle ${JSON.stringify(expected)}`);
    return;
  }
  if (typeof expected === 'number') {
    if (typeof actual !== 'number' || !close(actual, expected)) out.push(`${pathName}: product ${JSON.stringify(actual)}, oracle ${expected}`);
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      out.push(`${pathName}: product ${JSON.stringify(actual)}, oracle ${JSON.stringify(expected)}`);
      return;
    }
    expected.forEach((e, i) => diff(`${pathName}[${i}]`, actual[i], e, out));
    return;
  }
  if (typeof expected === 'object') {
    if (typeof actual !== 'object') {
      out.push(`${pathName}: product ${JSON.stringify(actual)}, oracle ${JSON.stringify(expected)}`);
      return;
    }
    for (const [k, v] of Object.entries(expected)) diff(`${pathName}.${k}`, (actual as Record<string, unknown>)[k], v, out);
    return;
  }
  if (actual !== expected) out.push(`${pathName}: product ${JSON.stringify(actual)}, oracle ${JSON.stringify(expected)}`);
}

/** Lists keyed by a name are compared by that name, so an ordering difference shows up once, not n times. */
function compareList(name: string, key: string, actual: unknown, expected: Record<string, unknown>[], out: string[]): void {
  if (!Array.isArray(actual)) {
    out.push(`${name}: product ${JSON.stringify(actual)} is not a list`);
    return;
  }
  const actualKeys = actual.map((a: Record<string, unknown>) => a[key]);
  const expectedKeys = expected.map((e) => e[key]);
  if (JSON.stringify(actualKeys) !== JSON.stringify(expectedKeys)) {
    out.push(`${name} (order/entries): product ${JSON.stringify(actualKeys)}, oracle ${JSON.stringify(expectedKeys)}`);
  }
  for (const e of expected) {
    const a = actual.find((x: Record<string, unknown>) => x[key] === e[key]);
    if (a === undefined) continue;
    const fields = { ...e };
    // `other` is an extra of the oracle, compared only when the product reports it too.
    if (name === 'funnel' && !('other' in a)) delete fields.other;
    diff(`${name}[${String(e[key])}]`, a, fields, out);
  }
}

function compare(product: Record<string, unknown>, oracle: ReturnType<typeof computeOracle>): string[] {
  const out: string[] = [];
  diff('offerAcceptance', product.offerAcceptance, { ...oracle.offerAcceptance, thresholds: { healthy: 0.85, alarm: 0.75 }, minOffers: 10 }, out);
  diff('timeToFill', product.timeToFill, oracle.timeToFill, out);
  diff('timeToHire', product.timeToHire, oracle.timeToHire, out);
  compareList('funnel', 'stage', product.funnel, oracle.funnel, out);
  compareList('timeInStage', 'stage', product.timeInStage, oracle.timeInStage, out);
  compareList('sources', 'source', product.sources, oracle.sources, out);
  diff('offerSpeed', product.offerSpeed, oracle.offerSpeed, out);
  compareList('regions', 'region', product.regions, oracle.regions, out);
  return out;
}

for (const seed of [7, 1234]) {
  describe(`oracle vs product, seed ${seed}`, () => {
    let tmp = '';
    let dataDir = '';
    let db = '';
    beforeAll(async () => {
      tmp = mkdtempSync(path.join(os.tmpdir(), `hs-oracle-${seed}-`));
      dataDir = path.join(tmp, 'data');
      db = path.join(tmp, 'warehouse.duckdb');
      await generate({ seed, scale: 1, outDir: dataDir, end: '2026-09-30' });
      cli(['ingest', dataDir, '--db', db, '--json']);
    });
    afterAll(() => {
      if (tmp) rmSync(tmp, { recursive: true, force: true });
    });

    for (const req of REQUESTS) {
      test(req.name, () => {
        const product = cli(metricArgs(db, req)) as Record<string, unknown>;
        const oracle = computeOracle(dataDir, { asOf: req.asOf, filters: req.filters });
        expect(compare(product, oracle)).toEqual([]);
      });
    }
  });
}
