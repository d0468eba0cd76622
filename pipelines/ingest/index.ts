/**
 * `hirescope ingest`: load CSV files and folders into the warehouse, one transaction per file, with a
 * ledger of runs and files (DESIGN §1, §8).
 */
import type { Warehouse } from '../lib/duckdb.ts';
import { configSchema, type Config } from '../lib/config.ts';
import { deriveVendor, needsDerivation, type Derivation } from '../vendors/derive.ts';
import { ensureVendorTables, vendors, type VendorName } from '../vendors/index.ts';
import { detectEntity, RefusedFile, type Detection, type DetectOptions } from './detect.ts';
import { applyFile, prepareFile, type ReadAs, type WholeExport } from './load.ts';
import { closestMapped, loadMapping } from './mapping.ts';
import { normalizeHeader } from './entities.ts';
import { isJsonLines, sha256File, sniffCsv, sniffJsonLines } from './sniff.ts';
import { ensureSchema } from './schema.ts';
import { listInputs } from './inputs.ts';

/**
 * `ignored`: a vendor table hirescope recognises and does not read (Fivetran's hiring_team, tag...):
 * nothing of it is loaded, and it is not an error.
 */
export type FileStatus = 'loaded' | 'skipped' | 'refused' | 'ignored';

export interface FileResult {
  readonly path: string;
  readonly kind: string | null;
  readonly rowsRead: number;
  readonly rowsLoaded: number;
  readonly rowsRejected: number;
  /** Rows of the previous export this whole export no longer holds, removed (vendor tables; canonical files marked full). */
  readonly rowsRemoved: number;
  readonly status: FileStatus;
  /** Loaded as a whole export of its table: the previous export's rows it no longer holds were removed. */
  readonly whole: boolean;
  /**
   * Columns of its table the file lacks, whose loaded values its rows kept (issue 14). With `whole`, no
   * row quarantined and nothing carried that an earlier file had, no earlier file of the kind is needed
   * to give the same table: the archive index records both, for `rebuild` and pruning.
   */
  readonly carried: readonly string[];
  readonly message: string;
  readonly droppedColumns: readonly string[];
  readonly ignoredColumns: readonly string[];
}

export interface IngestResult {
  readonly runId: number;
  readonly files: readonly FileResult[];
  readonly rowsRejected: number;
  /** Canonical tables derived from vendor exports in this run (empty when only canonical files loaded). */
  readonly derived: readonly Derivation[];
}

export interface IngestOptions {
  /** Vendor settings (prospects, office countries...) and the organisation time zone. */
  readonly config?: Config;
  /** Only this vendor's shapes and the canonical ones (or only the canonical ones) are tried: `--vendor`. */
  readonly vendor?: VendorName | 'canonical';
  /** Custom mapping file (`--mapping`); default: the config's vendors.mapping. */
  readonly mapping?: string;
  /**
   * Canonical files of this call are whole exports of their entity (`--full`, config fullExports): rows
   * they no longer hold are removed. Vendor tables always are.
   */
  readonly full?: boolean;
  /** Load a whole export even when it holds fewer than half the rows of the previous one (`--force`). */
  readonly force?: boolean;
  /** Called after each file, for progress output. */
  readonly onFile?: (result: FileResult) => void;
  /** Command recorded in the run ledger. */
  readonly command?: string;
}

export { hasExports } from './inputs.ts';

/**
 * The regular files of some files and folders (see listInputs: special files, links and files over the
 * cap are left out); a missing path is an error.
 */
export function expandInputs(inputs: readonly string[], options: { maxFileBytes?: number } = {}): string[] {
  return listInputs(inputs, options).files.map((f) => f.path);
}

interface Planned {
  readonly file: string;
  readonly bytes: number;
  readonly header?: readonly string[];
  readonly pointers?: readonly string[];
  readonly readAs?: ReadAs;
  readonly detection?: Detection;
  readonly refusal?: RefusedFile;
}

async function plan(file: string, options: DetectOptions): Promise<Planned> {
  let header: readonly string[] | undefined;
  try {
    const sniffed = isJsonLines(file) ? await sniffJsonLines(file) : await sniffCsv(file);
    header = sniffed.header;
    return {
      file,
      bytes: sniffed.bytes,
      header: sniffed.header,
      ...(sniffed.pointers ? { pointers: sniffed.pointers } : {}),
      readAs: { encoding: sniffed.encoding, bom: sniffed.bom, delimiter: sniffed.delimiter },
      detection: detectEntity(sniffed.header, file, options),
    };
  } catch (error) {
    if (!(error instanceof RefusedFile)) throw error;
    // With a custom mapping, a file nothing fits is told first which mapping table came closest.
    const closest = header && options.mappings?.length ? closestMapped(options.mappings, header.map(normalizeHeader)) : undefined;
    return { file, bytes: 0, refusal: closest ? new RefusedFile(`${closest}; ${error.message}`, error.column) : error };
  }
}

/** Ingest files and folders. Refused files are reported, never half-loaded; other files still load. */
export async function ingest(warehouse: Warehouse, inputs: readonly string[], options: IngestOptions = {}): Promise<IngestResult> {
  const config = options.config ?? configSchema.parse({});
  // The mapping is checked first: a mapping that cannot load any file stops here, before a file is read.
  const mappingFile = options.mapping ?? config.vendors.mapping;
  const detectOptions: DetectOptions = { vendor: options.vendor, mappings: mappingFile ? loadMapping(mappingFile) : [] };
  await ensureSchema(warehouse);
  // Special files, links and files over the cap are judged before anything is opened, hashed or archived.
  const listed = listInputs(inputs, { maxFileBytes: config.maxFileBytes });
  const files = listed.files.map((f) => f.path);
  const firstLook = await Promise.all(files.map((file) => plan(file, detectOptions)));
  // Files of one export belong together: when most vendor files are one vendor's, a file that also fits
  // that vendor's shapes is read as that vendor's.
  const counts = new Map<string, number>();
  for (const p of firstLook) if (p.detection?.vendor) counts.set(p.detection.vendor, (counts.get(p.detection.vendor) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const dominant = ranked[0] && ranked[0][1] !== ranked[1]?.[1] ? (ranked[0][0] as VendorName) : undefined;
  const planned = firstLook.map((p) => {
    // A refused file gets the same second look: it may be refused only as another vendor's look-alike.
    if (!dominant || (!p.detection?.vendor && !p.refusal) || p.detection?.vendor === dominant || !p.header) return p;
    try {
      const { refusal: _refusal, ...rest } = p;
      return { ...rest, detection: detectEntity(p.header, p.file, { ...detectOptions, prefer: dominant }) };
    } catch {
      return p;
    }
  });
  // Currencies and rates first, then the rows that use them (stable within an entity).
  planned.sort((a, b) => (a.detection?.entity.order ?? -1) - (b.detection?.entity.order ?? -1));

  const run = await warehouse.maybeOne<{ run_id: number }>(
    `INSERT INTO ingest_runs (run_id, command, started_at, status)
     VALUES (nextval('ingest_run_seq'), $command, now(), 'running') RETURNING run_id::INTEGER AS run_id`,
    { command: options.command ?? 'ingest' },
  );
  const runId = run!.run_id;
  for (const vendor of vendors) {
    if (planned.some((p) => p.detection?.vendor === vendor.name && !p.detection.unused)) await ensureVendorTables(warehouse, vendor);
  }
  // Files are hashed one after the other in load order while DuckDB reads the one before (the main
  // thread is idle during a query), so hashing adds no time before the first read.
  const hashes: Promise<string>[] = [];
  for (const item of planned) {
    hashes.push((hashes.at(-1) ?? Promise.resolve('')).then(() => sha256File(item.file).catch(() => '')));
  }
  const results: FileResult[] = [];
  for (const left of listed.excluded) {
    const result: FileResult = {
      path: left.path,
      kind: null,
      rowsRead: 0,
      rowsLoaded: 0,
      rowsRejected: 0,
      rowsRemoved: 0,
      status: left.status,
      whole: false,
      carried: [],
      message: left.message,
      droppedColumns: [],
      ignoredColumns: [],
    };
    await writeLedger(warehouse, { runId, fileId: await nextFileId(warehouse), sha256: '', bytes: left.bytes }, result);
    results.push(result);
    options.onFile?.(result);
  }
  // Snapshot semantics: the first file of a table in this call replaces the previous export of that table
  // whole; further files of the same table in the call (an export split in parts) add to it by key.
  const fullEntities = config.fullExports === true || options.full ? 'all' : new Set<string>(config.fullExports || []);
  const loadedTables = new Set<string>(); // tables a file of this call loaded
  const wholeTables = new Set<string>(); // tables whose previous export a file of this call replaced
  for (const [index, item] of planned.entries()) {
    const entity = item.detection?.entity;
    const isWhole =
      entity !== undefined &&
      !item.detection!.unused &&
      !loadedTables.has(entity.name) &&
      (item.detection!.vendor !== undefined || fullEntities === 'all' || fullEntities.has(entity.name));
    const whole: WholeExport | undefined = isWhole
      ? {
          // A vendor's raw table holds only that export; a canonical table also holds rows derived from
          // vendor exports, which a canonical file of the entity may not remove.
          scope: item.detection!.vendor ? 'true' : 't._file_id IN (SELECT file_id FROM ingest_files WHERE kind = $scope_kind)',
          scopeKind: entity.name,
          force: options.force ?? false,
        }
      : undefined;
    const partAfterReplacement = entity !== undefined && !whole && wholeTables.has(entity.name);
    const result = await ingestOne(warehouse, runId, { ...item, sha256: await hashes[index]! }, whole, partAfterReplacement);
    if (result.status === 'loaded' && whole && entity) wholeTables.add(entity.name);
    if (result.status === 'loaded' && entity) loadedTables.add(entity.name);
    results.push(result);
    options.onFile?.(result);
  }
  // Vendor exports: derive the canonical tables from the raw tables of each vendor with new rows.
  const derived: Derivation[] = [];
  for (const vendor of vendors) {
    if (await needsDerivation(warehouse, vendor)) derived.push(...(await deriveVendor(warehouse, vendor, config)));
  }
  const sum = (key: 'rowsRead' | 'rowsLoaded' | 'rowsRejected') => results.reduce((total, r) => total + r[key], 0);
  const refused = results.filter((r) => r.status === 'refused');
  await warehouse.run(
    `UPDATE ingest_runs SET finished_at = now(), status = $status, files = $files, rows_read = $read,
       rows_loaded = $loaded, rows_rejected = $rejected, error = $error WHERE run_id = $run_id`,
    {
      status: refused.length ? 'failed' : 'ok',
      files: results.length,
      read: sum('rowsRead'),
      loaded: sum('rowsLoaded'),
      rejected: sum('rowsRejected'),
      error: refused.length ? refused.map((r) => `${r.path}: ${r.message}`).join('\n') : null,
      run_id: runId,
    },
  );
  return { runId, files: results, rowsRejected: sum('rowsRejected'), derived };
}

/**
 * @param whole the file is a whole export of its table (snapshot semantics)
 * @param partAfterReplacement another part of the same table was loaded whole earlier in this call: an
 *   identical file must load again, the replacement removed its rows
 */
async function ingestOne(
  warehouse: Warehouse,
  runId: number,
  item: Planned & { readonly sha256: string },
  whole?: WholeExport,
  partAfterReplacement = false,
): Promise<FileResult> {
  const base = {
    path: item.file,
    kind: item.detection?.entity.name ?? null,
    droppedColumns: item.detection?.dropped ?? [],
    ignoredColumns: item.detection?.ignored ?? [],
  };
  const ledger = async (result: FileResult, fileId?: number) =>
    writeLedger(warehouse, { runId, fileId: fileId ?? (await nextFileId(warehouse)), sha256: item.sha256, bytes: item.bytes }, result);
  /** A file of which nothing is loaded: refused, ignored or skipped, with the reason. */
  const nothingLoaded = async (status: FileStatus, message: string) => {
    const result: FileResult = { ...base, rowsRead: 0, rowsLoaded: 0, rowsRejected: 0, rowsRemoved: 0, status, whole: false, carried: [], message };
    await ledger(result);
    return result;
  };
  const refuse = (error: RefusedFile) => nothingLoaded('refused', error.message);
  if (item.refusal || !item.detection) return refuse(item.refusal ?? new RefusedFile('not recognised'));
  if (item.detection.unused) {
    const table = item.detection.entity.name.split(':')[1];
    const vendor = item.detection.vendor;
    const vendorLabel = vendors.find((v) => v.name === vendor)?.label ?? vendor;
    return nothingLoaded('ignored', `not used: table ${table} of ${vendorLabel}, which hirescope does not read; nothing loaded`);
  }

  const seen = await warehouse.maybeOne<{ path: string }>(
    `SELECT path FROM ingest_files WHERE sha256 = $sha256 AND status = 'loaded' ORDER BY file_id LIMIT 1`,
    { sha256: item.sha256 },
  );
  // A whole export identical to an earlier file is skipped only while it is still part of its table's
  // current export (the files of that table loaded by the latest run that loaded one): delivered again
  // after another export replaced it, it is the snapshot again and loads.
  const current = whole
    ? (await warehouse.maybeOne<{ current: boolean }>(
        `SELECT count(*) > 0 AS current FROM ingest_files
         WHERE status = 'loaded' AND kind = $kind AND sha256 = $sha256
           AND run_id = (SELECT run_id FROM ingest_files WHERE status = 'loaded' AND kind = $kind ORDER BY file_id DESC LIMIT 1)`,
        { kind: item.detection.entity.name, sha256: item.sha256 },
      ))!.current
    : true;
  if (seen && current && !partAfterReplacement) {
    return nothingLoaded('skipped', `identical to ${seen.path}, already loaded`);
  }

  const fileId = await nextFileId(warehouse);
  const detection = item.detection;
  try {
    const prepared = await prepareFile(warehouse, item.file, item.header ?? [], detection, item.pointers, item.readAs);
    try {
      return await warehouse.transaction(async () => {
        const counts = await applyFile(warehouse, prepared, fileId, whole);
        const notes = [
          whole ? `replaces the previous export whole: ${counts.rowsRemoved} row(s) no longer in it removed` : '',
          counts.records !== undefined ? `stage columns: ${counts.records} records gave ${counts.rowsRead} stage rows` : '',
          ...prepared.notes,
          ...(detection.notes ?? []),
          detection.dropped.length ? `personal-data columns dropped: ${detection.dropped.join(', ')}` : '',
          detection.ignored.length ? `columns ignored: ${detection.ignored.map((c) => c || '(unnamed)').join(', ')}` : '',
        ].filter(Boolean);
        const carried = detection.entity.replaceBy ? [] : detection.entity.columns.map((c) => c.name).filter((c) => !detection.sources.has(c));
        const result: FileResult = { ...base, ...counts, status: 'loaded', whole: whole !== undefined, carried, message: notes.join('; ') };
        await ledger(result, fileId);
        return result;
      });
    } finally {
      prepared.dispose();
    }
  } catch (error) {
    if (error instanceof RefusedFile) return refuse(error);
    throw error;
  }
}

async function writeLedger(
  warehouse: Warehouse,
  { runId, fileId, sha256, bytes }: { runId: number; fileId: number; sha256: string; bytes: number },
  result: FileResult,
): Promise<void> {
  await warehouse.run(
    `INSERT INTO ingest_files (file_id, run_id, path, sha256, bytes, kind, rows_read, rows_loaded, rows_rejected,
       status, message, dropped_columns, ignored_columns, ingested_at)
     VALUES ($file_id, $run_id, $path, $sha256, $bytes, $kind, $read, $loaded, $rejected, $status, $message,
       from_json($dropped, '["VARCHAR"]'), from_json($ignored, '["VARCHAR"]'), now())`,
    {
      file_id: fileId,
      run_id: runId,
      path: result.path,
      sha256,
      bytes,
      kind: result.kind,
      read: result.rowsRead,
      loaded: result.rowsLoaded,
      rejected: result.rowsRejected,
      status: result.status,
      message: result.message,
      dropped: JSON.stringify(result.droppedColumns),
      ignored: JSON.stringify(result.ignoredColumns),
    },
  );
}

async function nextFileId(warehouse: Warehouse): Promise<number> {
  const row = await warehouse.maybeOne<{ id: number }>(`SELECT nextval('ingest_file_seq')::INTEGER AS id`);
  return row!.id;
}

