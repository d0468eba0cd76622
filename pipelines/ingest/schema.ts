/** Warehouse schema and the per-connection set-up that ingest needs. */
import path from 'node:path';
import { sqlFile, type Warehouse } from '../lib/duckdb.ts';

export const referenceDir = path.resolve(import.meta.dirname, '..', '..', 'data', 'reference');

/** Create the canonical and ledger tables when missing, and the parsing macros of this connection. */
export async function ensureSchema(warehouse: Warehouse): Promise<void> {
  await warehouse.run(sqlFile('schema.sql'));
  await warehouse.run(sqlFile('staging/macros.sql'));
  // Currencies a row may use: USD, the shipped ECB-derived table and any rates the user loaded. A view,
  // so that rates loaded earlier in the same run count.
  await warehouse.run(
    `CREATE OR REPLACE TEMP TABLE ref_fx_currencies AS
     SELECT DISTINCT upper(currency) AS currency FROM read_csv($fx, header = true, auto_detect = false,
       columns = {'currency': 'VARCHAR', 'usd_per_unit': 'VARCHAR', 'as_of': 'VARCHAR', 'source': 'VARCHAR'})`,
    { fx: path.join(referenceDir, 'fx_rates.csv') },
  );
  await warehouse.run(
    `CREATE OR REPLACE TEMP VIEW known_currencies AS
     SELECT 'USD' AS currency UNION SELECT currency FROM temp.ref_fx_currencies UNION SELECT currency FROM fx_rates`,
  );
}
