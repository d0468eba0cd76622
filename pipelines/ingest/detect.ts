/**
 * Which canonical entity a CSV holds, decided from its header (DESIGN §2); the file name is a hint
 * that only breaks ties.
 */
import path from 'node:path';
import {
  entities,
  isPersonalDataColumn,
  normalizeHeader,
  type ColumnSpec,
  type EntityName,
  type TableSpec,
} from './entities.ts';
import { vendorTableSpecs, type VendorName, type VendorTable } from '../vendors/index.ts';
import { pickMapped, type MappedTable, type Transform } from './mapping.ts';

export interface Detection {
  /** The table the file loads into: a canonical entity or a vendor's raw table. */
  readonly entity: TableSpec;
  /** The vendor whose export this is; undefined for a canonical file. */
  readonly vendor?: VendorName;
  /** A custom mapping's value translations and date format (`--mapping`). */
  readonly transform?: Transform;
  /** Each stored canonical column and the file position that feeds it (one position may feed several). */
  readonly sources: ReadonlyMap<string, number>;
  /** A wide export's stage columns (`--mapping` with `stages`): one stage row per true cell. */
  readonly stages?: readonly { readonly position: number; readonly stage: string; readonly datePosition?: number }[];
  /** Same-named headers a mapped header replaced: `column "application_id" ignored: the mapping feeds application_id from "Req App"`. */
  readonly notes?: readonly string[];
  /** Personal-data columns, never stored (header names as written in the file). */
  readonly dropped: readonly string[];
  /** Other columns outside the table's list, ignored (header names as written). */
  readonly ignored: readonly string[];
  /** A vendor table hirescope recognises and does not read: reported as `ignored`, nothing loaded. */
  readonly unused?: boolean;
}

export class RefusedFile extends Error {
  readonly column: string | undefined;
  constructor(message: string, column?: string) {
    super(message);
    this.name = 'RefusedFile';
    this.column = column;
  }
}

export interface DetectOptions {
  /** Only this vendor's shapes and the canonical ones (or only the canonical ones) are tried: `--vendor`. */
  readonly vendor?: VendorName | 'canonical';
  /**
   * The vendor most files of this ingest belong to: a file that fits one of its shapes is that vendor's,
   * even when another vendor's look-alike lookup (departments: id, name, external_id...) matches more.
   */
  readonly prefer?: VendorName;
  /** Custom mappings (`--mapping`): tried first; a file none of them fits is detected as usual. */
  readonly mappings?: readonly MappedTable[];
}

interface Candidate {
  readonly spec: TableSpec;
  readonly vendor?: VendorName;
  readonly missing: readonly string[];
  readonly matched: number;
  /** Columns the header must have: the required ones, or a vendor table's signature. */
  readonly needed: number;
  readonly hinted: boolean;
  /** The file name is exactly one of the table's names (`departments.csv` for departments). */
  readonly named: boolean;
  /** A vendor table hirescope recognises and does not read (VendorTable.unused). */
  readonly unused: boolean;
  /** Every header column is one of the table's columns (or sync metadata). */
  readonly covers: boolean;
}

/**
 * Columns a warehouse sync adds to every table it writes: a header with one of them is that sync's table,
 * never a canonical file nor a vendor's own export (issue 14: Fivetran's hiring_team.csv, with a job_id,
 * was read as canonical jobs and set every job's title to null).
 */
const syncMarkers: readonly { readonly prefix: string; readonly label: string; readonly vendors: string }[] = [
  { prefix: '_fivetran_', label: 'Fivetran', vendors: 'fivetran-' },
  { prefix: '_airbyte_', label: 'Airbyte', vendors: 'airbyte-' },
  { prefix: '_sdc_', label: 'Stitch', vendors: 'stitch-' },
];
const markerOf = (normalizedColumn: string) => syncMarkers.find((m) => normalizedColumn.startsWith(normalizeHeader(m.prefix)));

/**
 * A canonical file names at least this many of its entity's columns: the required ones alone identify
 * only entities that require as many (jobs requires job_id only, and a vendor's bridge table of job_id
 * and user_id, or job_id and department_id, is not a jobs file; job_id and title is one). Fewer only
 * when the file is named after the entity and has no other column (`jobs.csv` listing job ids).
 */
const MIN_CANONICAL_COLUMNS = 2;
/** A vendor table whose signature has at most this many columns (a lookup of id and name) needs its file name or a header of its own columns only. */
const WEAK_SIGNATURE = 2;

const namesOf = (column: ColumnSpec) => [column.name, ...(column.aliases ?? [])].map(normalizeHeader);

function candidateFor(spec: TableSpec, present: ReadonlySet<string>, fileName: string, vendorTable?: VendorTable): Candidate {
  const has = (column: ColumnSpec) => namesOf(column).some((n) => present.has(n));
  const needed = vendorTable
    ? spec.columns.filter((c) => vendorTable.signature.includes(c.name))
    : spec.columns.filter((c) => c.required);
  const known = new Set(spec.columns.flatMap(namesOf));
  return {
    spec,
    vendor: vendorTable?.vendor,
    missing: needed.filter((c) => !has(c)).map((c) => c.name),
    matched: spec.columns.filter(has).length,
    needed: needed.length,
    hinted: vendorTable ? vendorHint(fileName, vendorTable.hints) : spec.name === canonicalHint(fileName),
    named: vendorTable ? vendorTable.hints.includes(fileStem(fileName)) : fileStem(fileName) === spec.name,
    unused: vendorTable?.unused === true,
    covers: [...present].every((n) => n === '' || known.has(n) || markerOf(n) !== undefined),
  };
}

const label = (c: Candidate) => (c.vendor ? `${c.vendor} ${c.spec.name.split(':')[1]}` : c.spec.name);
/** How much of a shape the header has: of its signature, and for a canonical entity also of the columns it needs to be one. */
const share = (c: Candidate) =>
  Math.min((c.needed - c.missing.length) / c.needed, c.vendor ? 1 : c.matched / Math.min(MIN_CANONICAL_COLUMNS, c.spec.columns.length));

/**
 * Detect the table of a header; throws RefusedFile when no shape has all its required columns. A vendor
 * shape wins over a canonical one only by matching more columns (a Greenhouse openings file has `id`
 * besides every canonical openings column); equal matches are settled by the file name, else refused as
 * ambiguous.
 */
export function detectEntity(header: readonly string[], fileName: string, options: DetectOptions = {}): Detection {
  const normalized = header.map(normalizeHeader);
  const seen = new Map<string, number>();
  normalized.forEach((name, index) => {
    const earlier = seen.get(name);
    if (earlier !== undefined && name !== '') {
      throw new RefusedFile(
        `column "${header[index]}" appears twice (columns ${earlier + 1} and ${index + 1})`,
        header[index],
      );
    }
    seen.set(name, index);
  });
  const present = new Set(normalized);
  // A custom mapping is tried first; its explicit headers beat same-named canonical ones.
  const mapped = pickMapped(options.mappings ?? [], normalized);
  if (mapped) {
    return {
      ...columnsOf(mapped.table.spec, header, normalized, mapped.explicit),
      entity: mapped.table.spec,
      transform: mapped.table.transform,
      ...(mapped.stages.length ? { stages: mapped.stages } : {}),
    };
  }
  // `--vendor V` tries V's shapes and the canonical ones (pay files beside an ATS export stay canonical);
  // `--vendor canonical` only the canonical ones. A warehouse sync's table (a `_fivetran_*` column...)
  // is only ever one of the shapes that sync writes.
  const marker = normalized.map(markerOf).find((m) => m !== undefined);
  const canonical = marker ? [] : [...entities.values()].map((spec) => candidateFor(spec, present, fileName));
  const only = options.vendor;
  const vendor =
    only === 'canonical'
      ? []
      : vendorTableSpecs
          .filter((t) => only === undefined || t.vendor === only)
          // A marked header: only the sync's layouts (`fivetran-*`); an unmarked one: no table whose
          // signature demands a marker (an Airbyte record may come bare, so those stay candidates).
          .filter((t) => (marker ? t.vendor.startsWith(marker.vendors) : !t.signature.some((c) => markerOf(normalizeHeader(c)))))
          .map((t) => candidateFor(t, present, fileName, t));
  const candidates = [...canonical, ...vendor];

  // A whole signature, never one shared column: a canonical file names enough of its entity's columns,
  // and a vendor lookup of id and name is one only by its file name or a header of nothing else.
  const fits = candidates.filter(
    (c) =>
      c.missing.length === 0 &&
      (c.vendor
        ? c.needed > WEAK_SIGNATURE || c.named || c.covers || marker !== undefined
        : c.matched >= Math.min(MIN_CANONICAL_COLUMNS, c.spec.columns.length) || (c.named && c.covers)),
  );
  // Another vendor's look-alike never beats a shape of the preferred vendor (canonical shapes still can).
  const preferredFits = fits.some((c) => c.vendor !== undefined && c.vendor === options.prefer);
  const complete = fits
    .filter((c) => !preferredFits || c.vendor === undefined || c.vendor === options.prefer)
    .sort((a, b) => b.matched - a.matched || Number(b.hinted) - Number(a.hinted));
  const best = complete[0];
  if (!best) throw nothingMatches(canonical, vendor, marker?.label);
  if (!best.vendor) {
    // A header that holds the identifier of another entity (opening_id, offer_id...) the winner does not
    // use, and matches more of that entity's columns than of the winner's, is that other entity with
    // columns missing (an openings file without opened_at is not a jobs file). Otherwise the extra column
    // is simply ignored.
    const winnerColumns = new Set(best.spec.columns.map((c) => normalizeHeader(c.name)));
    const betrayed = canonical
      .filter(
        (c) =>
          c.missing.length > 0 &&
          c.matched > best.matched &&
          present.has(normalizeHeader(c.spec.key[0]!)) &&
          !winnerColumns.has(normalizeHeader(c.spec.key[0]!)),
      )
      .sort((a, b) => share(b) - share(a) || Number(b.hinted) - Number(a.hinted))[0];
    if (betrayed) throw missingColumns(betrayed);
  } else {
    // A small vendor table (applications_jobs: application_id, job_id) inside a header that matches more
    // columns of a canonical entity is that entity with columns missing: say which.
    const fuller = canonical.filter((c) => c.missing.length > 0 && c.matched > best.matched).sort((a, b) => b.matched - a.matched)[0];
    if (fuller) throw missingColumns(fuller);
    // The file is named after another table of the same vendor that its header does not complete (Lever's
    // archive_reason without `type` fits the shape of stages): refused, naming both, never mis-filed.
    const named = vendor.find((c) => c.named && c.vendor === best.vendor && c.spec !== best.spec && c.missing.length > 0);
    if (named && !best.named && !complete.some((c) => c.named)) {
      throw new RefusedFile(
        `ambiguous file shape: the name says ${label(named)}, but the header lacks ${named.missing.join(', ')}; the header alone fits ${label(best)}. Rename the file or check the export`,
        named.missing[0],
      );
    }
  }
  const rival = complete[1];
  if (rival && (best.vendor || rival.vendor) && rival.matched === best.matched && rival.hinted === best.hinted) {
    throw new RefusedFile(
      `ambiguous file shape: it could be ${label(best)} or ${label(rival)}; name the file after its table (e.g. ${label(best).split(' ').at(-1)}.csv) or pass --vendor`,
    );
  }

  return { ...columnsOf(best.spec, header, normalized), entity: best.spec, vendor: best.vendor, ...(best.unused ? { unused: true } : {}) };
}

/**
 * Which position of the file feeds each column; personal-data and unknown columns are listed apart.
 * `explicit` (a custom mapping): positions and the columns they feed, whatever their header is spelled
 * like; the other columns take a header spelled like them when no mapped header feeds them already.
 */
function columnsOf(
  spec: TableSpec,
  header: readonly string[],
  normalized: readonly string[],
  explicit: ReadonlyMap<number, readonly string[]> = new Map(),
): Pick<Detection, 'sources' | 'dropped' | 'ignored' | 'notes'> {
  const byName = new Map(spec.columns.flatMap((c) => namesOf(c).map((n) => [n, c.name] as const)));
  const dropped: string[] = [];
  const ignored: string[] = [];
  const notes: string[] = [];
  const sources = new Map<string, number>();
  for (const [index, columns] of explicit) for (const column of columns) sources.set(column, index);
  header.forEach((raw, index) => {
    if (explicit.has(index)) return;
    const column = byName.get(normalized[index]!);
    // A column spelled two ways in one header (`location` and `location_name`): the first one counts.
    if (column && !sources.has(column)) {
      sources.set(column, index);
      return;
    }
    const mappedFrom = column !== undefined && [...explicit].find(([, columns]) => columns.includes(column));
    if (mappedFrom) notes.push(`column "${raw}" ignored: the mapping feeds ${column} from "${header[mappedFrom[0]]}"`);
    if (isPersonalDataColumn(raw, spec.name)) dropped.push(raw);
    else ignored.push(raw);
  });
  return { sources, dropped, ignored, ...(notes.length ? { notes } : {}) };
}

function missingColumns(candidate: Candidate): RefusedFile {
  const plural = candidate.missing.length > 1 ? 's' : '';
  return new RefusedFile(
    `unknown file shape: closest entity is ${candidate.spec.name}, missing required column${plural} ${candidate.missing.join(', ')}`,
    candidate.missing[0],
  );
}

const closest = (list: readonly Candidate[]) =>
  [...list].sort((a, b) => share(b) - share(a) || b.matched - a.matched || Number(b.hinted) - Number(a.hinted))[0];

/** The refusal of a header nothing matches: the closest canonical entity, then each vendor's closest shape. */
function nothingMatches(canonical: readonly Candidate[], vendor: readonly Candidate[], sync?: string): RefusedFile {
  const lacking = (c: Candidate) =>
    c.missing.length
      ? `missing ${c.missing.join(', ')}`
      : c.vendor
        ? `a lookup of ${c.spec.columns.map((col) => col.name).join(', ')} is recognised by its file name (${c.spec.name.split(':')[1]}.csv)`
        : `only ${c.matched} of its columns present, at least ${MIN_CANONICAL_COLUMNS} needed`;
  const best = closest(canonical);
  const tried = [...new Set(vendor.map((c) => c.vendor!))]
    .map((name) => closest(vendor.filter((c) => c.vendor === name))!)
    .filter((c) => c.matched > 0)
    .sort((a, b) => share(b) - share(a));
  const triedText = tried.length ? `; vendor shapes tried: ${tried.map((c) => `${label(c)} (${lacking(c)})`).join('; ')}` : '';
  if (best) {
    const error = best.missing.length
      ? missingColumns(best)
      : new RefusedFile(`unknown file shape: closest entity is ${best.spec.name}, ${lacking(best)}`);
    return new RefusedFile(error.message + triedText, error.column);
  }
  const first = tried[0] ?? closest(vendor);
  const what = sync ? `unknown ${sync} sync table` : 'unknown file shape';
  if (!first) return new RefusedFile(`${what}: no ${sync ?? ''} layout of it is supported (see docs/importing.md)`.replace('  ', ' '));
  return new RefusedFile(`${what}: closest is ${label(first)}, ${lacking(first)}${triedText}`, first.missing[0]);
}

function canonicalHint(fileName: string): EntityName | undefined {
  const base = fileStem(fileName);
  for (const name of entities.keys()) if (base.includes(name)) return name;
  if (base.includes('stage')) return 'stage_history';
  if (base.includes('fx') || base.includes('exchange')) return 'fx_rates';
  if (base.includes('salar') || base.includes('roster') || base.includes('payroll')) return 'compensation';
  return undefined;
}

function vendorHint(fileName: string, hints: readonly string[]): boolean {
  const base = fileStem(fileName);
  return hints.some((h) => base === h || base.endsWith(`_${h}`) || base.startsWith(`${h}_`));
}

function fileStem(fileName: string): string {
  return path.basename(fileName).toLowerCase().replace(/\.(csv|jsonl|ndjson)$/, '').replace(/[\s\-]+/g, '_');
}
