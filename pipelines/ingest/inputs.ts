/**
 * What `ingest` and the refresh read: regular files only, each under the size cap (issue 16). Everything
 * is judged with lstat before a byte is read: opening a FIFO blocks until a writer comes, /dev/zero never
 * ends, and a symbolic link may point anywhere (/etc/passwd), so none of them is opened, hashed or archived.
 */
import { lstatSync, readdirSync, readlinkSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';

const EXPORT_FILE = /\.(csv|jsonl|ndjson)$/i;

/** The default size cap per file: 10 GiB (config `maxFileBytes`). */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 ** 3;

export interface InputFile {
  readonly path: string;
  readonly bytes: number;
}

/**
 * A path that is not read: `skipped` (a special file or link found in a folder: the rest loads) or
 * `refused` (named on the command line, or over the size cap: the command fails for it).
 */
export interface ExcludedInput {
  readonly path: string;
  readonly status: 'skipped' | 'refused';
  readonly bytes: number;
  readonly message: string;
}

export interface ListedInputs {
  readonly files: readonly InputFile[];
  readonly excluded: readonly ExcludedInput[];
}

/** What a non-regular file is, in words (for the message naming it). */
function describe(stat: Stats, file: string): string {
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  if (stat.isSymbolicLink()) {
    let target = '?';
    try {
      target = readlinkSync(file);
    } catch {
      // unreadable link: named without its target
    }
    return `a symbolic link (to ${target})`;
  }
  if (stat.isDirectory()) return 'a folder';
  return 'not a regular file';
}

const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
/** 12884901888 -> "12 GiB"; exact byte counts stay in the message beside it. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${Number(value.toFixed(1))} ${units[unit]}`;
}

/** The refusal of a file over the cap: its size, the cap, and the key that raises it. */
export function overCapMessage(bytes: number, maxFileBytes: number): string {
  const both = (n: number) => (n < 1024 ? `${n} bytes` : `${n} bytes (${formatBytes(n)})`);
  return `${both(bytes)}, over the size cap of ${both(maxFileBytes)} per file; nothing read. Raise maxFileBytes in hirescope.config.json to load it`;
}

/**
 * Expand files and folders into the regular files to read (folders: their `.csv`/`.jsonl`/`.ndjson`
 * entries, sorted, not recursive) and the paths left out, with why. A path named here that is a special
 * file or a symbolic link to a file is refused; a folder named here may be a link (an inbox on another
 * disk), its entries may not. A missing path is an error.
 */
export function listInputs(inputs: readonly string[], { maxFileBytes = DEFAULT_MAX_FILE_BYTES }: { maxFileBytes?: number } = {}): ListedInputs {
  const files: InputFile[] = [];
  const excluded: ExcludedInput[] = [];
  const judge = (file: string, stat: Stats, inFolder: boolean) => {
    if (!stat.isFile()) {
      const what = describe(stat, file);
      excluded.push({
        path: file,
        status: inFolder ? 'skipped' : 'refused',
        bytes: 0,
        message: `${what}, not a regular file: ${inFolder ? 'skipped' : 'refused'} before anything was read or archived`,
      });
    } else if (stat.size > maxFileBytes) {
      excluded.push({ path: file, status: 'refused', bytes: stat.size, message: overCapMessage(stat.size, maxFileBytes) });
    } else files.push({ path: file, bytes: stat.size });
  };
  for (const input of inputs) {
    const own = lstatSync(input, { throwIfNoEntry: false });
    if (!own) throw new Error(`${input}: no such file or folder`);
    const followed = own.isSymbolicLink() ? statSync(input, { throwIfNoEntry: false }) : own;
    if (followed?.isDirectory()) {
      for (const name of readdirSync(input).filter((n) => EXPORT_FILE.test(n)).sort()) {
        const file = path.join(input, name);
        const stat = lstatSync(file, { throwIfNoEntry: false });
        if (stat) judge(file, stat, true);
      }
    } else judge(input, own, false);
  }
  return { files, excluded };
}

/** Whether a folder holds any export file (CSV or JSON lines) that is a regular file. */
export function hasExports(dir: string): boolean {
  const stat = statSync(dir, { throwIfNoEntry: false });
  if (!stat?.isDirectory()) return false;
  return readdirSync(dir).some((name) => EXPORT_FILE.test(name) && lstatSync(path.join(dir, name), { throwIfNoEntry: false })?.isFile());
}

/**
 * The files a refresh reads from its inbox, judged before the archive phase hashes or copies any: a
 * special file or link is skipped and reported through `skipped` (the rest loads), a file over the cap
 * stops the run (nothing archived, nothing published).
 */
export function inboxInputs(dir: string, maxFileBytes: number, skipped: (left: ExcludedInput) => void): string[] {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return [];
  const { files, excluded } = listInputs([dir], { maxFileBytes });
  for (const left of excluded) if (left.status === 'skipped') skipped(left);
  const refused = excluded.filter((left) => left.status === 'refused');
  if (refused.length) {
    throw new Error(`refused ${refused.length} file(s), nothing published: ${refused.map((left) => `${left.path}: ${left.message}`).join('; ')}`);
  }
  return files.map((f) => f.path);
}
