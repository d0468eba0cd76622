/**
 * Custom column mappings (`hirescope ingest --mapping FILE`, issue 7, issue 14): for an export no adapter
 * knows, a JSON file says which header feeds which canonical column, how status or stage values
 * translate, and how dates are written. Checked with zod when it is loaded, before any file is read;
 * every error names the mapping file and the key at fault.
 *
 * {
 *   "dateFormat": "%d/%m/%Y %H:%M",              // optional, for every table (strptime format)
 *   "tables": [{
 *     "entity": "applications",                  // a canonical entity of DESIGN §2
 *     "columns": { "Candidate Ref": "application_id", "Requisition": "job_id", "Applied On": "applied_at" },
 *     "values": { "status": { "In process": "active", "Declined": "rejected" } },
 *     "dateFormat": "%d/%m/%Y"                    // optional, overrides the file-wide one
 *   }, {
 *     "entity": "offers",
 *     "columns": { "Offer": "offer_id", "App": "application_id", "State": "status",
 *                  "Created": ["created_at", "sent_at"] }          // one header, several columns
 *   }, {
 *     "entity": "stage_history",                 // a wide export: one 0/1 column per stage
 *     "columns": { "Req App": "application_id", "Applied On": "entered_at" },
 *     "stages": { "Phone Screen": "Screen", "Onsite": { "stage": "Onsite", "enteredAt": "Onsite Date" } }
 *   }]
 * }
 *
 * Every required column of a table must be fed by a mapped header (a header spelled like the canonical
 * column is mapped to itself: `"job_id": "job_id"`). A file matches a table when its header has every
 * mapped header that feeds a required column (and, for a wide table, every stage column). A mapped
 * header feeds exactly the columns it is mapped to, even when it is spelled like another canonical
 * column; other canonical columns still take a header spelled like them, unless a mapped header already
 * feeds them (that header is then ignored, and reported). Value maps match case-insensitively and leave
 * unlisted values as they are (so they are still checked). A value that parses as ISO 8601 or epoch
 * milliseconds is read as such; others go through the date format (in the organisation's zone).
 */
import { existsSync } from 'node:fs';
import { readJsonFile } from '../lib/config.ts';
import { z } from 'zod';
import { entities, entityNames, isPersonalDataColumn, normalizeHeader, type EntitySpec } from './entities.ts';

const strftimeFormat = z
  .string()
  .min(2)
  .refine((f) => /%[dmYyHMSbB]/.test(f), 'a date format needs strptime codes such as %d/%m/%Y');

/** One header feeds one canonical column, or several (`"Created": ["created_at", "sent_at"]`). */
const targets = z.union([z.string(), z.array(z.string()).min(1)]);
/** A wide export's stage column: the stage name it stands for, and optionally its own date column. */
const stageColumn = z.union([
  z.string().min(1),
  z.object({ stage: z.string().min(1), enteredAt: z.string().min(1).optional() }).strict(),
]);

const listOf = (value: string | readonly string[]): readonly string[] => (typeof value === 'string' ? [value] : value);

const tableSchema = z
  .object({
    entity: z.enum(entityNames),
    columns: z.record(z.string().min(1), targets),
    values: z.record(z.string(), z.record(z.string(), z.string())).default({}),
    stages: z.record(z.string().min(1), stageColumn).optional(),
    dateFormat: strftimeFormat.optional(),
  })
  .strict()
  .superRefine((table, ctx) => {
    const spec = entities.get(table.entity)!;
    const names = spec.columns.map((c) => c.name);
    const fed = new Map<string, string>();
    for (const [header, value] of Object.entries(table.columns)) {
      for (const column of listOf(value)) {
        if (!names.includes(column)) {
          ctx.addIssue({ code: 'custom', path: ['columns', header], message: `${table.entity} has no column "${column}" (columns: ${names.join(', ')})` });
        } else if (fed.has(column) && fed.get(column) !== header) {
          ctx.addIssue({ code: 'custom', path: ['columns', header], message: `"${fed.get(column)}" and "${header}" both feed ${column}` });
        }
        fed.set(column, header);
      }
      if (isPersonalDataColumn(header, table.entity)) {
        ctx.addIssue({ code: 'custom', path: ['columns', header], message: 'looks like personal data, which hirescope never stores' });
      }
    }
    for (const column of Object.keys(table.values)) {
      if (!names.includes(column)) {
        ctx.addIssue({ code: 'custom', path: ['values', column], message: `${table.entity} has no column "${column}"` });
      }
    }
    const stages = table.stages ? Object.entries(table.stages) : undefined;
    if (stages) {
      if (table.entity !== 'stage_history') {
        ctx.addIssue({ code: 'custom', path: ['stages'], message: `only a stage_history table has stage columns, not ${table.entity}` });
        return;
      }
      for (const column of ['stage', 'exited_at'].filter((c) => fed.has(c))) {
        ctx.addIssue({ code: 'custom', path: ['columns', fed.get(column)!], message: `a table with stage columns takes ${column} from them, not from a header` });
      }
      for (const [header] of stages.filter(([h]) => h in table.columns)) {
        ctx.addIssue({ code: 'custom', path: ['stages', header], message: `"${header}" is also in columns; a header is a stage column or a column, not both` });
      }
    }
    // Every required column needs a mapped header, checked now: a mapping that cannot load any file is
    // refused before a file is read.
    const everyStageDated = stages !== undefined && stages.every(([, s]) => typeof s !== 'string' && s.enteredAt !== undefined);
    for (const column of spec.columns.filter((c) => c.required).map((c) => c.name)) {
      if (fed.has(column) || (stages && column === 'stage') || (column === 'entered_at' && everyStageDated)) continue;
      const hint = stages && column === 'entered_at' ? ' (or give every stage column an "enteredAt" header)' : '';
      ctx.addIssue({ code: 'custom', path: ['columns'], message: `${table.entity}: no header is mapped to the required column ${column}${hint}` });
    }
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

/** A stage column of a wide export: a true cell (1, true, yes) means the application reached `stage`. */
export interface StageColumn {
  readonly header: string;
  readonly stage: string;
  /** The header of this stage's own entry date; default: the header mapped to entered_at. */
  readonly enteredAt?: string;
}

export interface MappedTable {
  /** How messages name the table: `tables.1 (stage_history) of my-ats.json`. */
  readonly label: string;
  /** The canonical entity. */
  readonly spec: EntitySpec;
  /** Mapped header -> the canonical columns it feeds. */
  readonly columns: ReadonlyMap<string, readonly string[]>;
  /** Stage columns of a wide export (empty for any other table). */
  readonly stages: readonly StageColumn[];
  readonly transform: Transform;
}

/** Read and check a mapping file; errors name the file and the key. */
export function loadMapping(file: string): MappedTable[] {
  if (!existsSync(file)) throw new Error(`mapping file ${file} not found`);
  return mappedTables(readJsonFile(file, mappingSchema), file);
}

export function mappedTables(mapping: Mapping, file = 'the mapping'): MappedTable[] {
  return mapping.tables.map((table, index) => {
    const valueMaps = new Map(
      Object.entries(table.values).map(([column, map]) => {
        const entries = Object.entries(map);
        return [column, [entries.map(([from]) => from.trim().toLowerCase()), entries.map(([, to]) => to)] as const];
      }),
    );
    const dateFormat = table.dateFormat ?? mapping.dateFormat;
    return {
      label: `tables.${index} (${table.entity}) of ${file}`,
      spec: entities.get(table.entity)!,
      columns: new Map(Object.entries(table.columns).map(([header, value]) => [header, [...new Set(listOf(value))]])),
      stages: Object.entries(table.stages ?? {}).map(([header, s]) =>
        typeof s === 'string' ? { header, stage: s } : { header, stage: s.stage, ...(s.enteredAt ? { enteredAt: s.enteredAt } : {}) },
      ),
      transform: dateFormat ? { valueMaps, dateFormat } : { valueMaps },
    };
  });
}

/** How a mapped table reads one file's header. */
export interface MappedFit {
  readonly table: MappedTable;
  /** File position -> the canonical columns it feeds (empty: a stage or stage-date column, used apart). */
  readonly explicit: ReadonlyMap<number, readonly string[]>;
  /** The stage columns at their file positions (wide exports). */
  readonly stages: readonly { readonly position: number; readonly stage: string; readonly datePosition?: number }[];
  /** Headers the table needs that the file lacks, as `"Applied On" (applied_at)`. */
  readonly lacking: readonly string[];
  /** Needed headers present. */
  readonly matched: number;
  readonly needed: number;
}

/** How `table` reads a header (normalised as by normalizeHeader). */
export function fitMapped(table: MappedTable, normalized: readonly string[]): MappedFit {
  const at = (header: string) => {
    const index = normalized.indexOf(normalizeHeader(header));
    return index < 0 ? undefined : index;
  };
  const required = new Set(table.spec.columns.filter((c) => c.required).map((c) => c.name));
  const explicit = new Map<number, string[]>();
  const lacking: string[] = [];
  let needed = 0;
  for (const [header, columns] of table.columns) {
    const position = at(header);
    if (position !== undefined) explicit.set(position, [...(explicit.get(position) ?? []), ...columns]);
    const feedsRequired = columns.filter((c) => required.has(c));
    if (feedsRequired.length === 0) continue;
    needed++;
    if (position === undefined) lacking.push(`"${header}" (${feedsRequired.join(', ')})`);
  }
  const stages = table.stages.map((s) => {
    needed += s.enteredAt ? 2 : 1;
    const position = at(s.header);
    const datePosition = s.enteredAt ? at(s.enteredAt) : undefined;
    if (position === undefined) lacking.push(`"${s.header}" (stage ${s.stage})`);
    else if (!explicit.has(position)) explicit.set(position, []);
    if (s.enteredAt && datePosition === undefined) lacking.push(`"${s.enteredAt}" (entered_at of ${s.stage})`);
    else if (datePosition !== undefined && !explicit.has(datePosition)) explicit.set(datePosition, []);
    return { position: position ?? -1, stage: s.stage, ...(datePosition !== undefined ? { datePosition } : {}) };
  });
  return { table, explicit, stages, lacking: [...new Set(lacking)], matched: needed - lacking.length, needed };
}

/** The mapped table a header fits (most needed headers present wins; the first table on a tie). */
export function pickMapped(tables: readonly MappedTable[], normalized: readonly string[]): MappedFit | undefined {
  return tables
    .map((table) => fitMapped(table, normalized))
    .filter((fit) => fit.lacking.length === 0)
    .sort((a, b) => b.matched - a.matched)[0];
}

/**
 * For a header no mapped table fits: the closest one (largest share of its needed headers present) and
 * what it lacks, to put in front of the refusal.
 */
export function closestMapped(tables: readonly MappedTable[], normalized: readonly string[]): string | undefined {
  const best = tables
    .map((table) => fitMapped(table, normalized))
    .sort((a, b) => b.matched / b.needed - a.matched / a.needed || b.matched - a.matched)[0];
  // A file every header of which is there was refused for something else (a column named twice): no hint.
  return best && best.lacking.length > 0 ? `no mapping table fits: closest is ${best.table.label}, lacking ${best.lacking.join(', ')}` : undefined;
}
