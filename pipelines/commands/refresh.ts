/** `hirescope refresh [--inbox DIR] [--as-of D]` */
import path from 'node:path';
import type { Config } from '../lib/config.ts';
import type { Warehouse } from '../lib/duckdb.ts';
import { UsageError, type Output } from '../lib/output.ts';
import { isIsoDate } from '../lib/time.ts';
import { refresh } from '../refresh/index.ts';

export async function refreshCommand(
  warehouse: Warehouse,
  config: Config,
  args: { inbox?: string | undefined; 'as-of'?: string | undefined; out?: string | undefined; snapshot?: string | undefined },
  out: Output,
): Promise<number> {
  if (args['as-of'] !== undefined && !isIsoDate(args['as-of'])) throw new UsageError('--as-of must be a date YYYY-MM-DD');
  const started = Date.now();
  const result = await refresh(warehouse, config, {
    inbox: args.inbox ?? config.inbox,
    asOf: args['as-of'],
    outDir: args.out ? path.resolve(args.out) : undefined,
    snapshotDir: args.snapshot ? path.resolve(args.snapshot) : undefined,
    log: (line) => out.error(`refresh: ${line}`),
  });
  const summary = {
    source: result.source,
    inputDir: result.inputDir,
    asOf: result.manifest.asOf,
    files: result.ingest.files.map(({ path: file, kind, status, rowsRead, rowsLoaded, rowsRejected }) => ({ path: file, kind, status, rowsRead, rowsLoaded, rowsRejected })),
    rowsRejected: result.ingest.rowsRejected,
    snapshotDir: result.snapshotDir,
    outDir: result.outDir,
    seconds: (Date.now() - started) / 1000,
  };
  if (out.isJson) out.json(summary);
  else out.info(`refreshed from ${result.source === 'sample' ? 'the bundled sample' : result.inputDir} as of ${summary.asOf} in ${summary.seconds.toFixed(1)} s; site in ${result.outDir ?? '(not built)'}`);
  return 0;
}
