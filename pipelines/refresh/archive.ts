/**
 * Raw inputs archived per run, content-addressed (DESIGN §8): data/archive/<sha256>/<file name>. A file
 * delivered again costs nothing; `rebuild` replays the ledger from the archive alone.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';

/** Path of an archived file. */
export function archivedPath(archiveDir: string, sha256: string, name: string): string {
  return path.join(archiveDir, sha256, path.basename(name));
}

/** Copy a file into the archive unless the same content is already there; returns the archived path. */
export function archiveFile(archiveDir: string, file: string, sha256: string): string {
  const target = archivedPath(archiveDir, sha256, file);
  if (existsSync(target)) return target;
  mkdirSync(path.dirname(target), { recursive: true });
  const temporary = `${target}.tmp-${process.pid}`;
  copyFileSync(file, temporary);
  renameSync(temporary, target);
  return target;
}
