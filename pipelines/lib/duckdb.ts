/**
 * The one place that talks to DuckDB: open a warehouse file once per process, run `.sql` files with
 * bound parameters, read small results as plain objects.
 */
import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';

export type Params = Record<string, DuckDBValue> | DuckDBValue[];
export type Row = Record<string, unknown>;

const sqlDir = path.resolve(import.meta.dirname, '..', 'sql');
const sqlCache = new Map<string, string>();

/** Text of `pipelines/sql/<name>` (cached). */
export function sqlFile(name: string): string {
  let text = sqlCache.get(name);
  if (text === undefined) {
    text = readFileSync(path.join(sqlDir, name), 'utf8');
    sqlCache.set(name, text);
  }
  return text;
}

/** Keep only the named parameters a statement uses (DuckDB refuses unused ones). */
export function paramsFor(sql: string, params: Record<string, DuckDBValue>): Record<string, DuckDBValue> {
  const used = new Set([...sql.matchAll(/\$([a-z_][a-z0-9_]*)/gi)].map((m) => m[1]!));
  return Object.fromEntries(Object.entries(params).filter(([name]) => used.has(name)));
}

export interface Warehouse {
  readonly path: string;
  readonly connection: DuckDBConnection;
  /** Run statements; values are bound, never interpolated. */
  run(sql: string, params?: Params): Promise<void>;
  /** Run a query and return its rows as objects (cast counts to INTEGER in SQL: no bigint crosses over). */
  all<T = Row>(sql: string, params?: Params): Promise<T[]>;
  /**
   * Run a query; resolves, once DuckDB has the result, to a function that converts its columns (name ->
   * values: the cheap shape for building Arrow tables). The connection is free by then: the caller can
   * start the next query before converting this one.
   */
  columns(sql: string, params?: Params): Promise<() => Record<string, unknown[]>>;
  /** First row or undefined. */
  maybeOne<T = Row>(sql: string, params?: Params): Promise<T | undefined>;
  /** Run a whole transaction; rolled back on any error. */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /** Close the connection and the instance (idempotent). */
  close(): void;
}

/** Open (creating when missing) a warehouse file; `:memory:` works too. Time zone is pinned. */
export async function openWarehouse(file: string, { timeZone = 'UTC' }: { timeZone?: string } = {}): Promise<Warehouse> {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(file);
  } catch (error) {
    throw new Error(`cannot open warehouse ${file}: ${(error as Error).message.split('\n')[0]}`);
  }
  const connection = await instance.connect();
  let closed = false;
  const run = async (sql: string, params?: Params) => {
    if (!params || Array.isArray(params)) {
      await connection.run(sql, params);
      return;
    }
    // Named values reach every statement of a multi-statement text, each getting the ones it uses
    // (DuckDB's run binds the last statement only).
    const statements = await connection.extractStatements(sql);
    for (let index = 0; index < statements.count; index++) {
      const prepared = await statements.prepare(index);
      try {
        const names = Array.from({ length: prepared.parameterCount }, (_, i) => prepared.parameterName(i + 1));
        const missing = names.filter((name) => !(name in params));
        if (missing.length) throw new Error(`no value for the parameters ${missing.map((name) => `$${name}`).join(', ')}`);
        if (names.length) prepared.bind(Object.fromEntries(names.map((name) => [name, params[name]!])));
        await prepared.run();
      } finally {
        prepared.destroySync();
      }
    }
  };
  const all = async <T>(sql: string, params?: Params): Promise<T[]> => {
    const reader = await connection.runAndReadAll(sql, params);
    return reader.getRowObjectsJS() as T[];
  };
  await run(`SET TimeZone = $tz`, { tz: timeZone });
  return {
    path: file,
    connection,
    run,
    all,
    async columns(sql: string, params?: Params) {
      const reader = await connection.runAndReadAll(sql, params);
      return () => reader.getColumnsObjectJS() as Record<string, unknown[]>;
    },
    async maybeOne<T>(sql: string, params?: Params) {
      return (await all<T>(sql, params))[0];
    },
    async transaction<T>(work: () => Promise<T>): Promise<T> {
      await run('BEGIN TRANSACTION');
      try {
        const result = await work();
        await run('COMMIT');
        return result;
      } catch (error) {
        await run('ROLLBACK').catch(() => undefined);
        throw error;
      }
    },
    close() {
      if (closed) return;
      closed = true;
      connection.closeSync();
      instance.closeSync();
    },
  };
}
