/** What every metric module declares (STYLE: one .ts per metric beside its .sql). */
import type { z } from 'zod';
import type { DuckDBValue } from '@duckdb/node-api';
import type { Config } from '../lib/config.ts';
import { paramsFor, sqlFile, type Warehouse } from '../lib/duckdb.ts';

export interface MetricContext {
  readonly warehouse: Warehouse;
  readonly config: Config;
  /** Bound parameters: as_of, from, to (dates as YYYY-MM-DD), department, region, level, source; min_cell and pay_views (f_pay.sql). */
  readonly params: Record<string, DuckDBValue>;
}

/** A metric: its part of the `metrics --json` document (schema S, pipelines/contract/metrics.ts), computed in SQL. */
export interface MetricDefinition<S extends z.ZodType> {
  compute(context: MetricContext): Promise<z.infer<S>>;
}

/** Run `pipelines/sql/metrics/<name>.sql` with the parameters it uses. */
export async function queryMetric<T>(context: MetricContext, name: string): Promise<T[]> {
  const sql = sqlFile(`metrics/${name}.sql`);
  return context.warehouse.all<T>(sql, paramsFor(sql, context.params));
}
