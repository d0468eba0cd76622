/**
 * Custom column mappings (`hirescope ingest --mapping FILE`, issue 7): for an export no adapter knows,
 * a JSON file says which header feeds which canonical column, how status or stage values translate, and
 * how dates are written. Checked with zod; every error names the key at fault.
 *
 * {
 *   "dateFormat": "%d/%m/%Y %H:%M",              // optional, for every table (strptime format)
 *   "tables": [{
 *     "entity": "applications",                  // a canonical entity of DESIGN §2
 *     "columns": { "Candidate Ref": "application_id", "Requisition": "job_id", "Applied On": "applied_at" },
 *     "values": { "status": { "In process": "active", "Declined": "rejected" } },
 *     "dateFormat": "%d/%m/%Y"                    // optional, overrides the file-wide one
 *   }]
 * }
 *
 * A file matches a table when its header has every mapped column that feeds a required canonical
 * column; headers spelled like the canonical column still count. Value maps match case-insensitively
 * and leave unlisted values as they are (so they are still checked). A value that parses as ISO 8601 or
 * epoch milliseconds is read as such; others go through the date format (in the organisation's zone).
 */
import { existsSync } from 'node:fs';
import { readJsonFile } from '../lib/config.ts';
import { z } from 'zod';
import { entities, entityNames, isPersonalDataColumn, type ColumnSpec, type EntitySpec } from './entities.ts';

const strftimeFormat = z
  .string()
  .min(2)
  .refine((f) => /%[dmYyHMSbB]/.test(f), 'a date format needs strptime codes such as %d/%m/%Y');

const tableSchema = z
  .object({
    entity: z.enum(entityNames),
    columns: z.record(z.string().min(1), z.string()),
    values: z.record(z.string(), z.record(z.string(), z.string())).default({}),
    dateFormat: strftimeFormat.optional(),
  })
  .strict()
  .superRefine((table, ctx) => {
    const spec = entities.get(table.entity)!;
    const names = spec.columns.map((c) => c.name);
    for (const [header, column] of Object.entries(table.columns)) {
      if (!names.includes(column)) {
        ctx.addIssue({ code: 'custom', path: ['columns', header], message: `${table.entity} has no column "${column}" (columns: ${names.join(', ')})` });
      }
      if (isPersonalDataColumn(header)) {
        ctx.addIssue({ code: 'custom', path: ['columns', header], message: 'looks like personal data, which hirescope never stores' });
      }
    }
    for (const column of Object.keys(table.values)) {
      if (!names.includes(column)) {
        ctx.addIssue({ code: 'custom', path: ['values', column], message: `${table.entity} has no column "${column}"` });
      }
    }
    const targets = Object.values(table.columns);
    const twice = targets.find((c, i) => targets.indexOf(c) !== i);
    if (twice) ctx.addIssue({ code: 'custom', path: ['columns'], message: `two headers feed "${twice}"` });
  });

export const mappingSchema = z
  .object({
    dateFormat: strftimeFormat.optional(),
    tables: z.array(tableSchema).min(1),
  })
  .strict();

export type Mapping = z.infer<typeof mappingSchema>;

/** What a mapped file changes in the one-pass check: value translations and a date format. */
export interface Transform {
  /** Canonical column -> [lower-case source values, canonical values]. */
  readonly valueMaps: ReadonlyMap<string, readonly [readonly string[], readonly string[]]>;
  readonly dateFormat?: string;
}

export interface MappedTable {
  /** The canonical entity, with the mapped header names as aliases of its columns. */
  readonly spec: EntitySpec;
  readonly transform: Transform;
}

/** Read and check a mapping file; errors name the file and the key. */
export function loadMapping(file: string): MappedTable[] {
  if (!existsSync(file)) throw new Error(`mapping file ${file} not found`);
  return mappedTables(readJsonFile(file, mappingSchema));
}

export function mappedTables(mapping: Mapping): MappedTable[] {
  return mapping.tables.map((table) => {
    const base = entities.get(table.entity)!;
    const headersFor = (column: string) => Object.entries(table.columns).filter(([, c]) => c === column).map(([h]) => h);
    const columns: ColumnSpec[] = base.columns.map((c) => ({ ...c, aliases: [...(c.aliases ?? []), ...headersFor(c.name)] }));
    const valueMaps = new Map(
      Object.entries(table.values).map(([column, map]) => {
        const entries = Object.entries(map);
        return [column, [entries.map(([from]) => from.trim().toLowerCase()), entries.map(([, to]) => to)] as const];
      }),
    );
    const dateFormat = table.dateFormat ?? mapping.dateFormat;
    return {
      spec: { ...base, columns },
      transform: dateFormat ? { valueMaps, dateFormat } : { valueMaps },
    };
  });
}
