/**
 * One measured run, in a child process of its own (so its peak RSS is its own): either the floor —
 * DuckDB's read_csv loading the bench files into plain tables, nothing else — or hirescope's ingest,
 * metrics and snapshot. Prints one JSON line: seconds per phase and maxRSS.
 */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { configSchema } from '../pipelines/lib/config.ts';
import { openWarehouse } from '../pipelines/lib/duckdb.ts';
import { ingest } from '../pipelines/ingest/index.ts';
import { alertsFor } from '../pipelines/alerts/index.ts';
import { metricsFor, prepareMetrics } from '../pipelines/metrics/index.ts';
import { writeSnapshot } from '../pipelines/snapshot/index.ts';

const [mode, dataDir, workDir, asOf] = process.argv.slice(2) as [string, string, string, string];
const seconds = (start: number) => (performance.now() - start) / 1000;
const files = readdirSync(dataDir).filter((f) => f.endsWith('.csv')).sort();

if (mode === 'floor') {
  const db = path.join(workDir, 'floor.duckdb');
  rmSync(db, { force: true });
  const instance = await DuckDBInstance.create(db);
  const connection = await instance.connect();
  const start = performance.now();
  for (const file of files) {
    // table names come from the generator's fixed file names
    await connection.run(`CREATE TABLE ${file.replace('.csv', '')} AS SELECT * FROM read_csv($path)`, { path: path.join(dataDir, file) });
  }
  await connection.run('CHECKPOINT');
  const floorSeconds = seconds(start);
  connection.closeSync();
  instance.closeSync();
  rmSync(db, { force: true });
  process.stdout.write(`${JSON.stringify({ floorSeconds, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
} else {
  const db = path.join(workDir, 'hirescope.duckdb');
  const snapshotDir = path.join(workDir, 'snapshot');
  rmSync(db, { force: true });
  const config = configSchema.parse({});
  const warehouse = await openWarehouse(db);
  let start = performance.now();
  const result = await ingest(warehouse, [dataDir]);
  await warehouse.run('CHECKPOINT');
  const ingestSeconds = seconds(start);
  // As a refresh does: populations prepared once, every metric and the alerts, then the snapshot reusing them.
  start = performance.now();
  const context = await prepareMetrics(warehouse, config, { asOf });
  await metricsFor(context, {});
  const alerts = await alertsFor(context, config);
  const metricsSeconds = seconds(start);
  start = performance.now();
  await writeSnapshot(warehouse, config, { asOf, outDir: snapshotDir, refreshedAt: asOf, prepared: { context, alerts } });
  const snapshotSeconds = seconds(start);
  warehouse.close();
  rmSync(db, { force: true });
  const rows = Object.fromEntries(result.files.map((f) => [f.kind ?? path.basename(f.path), f.rowsLoaded]));
  process.stdout.write(
    `${JSON.stringify({ ingestSeconds, metricsSeconds, snapshotSeconds, maxRssMB: process.resourceUsage().maxRSS / 1024, rows, rejected: result.rowsRejected })}\n`,
  );
}
