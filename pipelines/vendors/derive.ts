/**
 * Derive the canonical tables from a vendor's raw tables: one SQL file per canonical entity
 * (pipelines/sql/vendors/<vendor>/<entity>.sql), each a SELECT of the canonical columns plus `_file_id`
 * (the vendor file the row comes from) and `_excluded` (why a row is left out by rule, e.g. a
 * prospect; NULL to keep it). Rows missing a required canonical value are left out too, and counted.
 * The canonical rows of a vendor are replaced as a whole, in one transaction.
 */
import path from 'node:path';
import { paramsFor, sqlFile, type Warehouse } from '../lib/duckdb.ts';
import type { Config } from '../lib/config.ts';
import { entitySpec, sqlType } from '../ingest/entities.ts';
import { referenceDir } from '../ingest/schema.ts';
import { screened } from '../ingest/validate.ts';
import { ensureVendorTables } from './index.ts';
import type { Vendor } from './types.ts';

export interface LeftOut {
  readonly reason: string;
  readonly rows: number;
}

export interface Derivation {
  readonly vendor: string;
  readonly entity: string;
  /** Canonical rows derived. */
  readonly rows: number;
  /** Vendor rows not turned into canonical rows, by reason. */
  readonly leftOut: readonly LeftOut[];
}

/** Vendor settings from the config, bound as parameters of every derivation query. */
function derivationParams(config: Config): Record<string, string | boolean> {
  const offices = Object.entries(config.vendors.officeCountries);
  const reasons = Object.entries(config.vendors.rejectionTypes);
  return {
    include_prospects: config.vendors.includeProspects,
    include_migrated: config.vendors.includeMigrated,
    office_keys: JSON.stringify(offices.map(([office]) => office)),
    office_countries: JSON.stringify(offices.map(([, country]) => country)),
    reason_keys: JSON.stringify(reasons.map(([reason]) => reason.trim().toLowerCase())),
    reason_types: JSON.stringify(reasons.map(([, type]) => type)),
  };
}

/**
 * Whether the vendor has raw rows loaded since its canonical tables were last derived (also true after
 * an ingest that was interrupted between loading the files and deriving).
 */
export async function needsDerivation(warehouse: Warehouse, vendor: Vendor): Promise<boolean> {
  const row = await warehouse.maybeOne<{ pending: boolean }>(
    `SELECT coalesce(max(f.file_id), 0) > coalesce((SELECT last_file_id FROM vendor_derivations WHERE vendor = $vendor), 0) AS pending
     FROM ingest_files f WHERE f.status = 'loaded' AND f.kind LIKE $kinds`,
    { vendor: vendor.name, kinds: `${vendor.name}:%` },
  );
  return row?.pending ?? false;
}

export async function deriveVendor(warehouse: Warehouse, vendor: Vendor, config: Config): Promise<Derivation[]> {
  await ensureVendorTables(warehouse, vendor);
  const common = sqlFile('vendors/common.sql');
  await warehouse.run(common, {
    regions: path.join(referenceDir, 'country_regions.csv'),
    aliases: path.join(referenceDir, 'country_aliases.csv'),
  });
  const params = { ...derivationParams(config), ...vendor.params?.(config) };
  // One statement per call: parameters bind to a single statement.
  await warehouse.run(
    `CREATE OR REPLACE TEMP TABLE vendor_office_countries AS
     SELECT unnest(from_json($office_keys, '["VARCHAR"]')) AS office, unnest(from_json($office_countries, '["VARCHAR"]')) AS country`,
    { office_keys: params.office_keys!, office_countries: params.office_countries! },
  );
  await warehouse.run(
    `CREATE OR REPLACE TEMP TABLE vendor_rejection_types AS
     SELECT unnest(from_json($reason_keys, '["VARCHAR"]')) AS reason_key, unnest(from_json($reason_types, '["VARCHAR"]')) AS rejection_type`,
    { reason_keys: params.reason_keys!, reason_types: params.reason_types! },
  );

  const derivations: Derivation[] = [];
  for (const name of vendor.derives) {
    const spec = entitySpec(name);
    const sql = sqlFile(`vendors/${vendor.name}/${name}.sql`);
    const staged = `vd_${name}`;
    await warehouse.run(`CREATE OR REPLACE TEMP TABLE ${staged} AS ${sql}`, paramsFor(sql, params));
    const missing = spec.columns
      .filter((c) => c.required)
      .map((c) => `WHEN ${c.name} IS NULL THEN 'no ${c.name}'`)
      .join(' ');
    const reason = `coalesce(_excluded, CASE ${missing} END)`;
    const leftOut = await warehouse.all<LeftOut>(
      `SELECT ${reason} AS reason, count(*)::INTEGER AS rows FROM ${staged} WHERE ${reason} IS NOT NULL GROUP BY ALL ORDER BY reason`,
    );
    await warehouse.run(`DELETE FROM ${staged} WHERE ${reason} IS NOT NULL`);
    const keys = spec.key.join(', ');
    const repeats = await warehouse.maybeOne<{ n: number }>(
      `SELECT (count(*) - count(DISTINCT (${keys})))::INTEGER AS n FROM ${staged}`,
    );
    if (repeats!.n > 0) throw new Error(`${vendor.name}/${name}.sql derived ${repeats!.n} rows with a repeated key (${keys})`);
    const rows = await warehouse.maybeOne<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${staged}`);
    derivations.push({ vendor: vendor.name, entity: name, rows: rows!.n, leftOut });
  }

  await warehouse.transaction(async () => {
    for (const name of vendor.derives) {
      const spec = entitySpec(name);
      const columns = spec.columns.map((c) => c.name).join(', ');
      const match = spec.key.map((k) => `t.${k} IS NOT DISTINCT FROM d.${k}`).join(' AND ');
      await warehouse.run(
        `DELETE FROM ${spec.table} t
         WHERE t._file_id IN (SELECT file_id FROM ingest_files WHERE kind LIKE $kinds)
            OR EXISTS (SELECT 1 FROM vd_${name} d WHERE ${match})`,
        { kinds: `${vendor.name}:%` },
      );
      // An optional column a vendor's derivation does not produce (issue 18's owners and decline reasons,
      // where the vendor has none) is left empty; a required one is always produced (checked above).
      const produced = new Set(
        (await warehouse.all<{ name: string }>(`SELECT column_name AS name FROM duckdb_columns() WHERE table_name = $t`, { t: `vd_${name}` })).map(
          (c) => c.name,
        ),
      );
      const values = spec.columns
        .map((c) => (produced.has(c.name) ? screened(spec.table, c.name, c.name) : `NULL::${sqlType(c)}`)) // free text screened as at ingest
        .join(', ');
      await warehouse.run(`INSERT INTO ${spec.table} (${columns}, _file_id) SELECT ${values}, _file_id FROM vd_${name}`);
    }
    for (const d of derivations) {
      await warehouse.run(
        `INSERT OR REPLACE INTO vendor_derived (vendor, entity, rows, left_out, derived_at) VALUES ($vendor, $entity, $rows, $left_out, now())`,
        { vendor: d.vendor, entity: d.entity, rows: d.rows, left_out: JSON.stringify(d.leftOut) },
      );
    }
    await warehouse.run(
      `INSERT OR REPLACE INTO vendor_derivations (vendor, last_file_id, derived_at)
       SELECT $vendor, coalesce(max(file_id), 0), now() FROM ingest_files WHERE status = 'loaded' AND kind LIKE $kinds`,
      { vendor: vendor.name, kinds: `${vendor.name}:%` },
    );
  });
  for (const name of vendor.derives) await warehouse.run(`DROP TABLE IF EXISTS vd_${name}`);
  return derivations;
}
