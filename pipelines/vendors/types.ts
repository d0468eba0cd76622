/**
 * Vendor adapters (issue 7): an ATS export is loaded file by file into raw tables of its own (checked
 * and quarantined exactly like a canonical file: file, line, column, reason), then SQL under
 * pipelines/sql/vendors/<vendor>/ derives the canonical tables from those raw tables.
 */
import type { EntityName, TableSpec } from '../ingest/entities.ts';
import type { Config } from '../lib/config.ts';

export const vendorNames = ['greenhouse', 'greenhouse-harvest', 'airbyte-greenhouse', 'lever', 'ashby', 'workable', 'fivetran-greenhouse'] as const;
export type VendorName = (typeof vendorNames)[number];

export interface VendorTable extends TableSpec {
  readonly vendor: VendorName;
  /** The table's name in the vendor's export (`applications`). */
  readonly base: string;
  /**
   * Header names (canonical column names of this spec) that must all be present for a file to be this
   * table: its signature. Required columns are always part of it.
   */
  readonly signature: readonly string[];
  /** File-name stems that point at this table when two shapes match equally well. */
  readonly hints: readonly string[];
  /**
   * A table of the vendor's export that hirescope does not use (Fivetran's `hiring_team`, `tag`, `user`...):
   * a file with its signature is recognised, reported with status `ignored` (vendor and table named) and
   * changes nothing. Its columns list only what identifies it.
   */
  readonly unused?: boolean;
}

export interface Vendor {
  readonly name: VendorName;
  readonly label: string;
  readonly tables: readonly VendorTable[];
  /** Canonical entities derived, in order; each is pipelines/sql/vendors/<name>/<entity>.sql. */
  readonly derives: readonly EntityName[];
  /**
   * Settings of this vendor from the config, bound as extra parameters of its derivation queries; throws
   * (naming the setting) when the config asks for something the vendor cannot read.
   */
  readonly params?: (config: Config) => Record<string, string | boolean>;
}

type TableInput = Omit<VendorTable, 'vendor' | 'name' | 'table' | 'order' | 'signature' | 'hints'> & {
  readonly signature?: readonly string[];
  readonly hints?: readonly string[];
};

/** Fill in the names of a vendor's tables: `<vendor>:<base>` in the ledger, `<vendor>_<base>` in the warehouse. */
export function vendorTables(vendor: VendorName, tables: readonly TableInput[]): VendorTable[] {
  const prefix = vendor.replaceAll('-', '_');
  return tables.map((t, index) => ({
    ...t,
    vendor,
    name: `${vendor}:${t.base}`,
    table: `${prefix}_${t.base}`,
    // Vendor tables load after fx_rates and benchmarks (orders 0-1) and before canonical entities use them.
    order: 10 + index,
    signature: [...new Set([...(t.signature ?? []), ...t.columns.filter((c) => c.required).map((c) => c.name)])],
    hints: t.hints ?? [t.base],
  }));
}
