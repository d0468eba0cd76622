/** `hirescope rejects`: quarantined rows with file, line, column, value and reason. */
import type { Warehouse } from '../lib/duckdb.ts';
import { formatTable, type Output } from '../lib/output.ts';
import { ensureSchema } from '../ingest/schema.ts';

export interface RejectRow {
  file: string;
  line: number;
  column: string | null;
  value: string | null;
  reason: string;
  message: string;
}

export async function listRejects(warehouse: Warehouse): Promise<RejectRow[]> {
  await ensureSchema(warehouse);
  return warehouse.all<RejectRow>(
    `SELECT path AS file, line::INTEGER AS line, "column", value, reason, message
     FROM rejected_rows ORDER BY file_id, line, "column"`,
  );
}

export async function rejectsCommand(warehouse: Warehouse, out: Output): Promise<number> {
  const rows = await listRejects(warehouse);
  if (out.isJson) out.json({ rejects: rows, count: rows.length });
  else if (rows.length === 0) out.info('no quarantined rows');
  else
    out.info(
      formatTable(
        ['file', 'line', 'column', 'value', 'reason'],
        rows.map((r) => [r.file, r.line, r.column ?? '-', JSON.stringify(r.value ?? ''), r.reason]),
      ),
    );
  return 0;
}
