/**
 * The site snapshot: cubes (Arrow IPC) and small JSON files, aggregates only, each checked against its
 * schema, written into a fresh folder that replaces the old one in one rename (DESIGN §1, §6).
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../lib/config.ts';
import { paramsFor, sqlFile, type Warehouse } from '../lib/duckdb.ts';
import { alertsFor } from '../alerts/index.ts';
import type { AlertsReport } from '../contract/alerts.ts';
import type { MetricContext } from '../metrics/metric.ts';
import { applyFilters, prepareMetrics } from '../metrics/index.ts';
import { timeToFillBenchmark } from '../metrics/reference.ts';
import { dataQuality } from '../metrics/dataQuality.ts';
import { publishedPayViews } from '../metrics/payBands.ts';
import { freshnessOf, newestEvent } from '../metrics/asOf.ts';
import { rulesOf, screenedColumns } from '../disclosure/rules.ts';
import {
  alertsSnapshotSchema,
  cubes,
  manifestSchema,
  metaSchema,
  paySnapshotSchema,
  qualitySnapshotSchema,
  type CleanStart,
  type CubeName,
  type DataOrigin,
  type Manifest,
} from '../contract/snapshot.ts';
import { byKnownOrder, levelKeys, regionKeys } from '../contract/dimensions.ts';
import type { z } from 'zod';
import { cubeToIpc } from './arrow.ts';
import { plannerHistory } from '../planner/index.ts';
import { plannerSnapshotSchema } from '../contract/planSchema.ts';
import { computeRequisitions } from '../metrics/requisitions.ts';
import { requisitionCubeColumns, requisitionsSnapshotSchema, requisitionsToColumns } from '../contract/requisitions.ts';
import { ownersVisible } from '../lib/privacy.ts';
import { payGapFile, publishedPayGap } from './payGap.ts';
import { payGapSnapshotSchema } from '../contract/payGapSnapshot.ts';

export interface SnapshotOptions {
  readonly asOf: string;
  readonly outDir: string;
  /** Time written in the manifest (injected so tests are deterministic). */
  readonly refreshedAt?: string;
  /** The last failed refresh (from the run history, which outlives failed generations). */
  readonly lastFailedRun?: { runId: string; command: string; startedAt: string; error: string | null } | undefined;
  /** What the warehouse holds (default `real`): `sample` puts the "Sample data" banner on every page. */
  readonly data?: DataOrigin | undefined;
  /** The last time the warehouse was started empty, shown on the Data quality page. */
  readonly cleanStart?: CleanStart | null | undefined;
  /**
   * Populations already prepared for `asOf` without filters, and their alerts (a refresh evaluates them
   * first): reused instead of prepared and evaluated a second time.
   */
  readonly prepared?: { readonly context: MetricContext; readonly alerts: AlertsReport } | undefined;
}

export interface SnapshotResult {
  readonly outDir: string;
  readonly manifest: Manifest;
}

function writeJson<S extends z.ZodType>(dir: string, name: string, schema: S, value: z.infer<S>): void {
  const checked = schema.parse(value);
  writeFileSync(path.join(dir, name), `${JSON.stringify(checked)}\n`);
}

/** Write the snapshot of the warehouse as of `asOf` into `outDir` (replaced whole). */
export async function writeSnapshot(warehouse: Warehouse, config: Config, options: SnapshotOptions): Promise<SnapshotResult> {
  const { asOf, outDir } = options;
  const staging = `${outDir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });

  const given = options.prepared?.context.params;
  const reusable =
    given !== undefined && given.as_of === asOf && [given.from, given.department, given.region, given.level, given.source, given.recruiter, given.hiring_manager].every((v) => v === null);
  const context = reusable ? options.prepared!.context : await prepareMetrics(warehouse, config, { asOf });
  const cubeInfo: Manifest['cubes'] = {};
  const categories = {
    months: new Set<string>(), departments: new Set<string>(), regions: new Set<string>(), levels: new Set<string>(),
    recruiters: new Set<string>(), hiringManagers: new Set<string>(),
  };
  const cubeList = Object.entries(cubes) as [CubeName, (typeof cubes)[CubeName]][];
  const query = (index: number) => {
    const sql = sqlFile(cubeList[index]![1].sql);
    const pending = warehouse.columns(sql, paramsFor(sql, context.params));
    pending.catch(() => undefined); // a failure surfaces where it is awaited, never as an unhandled rejection
    return pending;
  };
  // DuckDB computes the next cube while this process converts and encodes the one before.
  let next = query(0);
  for (const [index, [name, spec]] of cubeList.entries()) {
    const result = await next;
    if (index + 1 < cubeList.length) next = query(index + 1);
    const columns = result();
    const bytes = cubeToIpc(columns, spec.columns);
    writeFileSync(path.join(staging, spec.file), bytes);
    const rows = Object.values(columns)[0]?.length ?? 0;
    cubeInfo[name] = { file: spec.file, rows, bytes: bytes.byteLength };
    for (const [column, set] of [
      ['month', categories.months], ['department', categories.departments], ['region', categories.regions], ['level', categories.levels],
      ['recruiter', categories.recruiters], ['hiring_manager', categories.hiringManagers],
    ] as const) {
      for (const value of columns[column] ?? []) if (typeof value === 'string' && value !== '') set.add(value);
    }
  }

  const regionBenchmarks = await warehouse.all<{ region: string; low: number; high: number; source: string }>(
    `SELECT region, low_days AS low, high_days AS high, source FROM ref_region_benchmarks ORDER BY sort, region`,
  );
  const shrm = await timeToFillBenchmark(warehouse);
  const refreshedAt = options.refreshedAt ?? new Date().toISOString();
  // Freshness against the refresh time, by the CLI's rule (metrics --json `freshness`).
  const freshness = freshnessOf(await newestEvent(warehouse), config, new Date(refreshedAt));

  // Alerts and data quality describe the whole company: computed before pay re-scopes its populations.
  writeJson(staging, 'alerts.json', alertsSnapshotSchema, reusable ? options.prepared!.alerts : await alertsFor(context, config));
  const quality = await qualitySnapshot(warehouse, asOf, await dataQuality.compute(context));
  // The planner's rates and durations per department (issue 18, Deliver 6), on the unfiltered populations.
  writeJson(staging, 'planner.json', plannerSnapshotSchema, await plannerHistory(context, config.planner.months));
  // The Requisitions page: every open opening, company-wide (the page filters its rows in the browser); the
  // rows as a compressed cube, the rest as JSON (checked whole by computeRequisitions).
  const { requisitions, ...requisitionsMeta } = await computeRequisitions(context);
  writeFileSync(path.join(staging, 'requisitions.arrow'), cubeToIpc(requisitionsToColumns(requisitions), requisitionCubeColumns));
  writeJson(staging, 'requisitions.json', requisitionsSnapshotSchema, { ...requisitionsMeta, rows: requisitions.length });

  // Pay: one view per department filter (and all), computed, estimated, rounded and suppressed in SQL in
  // one pass for all views under the disclosure rules (pipelines/disclosure; filters/f_pay.sql).
  const scoped = await publishedPayViews(context);
  const views = [...scoped].map(([department, { payBands, offersVsBands }]) => ({ department, payBands, offersVsBands }));
  const rules = rulesOf(config);
  writeJson(staging, 'pay.json', paySnapshotSchema, { asOf, minCell: rules.minCell, roundedTo: rules.gridFromExactFrom, disclosure: rules, views });
  // Pay equity (issue 19): the Article 9 report per region / department view, suppressed (snapshot/payGap.ts).
  writeJson(staging, payGapFile, payGapSnapshotSchema, await publishedPayGap(warehouse, config, asOf));
  // The departments the filters know, as the CLI's (commands/filters.ts): the hiring data's and the pay rows'.
  for (const view of views) if (view.department !== null) categories.departments.add(view.department);
  writeJson(staging, 'meta.json', metaSchema, {
    asOf,
    months: [...categories.months].sort(),
    departments: [...categories.departments].sort((a, b) => a.localeCompare(b)),
    regions: [...categories.regions].sort(byKnownOrder(regionKeys)),
    levels: [...categories.levels].sort(byKnownOrder(levelKeys)),
    // owner names come from the cubes, which hold none under privacy.owners "hide" (NULL in SQL)
    recruiters: [...categories.recruiters].sort((a, b) => a.localeCompare(b)),
    hiringManagers: [...categories.hiringManagers].sort((a, b) => a.localeCompare(b)),
    ownersHidden: !ownersVisible(config),
    thresholds: config.offerAcceptance,
    timeToFillBenchmark: { days: config.timeToFillBenchmarkDays ?? shrm.days, source: config.timeToFillBenchmarkDays ? 'config' : shrm.source },
    regionBenchmarks,
    minCell: config.pay.minCell,
    freshness,
  });

  const lastFailedRun = options.lastFailedRun ?? quality.lastFailedRun;
  writeJson(staging, 'quality.json', qualitySnapshotSchema, {
    ...quality,
    lastRun: quality.lastRun && { ...quality.lastRun, error: withoutDirs(quality.lastRun.error) },
    lastFailedRun: lastFailedRun && { ...lastFailedRun, error: withoutDirs(lastFailedRun.error) },
  });

  const manifest = await buildManifest(warehouse, config, asOf, refreshedAt, cubeInfo, {
    data: options.data ?? 'real',
    cleanStart: options.cleanStart ?? null,
  });
  writeJson(staging, 'manifest.json', manifestSchema, manifest);

  // Swap: the old snapshot is replaced by the complete new one.
  const old = `${outDir}.old-${process.pid}`;
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(staging, outDir);
  rmSync(old, { recursive: true, force: true });
  return { outDir, manifest };
}

/** Ledger and error messages may name server paths: the site shows file names only. */
function withoutDirs(text: string | null): string | null {
  return text && text.replace(/(?:[A-Za-z]:)?[\\/][^\s,;:]*[\\/]([^\\/\s,;:]+)/g, '$1');
}

async function qualitySnapshot(warehouse: Warehouse, asOf: string, totals: Awaited<ReturnType<typeof dataQuality.compute>>) {
  const files = await warehouse.all<{
    name: string;
    kind: string | null;
    status: string;
    rowsRead: number;
    rowsLoaded: number;
    rowsRejected: number;
    message: string | null;
    ingestedAt: string;
  }>(
    `SELECT regexp_extract(path, '[^/\\\\]+$') AS name, kind, status, rows_read::INTEGER AS rowsRead,
       rows_loaded::INTEGER AS rowsLoaded, rows_rejected::INTEGER AS rowsRejected, message, hs_iso(ingested_at) AS ingestedAt
     FROM ingest_files ORDER BY file_id DESC LIMIT 200`,
  );
  const rejects = await warehouse.all<{ file: string; column: string | null; reason: string; count: number; lines: number[] }>(
    `SELECT regexp_extract(path, '[^/\\\\]+$') AS file, "column", reason, count(*)::INTEGER AS count,
       list(line::INTEGER ORDER BY line)[1:5] AS lines
     FROM rejected_rows GROUP BY file_id, path, "column", reason ORDER BY file_id DESC, count DESC, reason`,
  );
  // values screened at ingest (hs_screen: pipelines/sql/disclosure/screen.sql); identifiers from the fixed list
  const redacted = await warehouse.all<{ table: string; column: string; rows: number }>(
    `SELECT * FROM (${screenedColumns
      .map(([table, column]) => `SELECT '${table}' AS "table", '${column}' AS "column", count(*) FILTER (WHERE ${column} = hs_redacted())::INTEGER AS rows FROM ${table}`)
      .join(' UNION ALL ')}) WHERE rows > 0 ORDER BY "table", "column"`,
  );
  const derived = await warehouse.all<{ vendor: string; entity: string; rows: number; leftOut: string }>(
    `SELECT vendor, entity, rows, left_out AS leftOut FROM vendor_derived
     ORDER BY vendor, list_position(['jobs', 'openings', 'applications', 'stage_history', 'offers'], entity)`,
  );
  const lastRun = await warehouse.maybeOne<{ runId: number; command: string; startedAt: string; status: string; error: string | null }>(
    `SELECT run_id AS runId, command, hs_iso(started_at) AS startedAt, status, error FROM ingest_runs ORDER BY run_id DESC LIMIT 1`,
  );
  const lastFailedRun = await warehouse.maybeOne<{ runId: number; command: string; startedAt: string; error: string | null }>(
    `SELECT run_id AS runId, command, hs_iso(started_at) AS startedAt, error FROM ingest_runs WHERE status = 'failed' ORDER BY run_id DESC LIMIT 1`,
  );
  const latest = await newestEvent(warehouse);
  const unmappedStageRows = await warehouse.all<{ name: string; rows: number }>(sqlFile('snapshot/unmapped_stage_rows.sql'));
  return {
    asOf,
    files: files.map((f) => ({ ...f, message: withoutDirs(f.message) })),
    rejects: rejects.map((r) => ({ ...r, lines: [...r.lines] })),
    derived: derived.map((d) => ({ vendor: d.vendor, entity: d.entity, rows: d.rows, leftOut: JSON.parse(d.leftOut) as { reason: string; rows: number }[] })),
    totals,
    redacted,
    lastRun: lastRun ?? null,
    lastFailedRun: lastFailedRun ? { ...lastFailedRun, runId: String(lastFailedRun.runId) } : null,
    latestDataAt: latest?.at ?? null,
    unmappedStageRows,
  };
}

async function buildManifest(
  warehouse: Warehouse,
  config: Config,
  asOf: string,
  refreshedAt: string,
  cubeInfo: Manifest['cubes'],
  origin: Pick<Manifest, 'data' | 'cleanStart'>,
): Promise<Manifest> {
  const rows: Record<string, number> = {};
  for (const table of ['jobs', 'openings', 'applications', 'stage_history', 'offers', 'compensation', 'benchmarks', 'fx_rates']) {
    // table names from the fixed list above
    rows[table] = (await warehouse.maybeOne<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table}`))!.n;
  }
  const files = await warehouse.all<Manifest['files'][number]>(
    `SELECT regexp_extract(path, '[^/\\\\]+$') AS name, kind, sha256, rows_read::INTEGER AS rowsRead,
       rows_loaded::INTEGER AS rowsLoaded, rows_rejected::INTEGER AS rowsRejected, status
     FROM ingest_files WHERE status = 'loaded' ORDER BY file_id`,
  );
  return { version: 1, asOf, refreshedAt, timeZone: config.timeZone, ...origin, rows, files, cubes: cubeInfo };
}

/** Size of a snapshot folder in bytes. */
export function snapshotBytes(manifest: Manifest, dir: string): number {
  return ['manifest.json', 'meta.json', 'pay.json', 'pay_gap.json', 'alerts.json', 'quality.json', 'planner.json', 'requisitions.json', 'requisitions.arrow', ...Object.values(manifest.cubes).map((c) => c.file)]
    .map((f) => statSync(path.join(dir, f)).size)
    .reduce((a, b) => a + b, 0);
}
