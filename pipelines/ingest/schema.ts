/** Warehouse schema and the per-connection set-up that ingest needs. */
import path from 'node:path';
import { sqlFile, type Warehouse } from '../lib/duckdb.ts';

const utcZones = new Set(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT']);

export const referenceDir = path.resolve(import.meta.dirname, '..', '..', 'data', 'reference');

/** Create the canonical and ledger tables when missing, and the parsing macros of this connection. */
export async function ensureSchema(warehouse: Warehouse): Promise<void> {
  await warehouse.run(sqlFile('schema.sql'));
  await warehouse.run(sqlFile('staging/macros.sql'));
  await warehouse.run(sqlFile('disclosure/screen.sql')); // hs_screen: free text that names a person (issue 15)
  // hs_day(ts): the calendar date of an instant in the session time zone. TIMESTAMPTZ::DATE goes through
  // ICU (0.93 s per 8 M values at bench scale); in UTC — the default zone — the same date is plain
  // arithmetic on the epoch (0.05 s, identical on all 4 M stays of the bench warehouse). The body is chosen
  // here once per connection (a CASE on the zone inside the macro would be evaluated per row).
  const zone = (await warehouse.maybeOne<{ zone: string }>(`SELECT current_setting('TimeZone') AS zone`))!.zone;
  await warehouse.run(
    `CREATE OR REPLACE TEMP MACRO hs_day(ts) AS ${utcZones.has(zone) ? 'make_timestamp(epoch_us(ts))::DATE' : 'ts::DATE'}`,
  );
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
