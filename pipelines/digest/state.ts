/**
 * <state>/digest.json: the last digest sent — when, as of which day, and the alerts it listed — so a
 * refresh knows whether a digest is due (cadence.ts) and which alerts are new or resolved since. Written
 * to a temporary file and renamed: it is either the previous one or the complete new one.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readJsonFile } from '../lib/config.ts';
import { digestStateSchema, type DigestState } from '../contract/digest.ts';

export function digestStateFile(stateDir: string): string {
  return path.join(stateDir, 'digest.json');
}

/** The last digest sent, or undefined before the first. A damaged file is an error naming it. */
export function maybeReadDigestState(stateDir: string): DigestState | undefined {
  const file = digestStateFile(stateDir);
  return existsSync(file) ? readJsonFile(file, digestStateSchema) : undefined;
}

export function writeDigestState(stateDir: string, state: DigestState): void {
  mkdirSync(stateDir, { recursive: true });
  const file = digestStateFile(stateDir);
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, `${JSON.stringify(digestStateSchema.parse(state), null, 2)}\n`);
  renameSync(temporary, file);
}
