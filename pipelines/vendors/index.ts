/** The vendor adapters hirescope knows (issue 7), and their raw tables. */
import type { Warehouse } from '../lib/duckdb.ts';
import { sqlType } from '../ingest/entities.ts';
import { greenhouse } from './greenhouse.ts';
import { greenhouseHarvest } from './greenhouse-harvest.ts';
import { airbyteGreenhouse } from './airbyte-greenhouse.ts';
import { workable } from './workable.ts';
import { lever } from './lever.ts';
import { ashby } from './ashby.ts';
import { fivetranGreenhouse } from './fivetran-greenhouse.ts';
import { fivetranLever } from './fivetran-lever.ts';
import type { Vendor, VendorName, VendorTable } from './types.ts';

export const vendors: readonly Vendor[] = [greenhouse, greenhouseHarvest, airbyteGreenhouse, workable, ashby, lever, fivetranGreenhouse, fivetranLever];

export const vendorTableSpecs: readonly VendorTable[] = vendors.flatMap((v) => v.tables);

/** Create a vendor's raw tables when missing (DDL generated from the specs: the allow-list). */
export async function ensureVendorTables(warehouse: Warehouse, vendor: Vendor): Promise<void> {
  for (const table of vendor.tables) {
    if (table.unused) continue; // recognised, never loaded
    const columns = table.columns.map((c) => `${c.name} ${sqlType(c)}`).join(', ');
    await warehouse.run(`CREATE TABLE IF NOT EXISTS ${table.table} (${columns}, _file_id INTEGER NOT NULL)`);
  }
}

export type { Vendor, VendorName, VendorTable };
