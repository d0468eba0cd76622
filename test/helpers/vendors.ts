/**
 * Vendor adapters against the canonical format: the same generated company, once as canonical CSV and
 * once in a vendor's shape, each ingested into its own warehouse by the real CLI; `metrics --json` of
 * both must agree. dataQuality.rowsRead and rowsLoaded count the rows of the files as read, and a vendor
 * export has other files (lookups, prospects, unreached stages...), so those two are compared apart.
 */
import path from 'node:path';
import { expect } from 'vitest';
import { openWarehouse } from '../../pipelines/lib/duckdb.ts';
import { runCli } from './tmp.ts';

export interface CompanyRun {
  readonly dir: string;
  readonly db: string;
  readonly metrics: Record<string, unknown>;
  readonly ingest: { files: { path: string; kind: string; status: string; rowsRead: number; rowsLoaded: number; rowsRejected: number }[]; derived: { vendor: string; entity: string; rows: number; leftOut: { reason: string; rows: number }[] }[] };
}

export const AS_OF = '2026-09-30';

/** Generate (seed, scale) in `format` under `root/<format>`, ingest it, compute metrics at AS_OF. */
export function generatedCompany(root: string, format: string, seed = 5, scale = 1, extra: string[] = []): CompanyRun {
  const dir = path.join(root, format);
  const db = path.join(root, `${format}.duckdb`);
  const generated = runCli(['generate', '--seed', String(seed), '--scale', String(scale), '--format', format, '--out', dir]);
  expect(generated.stderr).toBe('');
  expect(generated.status).toBe(0);
  const ingested = runCli(['ingest', dir, '--db', db, '--json', ...extra]);
  expect(ingested.stderr).toBe('');
  expect(ingested.status).toBe(0);
  const metrics = runCli(['metrics', '--db', db, '--json', '--as-of', AS_OF]);
  expect(metrics.status).toBe(0);
  return { dir, db, metrics: JSON.parse(metrics.stdout), ingest: JSON.parse(ingested.stdout) };
}

/**
 * One company generated twice per seed — canonical files and a vendor's export — and loaded: seed 5 at
 * scale 1 under root/a, seed 11 at scale 0.5 under root/b.
 */
export function companyPairs(root: string, format: string): { canonical: CompanyRun; vendor: CompanyRun; canonicalB: CompanyRun; vendorB: CompanyRun } {
  return {
    canonical: generatedCompany(path.join(root, 'a'), 'canonical'),
    vendor: generatedCompany(path.join(root, 'a'), format),
    canonicalB: generatedCompany(path.join(root, 'b'), 'canonical', 11, 0.5),
    vendorB: generatedCompany(path.join(root, 'b'), format, 11, 0.5),
  };
}

/**
 * Every metric section equal; dataQuality equal except the row counts of the files as read; freshness
 * (the newest event of the export, which a vendor export may not carry in full: seed 11 as Workable has
 * its newest event a day before the canonical files) left out.
 */
export function expectSameMetrics(vendor: Record<string, unknown>, canonical: Record<string, unknown>): void {
  const strip = (doc: Record<string, unknown>): Record<string, unknown> => {
    const { rowsRead: _read, rowsLoaded: _loaded, ...quality } = doc.dataQuality as Record<string, unknown>;
    const { freshness: _freshness, ...rest } = doc;
    return { ...rest, dataQuality: quality };
  };
  const a = strip(vendor);
  const b = strip(canonical);
  for (const key of Object.keys(b)) expect({ [key]: a[key] }).toEqual({ [key]: b[key] });
  expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
}

export type Row = Record<string, unknown>;

/** Rows of a query on a warehouse the CLI wrote (opened after the CLI has exited); instants as ISO text. */
export async function rowsOf(db: string, sql: string): Promise<Row[]> {
  const warehouse = await openWarehouse(db);
  try {
    const rows = await warehouse.all<Row>(sql);
    return rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v])));
  } finally {
    warehouse.close();
  }
}

/**
 * For each canonical table (table -> the columns compared, SQL over allow-listed names), the rows only in
 * the canonical warehouse, the rows only in the vendor's, and the vendor's row count.
 */
export async function rowDiffs(
  canonicalDb: string,
  vendorDb: string,
  tables: Record<string, string>,
): Promise<{ table: string; c_only: number; v_only: number; n: number }[]> {
  const warehouse = await openWarehouse(':memory:');
  try {
    await warehouse.run(`ATTACH '${canonicalDb}' AS c (READ_ONLY)`);
    await warehouse.run(`ATTACH '${vendorDb}' AS v (READ_ONLY)`);
    const diffs = [];
    for (const [table, columns] of Object.entries(tables)) {
      const [diff] = await warehouse.all<{ c_only: number; v_only: number; n: number }>(
        `SELECT (SELECT count(*) FROM (SELECT ${columns} FROM c.${table} EXCEPT ALL SELECT ${columns} FROM v.${table}))::INTEGER AS c_only,
                (SELECT count(*) FROM (SELECT ${columns} FROM v.${table} EXCEPT ALL SELECT ${columns} FROM c.${table}))::INTEGER AS v_only,
                (SELECT count(*) FROM v.${table})::INTEGER AS n`,
      );
      diffs.push({ table, ...diff! });
    }
    return diffs;
  } finally {
    warehouse.close();
  }
}
