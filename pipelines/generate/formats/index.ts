/**
 * `generate --format <vendor>`: the same company as the canonical format, written in a vendor's export
 * shape. The canonical files are generated first (into a temporary folder), then DuckDB reads them and
 * each `pipelines/generate/formats/<format>/<file>.sql` (a SELECT over the views c_jobs, c_openings,
 * c_applications, c_stage_history, c_offers, c_job_stages, ref_countries, c_export (when the export was
 * taken) and c_lever_reasons, with the macros hs_uuid and hs_sync_ts) is copied to `<out>/<file>.csv`.
 * Ordered SELECTs make the output byte-identical for the same seed. Pay data (compensation, benchmarks,
 * fx_rates) comes from an HRIS or payroll, not the ATS: it is written in the canonical format beside.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { generate, type GenerateOptions } from '../index.ts';
import { referenceDir } from '../../ingest/schema.ts';

import { vendorNames, type VendorName } from '../../vendors/types.ts';

export const vendorFormats = vendorNames;
export type VendorFormat = VendorName;

/** Files that stay canonical in every format. */
const PAY_FILES = ['compensation.csv', 'benchmarks.csv', 'fx_rates.csv'];

const CANONICAL_COLUMNS: Record<string, Record<string, string>> = {
  jobs: {
    job_id: 'VARCHAR', title: 'VARCHAR', department: 'VARCHAR', role_family: 'VARCHAR', level: 'VARCHAR', office: 'VARCHAR',
    country: 'VARCHAR', status: 'VARCHAR', opened_at: 'TIMESTAMPTZ', closed_at: 'TIMESTAMPTZ', recruiter: 'VARCHAR',
    hiring_manager: 'VARCHAR',
  },
  openings: {
    opening_id: 'VARCHAR', job_id: 'VARCHAR', opened_at: 'TIMESTAMPTZ', closed_at: 'TIMESTAMPTZ', close_reason: 'VARCHAR',
    hired_application_id: 'VARCHAR',
  },
  applications: {
    application_id: 'VARCHAR', job_id: 'VARCHAR', applied_at: 'TIMESTAMPTZ', candidate_id: 'VARCHAR', source: 'VARCHAR',
    source_type: 'VARCHAR', status: 'VARCHAR', rejected_at: 'TIMESTAMPTZ', rejection_type: 'VARCHAR', rejection_reason: 'VARCHAR',
    hired_at: 'TIMESTAMPTZ',
  },
  stage_history: { application_id: 'VARCHAR', stage: 'VARCHAR', entered_at: 'TIMESTAMPTZ', exited_at: 'TIMESTAMPTZ' },
  offers: {
    offer_id: 'VARCHAR', application_id: 'VARCHAR', status: 'VARCHAR', version: 'INTEGER', created_at: 'TIMESTAMPTZ',
    sent_at: 'TIMESTAMPTZ', resolved_at: 'TIMESTAMPTZ', start_date: 'DATE', base_salary: 'DOUBLE', currency: 'VARCHAR',
    decline_reason: 'VARCHAR',
  },
};

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** Convert the canonical hiring files in `canonicalDir` to `format`, written into `outDir`. */
export async function convertFormat(format: VendorFormat, canonicalDir: string, outDir: string): Promise<Record<string, number>> {
  const formatDir = path.join(import.meta.dirname, format);
  const queries = readdirSync(formatDir)
    .filter((name) => name.endsWith('.sql'))
    .sort();
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const files: Record<string, number> = {};
  try {
    await connection.run(`SET TimeZone = 'UTC'`);
    for (const [entity, columns] of Object.entries(CANONICAL_COLUMNS)) {
      const spec = Object.entries(columns)
        .map(([name, type]) => `${literal(name)}: ${literal(type)}`)
        .join(', ');
      await connection.run(
        `CREATE VIEW c_${entity} AS SELECT * FROM read_csv(${literal(path.join(canonicalDir, `${entity}.csv`))},
           header = true, auto_detect = false, columns = {${spec}})`,
      );
    }
    // Each job's interview plan: the stages its applications went through, in their usual order
    // (plan_order 1, 2...), and the first entry into each — for formats that give stages ids per job.
    await connection.run(
      `CREATE VIEW c_job_stages AS
       SELECT job_id, stage, row_number() OVER (PARTITION BY job_id ORDER BY position, stage) AS plan_order, first_entry
       FROM (
         SELECT a.job_id, h.stage, avg(h.n) AS position, min(h.entered_at) AS first_entry
         FROM (SELECT application_id, stage, entered_at, row_number() OVER (PARTITION BY application_id ORDER BY entered_at, stage) AS n FROM c_stage_history) h
         JOIN c_applications a USING (application_id)
         GROUP BY ALL
       )`,
    );
    await connection.run(
      `CREATE VIEW ref_countries AS SELECT code, name FROM read_csv(${literal(path.join(referenceDir, 'country_regions.csv'))},
         header = true, auto_detect = false, columns = {'code': 'VARCHAR', 'name': 'VARCHAR', 'region': 'VARCHAR', 'source': 'VARCHAR'})`,
    );
    // Shared by the format queries: a UUID made from a key (vendors' ids are UUIDs; the same key gives the
    // same id, so the output is the same for the same seed), a warehouse timestamp without offset (UTC,
    // milliseconds) as syncs write them, and when the export was taken (the day after the last event, 02:00).
    await connection.run(
      `CREATE MACRO hs_uuid(key) AS regexp_replace(md5(key), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\\1-\\2-\\3-\\4-\\5')`,
    );
    await connection.run(`CREATE MACRO hs_sync_ts(ts) AS strftime(timezone('UTC', ts), '%Y-%m-%d %H:%M:%S.%g')`);
    await connection.run(
      `CREATE VIEW c_export AS SELECT date_trunc('day', greatest(max(applied_at), max(rejected_at), max(hired_at))) + INTERVAL 26 HOUR AS taken_at
         FROM c_applications`,
    );
    // Lever's archive reason of each application (formats lever and fivetran-lever): "Hired" for a hire,
    // the rejection reason for a rejection; Lever's reason names are unique and its type says only hired /
    // non-hired, so a reason the candidate gave ("withdrew") whose name is also one of ours is named
    // "Withdrew - <reason>" (the adapters read that prefix as withdrew).
    await connection.run(
      `CREATE VIEW c_lever_reasons AS
       SELECT a.application_id, CASE
           WHEN a.status = 'hired' THEN 'Hired'
           WHEN a.status = 'rejected' AND a.rejection_type = 'withdrew' AND EXISTS (
               SELECT 1 FROM c_applications b WHERE b.rejection_reason = a.rejection_reason AND b.rejection_type IS DISTINCT FROM 'withdrew')
             THEN 'Withdrew - ' || a.rejection_reason
           WHEN a.status = 'rejected' THEN a.rejection_reason
         END AS reason
       FROM c_applications a`,
    );
    for (const query of queries) {
      const select = readFileSync(path.join(formatDir, query), 'utf8').trim().replace(/;$/, '');
      const name = query.replace(/\.sql$/, '');
      // `stage_changes.sql` writes stage_changes.csv; `opportunities.jsonl.sql` writes JSON lines.
      const json = name.endsWith('.jsonl');
      const target = path.join(outDir, json ? name : `${name}.csv`);
      const partial = `${target}.partial`;
      await connection.run(
        `COPY (${select}) TO ${literal(partial)} (${json ? 'FORMAT json' : "FORMAT csv, HEADER true, DELIMITER ','"})`,
      );
      renameSync(partial, target);
      const counted = await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM (${select})`);
      files[path.basename(target)] = Number(counted.getRows()[0]![0]);
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return files;
}

/** Generate the company in the canonical format into a temporary folder, then write it as `format`. */
export async function generateFormat(format: VendorFormat, options: GenerateOptions): Promise<{ files: Record<string, number> }> {
  mkdirSync(options.outDir, { recursive: true });
  const scratch = mkdtempSync(path.join(tmpdir(), 'hirescope-generate-'));
  try {
    const canonical = await generate({ ...options, outDir: scratch });
    const files = await convertFormat(format, scratch, options.outDir);
    for (const name of PAY_FILES) {
      copyFileSync(path.join(scratch, name), path.join(options.outDir, name));
      files[name] = canonical.files[name] ?? 0;
    }
    return { files };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
