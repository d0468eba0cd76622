/** `hirescope ingest <file|dir>...` */
import type { Warehouse } from '../lib/duckdb.ts';
import { formatTable, type Output } from '../lib/output.ts';
import { ingest, type IngestResult } from '../ingest/index.ts';
import type { Config } from '../lib/config.ts';
import { UsageError } from '../lib/output.ts';
import { vendorNames } from '../vendors/types.ts';

export interface IngestArgs {
  readonly vendor?: string | undefined;
  readonly mapping?: string | undefined;
  readonly full?: boolean | undefined;
  readonly force?: boolean | undefined;
}

/** @returns exit code: 1 when any file was refused, else 0 */
export async function ingestCommand(
  warehouse: Warehouse,
  config: Config,
  inputs: readonly string[],
  args: IngestArgs,
  out: Output,
): Promise<number> {
  const vendor = args.vendor === undefined ? undefined : [...vendorNames, 'canonical' as const].find((v) => v === args.vendor);
  if (args.vendor !== undefined && !vendor) {
    throw new UsageError(`--vendor must be canonical or one of ${vendorNames.join(', ')}`);
  }
  const result: IngestResult = await ingest(warehouse, inputs, {
    command: 'ingest',
    config,
    vendor,
    ...(args.mapping ? { mapping: args.mapping } : {}),
    full: args.full ?? false,
    force: args.force ?? false,
  });
  for (const file of result.files) {
    if (file.status === 'refused') out.error(`error: ${file.path}: ${file.message}`);
    // A FIFO, device, socket or link found in a folder: skipped unread, named.
    if (file.status === 'skipped' && file.kind === null) out.error(`warning: ${file.path}: ${file.message}`);
  }
  if (out.isJson) {
    out.json({
      files: result.files.map(({ path, kind, rowsRead, rowsLoaded, rowsRejected, rowsRemoved, status, message, droppedColumns, ignoredColumns }) => ({
        path,
        kind,
        rowsRead,
        rowsLoaded,
        rowsRejected,
        rowsRemoved,
        status,
        message,
        droppedColumns,
        ignoredColumns,
      })),
      rowsRejected: result.rowsRejected,
      derived: result.derived,
    });
  } else {
    out.info(
      formatTable(
        ['status', 'kind', 'read', 'loaded', 'rejected', 'file'],
        result.files.map((f) => [f.status, f.kind ?? '-', f.rowsRead, f.rowsLoaded, f.rowsRejected, f.path]),
      ),
    );
    for (const f of result.files) if ((f.status === 'loaded' || f.status === 'ignored') && f.message) out.info(`note: ${f.path}: ${f.message}`);
    for (const d of result.derived) {
      const left = d.leftOut.map((l) => `${l.rows} ${l.reason}`).join(', ');
      out.info(`derived ${d.rows} ${d.entity} rows from the ${d.vendor} export${left ? ` (left out: ${left})` : ''}`);
    }
    out.info(`${result.rowsRejected} row(s) quarantined${result.rowsRejected ? ' — see `hirescope rejects`' : ''}`);
  }
  return result.files.some((f) => f.status === 'refused') ? 1 : 0;
}
