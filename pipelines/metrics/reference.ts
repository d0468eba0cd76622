/**
 * Normalisation tables for the metrics connection: the shipped defaults of data/reference, with the
 * config's overrides on top, loaded as temporary tables (never written to the warehouse file).
 */
import path from 'node:path';
import type { Config } from '../lib/config.ts';
import { sqlFile, type Warehouse } from '../lib/duckdb.ts';
import { referenceDir } from '../ingest/schema.ts';
import { agingBuckets, agingLimits, levelKeys, regionKeys } from '../contract/dimensions.ts';
import { stageKeys, stageLabels } from '../contract/stages.ts';
import { wilsonZ } from '../contract/wilson.ts';

const csv = (name: string) => path.join(referenceDir, name);
const pairs = (record: Record<string, unknown>) => JSON.stringify(Object.entries(record));

/**
 * Create the contract's tables and macros (stage_order, hs_level_rank, hs_region_rank, hs_wilson_low/high),
 * ref_stage_map, ref_level, ref_country, ref_region_benchmarks, ref_fx, ref_benchmarks and the staging views.
 */
export async function loadReference(warehouse: Warehouse, config: Config): Promise<void> {
  await loadReferenceTables(warehouse, config);
  for (const view of ['period', 'stg_jobs', 'stg_offers_latest', 'stg_stage_history', 'stg_applications', 'stg_openings']) {
    await warehouse.run(sqlFile(`staging/${view}.sql`));
  }
}

/**
 * The contract's tables and macros and the ref_* tables only, without the staging views: for a caller that
 * reads compensation alone (the pay-gap report), as the staging of the hiring tables (millions of stage
 * rows) is most of loadReference's time.
 */
export async function loadReferenceTables(warehouse: Warehouse, config: Config): Promise<void> {
  await installContract(warehouse);
  // Aliases (name -> key) from a shipped CSV of three columns (alias, key, source), config entries winning.
  // The table and column names are fixed here, never input.
  const aliases = async (table: string, keyColumn: string, valueColumn: string, file: string, overrides: Record<string, string>) =>
    warehouse.run(
      `CREATE OR REPLACE TEMP TABLE ${table} AS
       SELECT ${keyColumn}, arg_max(${valueColumn}, priority) AS ${valueColumn} FROM (
         SELECT lower(trim(alias)) AS ${keyColumn}, value AS ${valueColumn}, 0 AS priority
         FROM read_csv($file, header = true, auto_detect = false,
           columns = {'alias': 'VARCHAR', 'value': 'VARCHAR', 'source': 'VARCHAR'})
         UNION ALL
         SELECT lower(trim(p->>0)), p->>1, 1 FROM (SELECT unnest(from_json($overrides, '["JSON"]')) AS p)
       ) GROUP BY ${keyColumn}`,
      { file: csv(file), overrides: pairs(overrides) },
    );
  await aliases('ref_stage_map', 'name_key', 'stage', 'stage_map.csv', config.stageMap);
  // Terminal stage names (issue 14: event-log exports): the shipped three, config entries winning.
  await warehouse.run(
    `CREATE OR REPLACE TEMP TABLE ref_terminal_stages AS
     SELECT name_key, arg_max(outcome, priority) AS outcome FROM (
       SELECT * FROM (VALUES ('hired', 'hired', 0), ('rejected', 'rejected', 0), ('withdrawn', 'withdrew', 0)) t(name_key, outcome, priority)
       UNION ALL
       SELECT lower(trim(p->>0)), p->>1, 1 FROM (SELECT unnest(from_json($overrides, '["JSON"]')) AS p)
     ) GROUP BY name_key`,
    { overrides: pairs(config.terminalStages) },
  );
  await aliases('ref_level', 'alias_key', 'level', 'level_aliases.csv', config.levelAliases);
  // Country keys: the ISO code, the English name and the aliases, all lower-cased; config overrides
  // (by code or name) replace the region.
  await warehouse.run(
    `CREATE OR REPLACE TEMP TABLE ref_country AS
     WITH countries AS (
       SELECT code, name, region FROM read_csv($regions, header = true, auto_detect = false,
         columns = {'code': 'VARCHAR', 'name': 'VARCHAR', 'region': 'VARCHAR', 'source': 'VARCHAR'})
     ), keys AS (
       SELECT lower(code) AS key, code FROM countries
       UNION SELECT lower(name), code FROM countries
       UNION SELECT lower(trim(alias)), code FROM read_csv($aliases, header = true, auto_detect = false,
         columns = {'alias': 'VARCHAR', 'code': 'VARCHAR', 'source': 'VARCHAR'})
     ), overrides AS (
       SELECT lower(trim(p->>0)) AS key, p->>1 AS region FROM (SELECT unnest(from_json($overrides, '["JSON"]')) AS p)
     )
     SELECT k.key, k.code, coalesce(
       (SELECT o.region FROM overrides o WHERE o.key = lower(k.code) OR o.key = lower(c.name) LIMIT 1), c.region) AS region
     FROM keys k JOIN countries c USING (code)`,
    {
      regions: csv('country_regions.csv'),
      aliases: csv('country_aliases.csv'),
      overrides: pairs(config.countryRegions),
    },
  );
  await warehouse.run(
    `CREATE OR REPLACE TEMP TABLE ref_region_benchmarks AS
     WITH shipped AS (
       SELECT region, low_days::DOUBLE AS low_days, high_days::DOUBLE AS high_days, source
       FROM read_csv($file, header = true, auto_detect = false,
         columns = {'region': 'VARCHAR', 'low_days': 'VARCHAR', 'high_days': 'VARCHAR', 'source': 'VARCHAR'})
     ), overrides AS (
       SELECT p->>0 AS region, (p->1->>0)::DOUBLE AS low_days, (p->1->>1)::DOUBLE AS high_days, 'config' AS source
       FROM (SELECT unnest(from_json($overrides, '["JSON"]')) AS p)
     )
     SELECT region, low_days, high_days, source,
       hs_region_rank(region) AS sort
     FROM (SELECT * FROM overrides UNION ALL SELECT * FROM shipped WHERE region NOT IN (SELECT region FROM overrides))`,
    { file: csv('region_benchmarks.csv'), overrides: pairs(config.regionBenchmarks) },
  );
  await warehouse.run(
    `CREATE OR REPLACE TEMP TABLE ref_fx AS
     SELECT upper(currency) AS currency, usd_per_unit::DOUBLE AS usd_per_unit, as_of::DATE AS as_of
     FROM read_csv($file, header = true, auto_detect = false,
       columns = {'currency': 'VARCHAR', 'usd_per_unit': 'VARCHAR', 'as_of': 'VARCHAR', 'source': 'VARCHAR'})`,
    { file: csv('fx_rates.csv') },
  );
  await warehouse.run(
    `CREATE OR REPLACE TEMP TABLE ref_benchmarks AS
     SELECT source, level, region, upper(currency) AS currency, nullif(role_family, '') AS role_family,
       low::DOUBLE AS low, high::DOUBLE AS high, p10::DOUBLE AS p10, p25::DOUBLE AS p25, p50::DOUBLE AS p50,
       p75::DOUBLE AS p75, p90::DOUBLE AS p90, as_of::DATE AS as_of
     FROM read_csv($file, header = true, auto_detect = false,
       columns = {'source': 'VARCHAR', 'level': 'VARCHAR', 'region': 'VARCHAR', 'currency': 'VARCHAR',
         'role_family': 'VARCHAR', 'low': 'VARCHAR', 'high': 'VARCHAR', 'p10': 'VARCHAR', 'p25': 'VARCHAR',
         'p50': 'VARCHAR', 'p75': 'VARCHAR', 'p90': 'VARCHAR', 'as_of': 'VARCHAR'})`,
    { file: csv('benchmarks.csv') },
  );
}

/** The rules of pipelines/contract/ as SQL on this connection (staging/contract.sql). */
export async function installContract(warehouse: Warehouse): Promise<void> {
  await warehouse.run(sqlFile('staging/contract.sql'), {
    stages: JSON.stringify(stageKeys.map((stage, index) => ({ stage, rank: index + 1, display: stageLabels[stage] }))),
    levels: JSON.stringify(levelKeys),
    regions: JSON.stringify(regionKeys),
    aging_buckets: JSON.stringify(agingBuckets),
    aging_limits: JSON.stringify(agingLimits),
    wilson_z: wilsonZ,
  });
}

/** The shipped overall time-to-fill benchmark (SHRM 62 days) and its source. */
export async function timeToFillBenchmark(warehouse: Warehouse): Promise<{ days: number; source: string }> {
  const row = await warehouse.maybeOne<{ days: number; source: string }>(
    `SELECT days::DOUBLE AS days, source FROM read_csv($file, header = true, auto_detect = false,
       columns = {'days': 'VARCHAR', 'source': 'VARCHAR'}) LIMIT 1`,
    { file: csv('time_to_fill_benchmark.csv') },
  );
  return row ?? { days: 62, source: 'SHRM' };
}
