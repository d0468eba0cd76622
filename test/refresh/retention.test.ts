/**
 * Archive retention (issue 16): what `rebuild` needs from the archive index (snapshot semantics: a later
 * export that replaces its table whole makes the earlier files of that kind unnecessary), and pruning
 * real archived files beyond the window of the last runs — on crafted indexes, no refresh needed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  archiveFile,
  archivedPath,
  archiveIndexFile,
  neededForRebuild,
  pruneArchive,
  readArchiveIndex,
  type ArchiveEntry,
  type IndexLine,
} from '../../pipelines/refresh/archive.ts';
import { tempDir } from '../helpers/tmp.ts';

/**
 * An index line of run `runId`. `how`: 'whole' (a whole export, nothing quarantined, nothing carried),
 * 'part' (loaded by key), or the fields themselves; no kind: a line written before issue 16.
 */
function line(runId: string, name: string, kind?: string, how?: 'whole' | 'part' | Partial<ArchiveEntry>): ArchiveEntry {
  const fields = how === 'whole' ? { whole: true, rowsRejected: 0, carried: [] } : how === 'part' ? { whole: false, rowsRejected: 0, carried: [] } : (how ?? {});
  return { sha256: createHash('sha256').update(`${runId}/${name}`).digest('hex'), name, runId, ...(kind ? { kind } : {}), ...fields };
}
const start = (runId: string): IndexLine => ({ cleanStart: true, runId, data: 'real' });
const names = (entries: ArchiveEntry[]) => entries.map((e) => `${e.runId}:${e.name}`);

describe('neededForRebuild', () => {
  it('snapshot semantics: only the latest replacing export of a table, with its parts and what follows it', () => {
    const lines = [
      start('r1'),
      line('r1', 'jobs.csv', 'jobs', 'whole'),
      line('r1', 'applications.csv', 'applications', 'part'),
      line('r2', 'jobs.csv', 'jobs', 'whole'),
      line('r2', 'applications.csv', 'applications', 'part'),
      line('r3', 'jobs-1.csv', 'jobs', 'whole'),
      line('r3', 'jobs-2.csv', 'jobs', 'part'), // the second part of r3's export: loaded by key after the first
      line('r4', 'applications.csv', 'applications', 'part'),
    ];
    // jobs: r3 replaced r1's and r2's; applications merge by key, every file counts.
    expect(names(neededForRebuild(lines))).toEqual(['r1:applications.csv', 'r2:applications.csv', 'r3:jobs-1.csv', 'r3:jobs-2.csv', 'r4:applications.csv']);
  });

  it('a whole export with a quarantined row, a line without kind and anything before the clean start', () => {
    const lines = [
      line('r0', 'jobs.csv', 'jobs', 'whole'),
      start('r1'),
      line('r1', 'jobs.csv', 'jobs', 'whole'),
      // whole, but a quarantined row keeps its old version: r1's file still counts
      line('r2', 'jobs.csv', 'jobs', { whole: true, rowsRejected: 1, carried: [] }),
      line('r3', 'legacy.csv'), // written before issue 16: no kind, never superseded
      line('r3', 'offers.csv', 'offers'), // a kind but no other field: supersedes nothing
      line('r4', 'offers.csv', 'offers', 'part'),
    ];
    expect(names(neededForRebuild(lines))).toEqual(['r1:jobs.csv', 'r2:jobs.csv', 'r3:legacy.csv', 'r3:offers.csv', 'r4:offers.csv']);
  });

  it('a whole export lacking a column replaces the earlier files only if they all lacked it too (else it kept their values)', () => {
    const lacking = { whole: true, rowsRejected: 0, carried: ['closed_at'] };
    // Every export lacks closed_at: r2's replaces r1's.
    expect(names(neededForRebuild([line('r1', 'jobs.csv', 'jobs', lacking), line('r2', 'jobs.csv', 'jobs', lacking)]))).toEqual(['r2:jobs.csv']);
    // r1's had closed_at, which r2's rows kept: both count, until r3's export has every column.
    const mixed = [line('r1', 'jobs.csv', 'jobs', 'whole'), line('r2', 'jobs.csv', 'jobs', lacking)];
    expect(names(neededForRebuild(mixed))).toEqual(['r1:jobs.csv', 'r2:jobs.csv']);
    expect(names(neededForRebuild([...mixed, line('r3', 'jobs.csv', 'jobs', 'whole')]))).toEqual(['r3:jobs.csv']);
  });

  it('FX rates replaced later stay while a file of another kind loaded between them is replayed (currencies are checked against them)', () => {
    const pay = [start('r1'), line('r1', 'fx_rates.csv', 'fx_rates', 'whole'), line('r1', 'compensation.csv', 'compensation', 'whole')];
    const later = [line('r2', 'fx_rates.csv', 'fx_rates', 'whole'), line('r2', 'compensation.csv', 'compensation', 'whole')];
    // Both kinds replaced in r2: r1's pay file is not replayed, so r1's rates are not needed either.
    expect(names(neededForRebuild([...pay, ...later]))).toEqual(['r2:fx_rates.csv', 'r2:compensation.csv']);
    // An incremental offers file of r1 is replayed before r2's rates: r1's rates must be there for it.
    const withOffers = [...pay, line('r1', 'offers.csv', 'offers', 'part'), ...later];
    expect(names(neededForRebuild(withOffers))).toEqual(['r1:fx_rates.csv', 'r1:offers.csv', 'r2:fx_rates.csv', 'r2:compensation.csv']);
  });
});

describe('pruneArchive', () => {
  const tmp = tempDir('hs-retention-');
  afterAll(() => tmp.cleanup());

  it('keeps the last 2 runs and what rebuild needs, removes the rest (files and index lines), and old files no line names', () => {
    const archive = path.join(tmp.dir, 'archive');
    const inputs = path.join(tmp.dir, 'inputs');
    mkdirSync(inputs, { recursive: true });
    /** Archive `content` as `name` of run `runId` for real; returns its index line. */
    const archived = (runId: string, name: string, content: string, kind: string, whole: boolean): ArchiveEntry => {
      const dir = path.join(inputs, runId);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, name), content);
      const sha256 = createHash('sha256').update(content).digest('hex');
      archiveFile(archive, path.join(dir, name), sha256);
      return { sha256, name, runId, kind, whole, rowsRejected: 0, carried: [] };
    };
    const runs = ['20261201-010000-11', '20261202-010000-12', '20261203-010000-13', '20261204-010000-14'];
    const [r1, r2, r3, r4] = runs as [string, string, string, string];
    const jobs1 = 'job_id\nj1\n';
    const lines: IndexLine[] = [
      { cleanStart: true, runId: r1, data: 'real' },
      archived(r1, 'jobs.csv', jobs1, 'jobs', true),
      archived(r1, 'applications.csv', 'application_id\na1\n', 'applications', false),
      archived(r2, 'jobs.csv', 'job_id\nj1\nj2\n', 'jobs', true), // 6 + 1 + 2 + 1 + 2 + 1 = 13 bytes: replaced by r3's, outside the window
      archived(r2, 'applications.csv', 'application_id\na2\n', 'applications', false),
      archived(r3, 'jobs.csv', 'job_id\nj1\nj2\nj3\n', 'jobs', true),
      archived(r3, 'applications.csv', 'application_id\na3\n', 'applications', false),
      archived(r4, 'jobs.csv', jobs1, 'jobs', true), // r1's export delivered again: the same archived file
    ];
    writeFileSync(archiveIndexFile(archive), lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
    // Files no line names (a failed run's inputs): one archived before r3 (the oldest run kept), one after.
    const orphanOld = archived(r2, 'offers.csv', 'offer_id\no1\n', 'offers', false); // 8 + 1 + 2 + 1 = 12 bytes
    const orphanNew = archived(r3, 'offers.csv', 'offer_id\no1\no2\n', 'offers', false);
    const at = (iso: string) => new Date(iso);
    utimesSync(archivedPath(archive, orphanOld.sha256, 'offers.csv'), at('2026-12-02T12:00:00Z'), at('2026-12-02T12:00:00Z'));
    utimesSync(archivedPath(archive, orphanNew.sha256, 'offers.csv'), at('2026-12-03T12:00:00Z'), at('2026-12-03T12:00:00Z'));
    const needed = names(neededForRebuild(lines));
    expect(needed).toEqual([`${r1}:applications.csv`, `${r2}:applications.csv`, `${r3}:applications.csv`, `${r4}:jobs.csv`]);

    const result = pruneArchive(archive, { runs: 2 });

    const r2jobs = lines[3] as ArchiveEntry;
    expect(result.removed.sort()).toEqual(
      [archivedPath(archive, r2jobs.sha256, 'jobs.csv'), archivedPath(archive, orphanOld.sha256, 'offers.csv')].sort(),
    );
    expect(result.bytes).toBe(13 + 12); // 'job_id\nj1\nj2\n' + 'offer_id\no1\n'
    // Index: r1's and r2's jobs lines go (8 lines -> 6); r1's jobs file stays, r4 delivered it again.
    expect(result.lines).toBe(2);
    const left = readArchiveIndex(archive);
    expect(left).toEqual([lines[0], lines[2], lines[4], lines[5], lines[6], lines[7]]);
    expect(existsSync(archivedPath(archive, (lines[1] as ArchiveEntry).sha256, 'jobs.csv'))).toBe(true);
    // The emptied content folders are gone: 8 folders (6 distinct contents + 2 orphans) less 2.
    expect(readdirSync(archive).filter((name) => name !== 'index.jsonl')).toHaveLength(6);
    // Rebuild still finds every file it needs, and needs the same.
    expect(names(neededForRebuild(left))).toEqual(needed);
    for (const entry of neededForRebuild(left)) expect(readFileSync(archivedPath(archive, entry.sha256, entry.name), 'utf8')).toMatch(/\n$/);
    // A second pass removes nothing more.
    expect(pruneArchive(archive, { runs: 2 })).toEqual({ removed: [], bytes: 0, lines: 0 });
  });

  it('an index without kinds (written before issue 16) loses only what is before the clean start and outside the window', () => {
    const archive = path.join(tmp.dir, 'legacy');
    const lines: IndexLine[] = [
      { cleanStart: true, runId: '20261101-000000-1', data: 'sample' },
      line('20261101-000000-1', 'jobs.csv'),
      { cleanStart: true, runId: '20261102-000000-2', data: 'real' },
      line('20261102-000000-2', 'jobs.csv'),
      line('20261103-000000-3', 'jobs.csv'),
      line('20261104-000000-4', 'jobs.csv'),
    ];
    mkdirSync(archive, { recursive: true });
    for (const l of lines) {
      if ('cleanStart' in l) continue;
      mkdirSync(path.join(archive, l.sha256));
      writeFileSync(archivedPath(archive, l.sha256, l.name), 'job_id\n');
    }
    writeFileSync(archiveIndexFile(archive), lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
    const result = pruneArchive(archive, { runs: 1 });
    // Only the sample run (before the last clean start, outside the 1-run window) goes: its marker and file.
    expect(result.lines).toBe(2);
    expect(result.removed).toEqual([archivedPath(archive, (lines[1] as ArchiveEntry).sha256, 'jobs.csv')]);
    expect(readArchiveIndex(archive)).toEqual(lines.slice(2));
  });
});
