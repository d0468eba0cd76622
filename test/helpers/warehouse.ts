/** A real warehouse file in a temporary folder, loaded from CSV text through the real ingest. */
import path from 'node:path';
import { configSchema, type Config } from '../../pipelines/lib/config.ts';
import { openWarehouse, type Warehouse } from '../../pipelines/lib/duckdb.ts';
import { ingest } from '../../pipelines/ingest/index.ts';
import { computeMetrics, type MetricsRequest } from '../../pipelines/metrics/index.ts';
import type { Metrics } from '../../pipelines/contract/metrics.ts';
import { tempDir, writeFiles } from './tmp.ts';

/** Ingest the files (name -> CSV text) into a fresh warehouse and run `work` on it; everything is removed after. */
export async function withLoadedWarehouse<T>(
  files: Record<string, string>,
  work: (warehouse: Warehouse, config: Config) => Promise<T>,
  config: Partial<Config> = {},
): Promise<T> {
  const tmp = tempDir('hs-metrics-');
  const settings = configSchema.parse(config);
  const warehouse = await openWarehouse(path.join(tmp.dir, 'w.duckdb'), { timeZone: settings.timeZone });
  try {
    writeFiles(path.join(tmp.dir, 'in'), files);
    const result = await ingest(warehouse, [path.join(tmp.dir, 'in')]);
    const problems = result.files.filter((f) => f.status !== 'loaded' || f.rowsRejected > 0);
    if (problems.length) throw new Error(`fixture did not load cleanly: ${JSON.stringify(problems)}`);
    return await work(warehouse, settings);
  } finally {
    warehouse.close();
    tmp.cleanup();
  }
}

/** Metrics of a fixture. */
export function metricsOf(files: Record<string, string>, request: MetricsRequest, config: Partial<Config> = {}): Promise<Metrics> {
  return withLoadedWarehouse(files, (warehouse, settings) => computeMetrics(warehouse, settings, request), config);
}

/** CSV text from a header and rows (no quoting needed in fixtures). */
export function csv(header: string, rows: readonly string[]): string {
  return [header, ...rows].join('\n') + '\n';
}
