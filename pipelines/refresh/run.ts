/**
 * A refresh that never breaks the dashboard (DESIGN §8): under the lock, build a new generation — a copy
 * of the warehouse, the ingested inbox, the snapshot and the site — and publish it with one rename. A
 * failure or a kill at any point leaves the published warehouse, snapshot and site as they were; the
 * next run cleans the leftovers. Every input is archived (content-addressed) so `rebuild` can recreate
 * the warehouse from the archive alone.
 */
import { appendFileSync, existsSync, lstatSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../lib/config.ts';
import { openWarehouse, type Warehouse } from '../lib/duckdb.ts';
import { createLogger, type Logger } from '../lib/log.ts';
import { defaultAsOf, newestEvent } from '../metrics/asOf.ts';
import { alertsFor } from '../alerts/index.ts';
import { prepareMetrics } from '../metrics/index.ts';
import type { AlertsReport } from '../contract/alerts.ts';
import { expandInputs, hasExports, ingest, type FileResult } from '../ingest/index.ts';
import type { Derivation } from '../vendors/derive.ts';
import { sha256File } from '../ingest/sniff.ts';
import { inboxInputs, type ExcludedInput } from '../ingest/inputs.ts';
import { writeSnapshot } from '../snapshot/index.ts';
import {
  archiveFile,
  archivedPath,
  archiveIndexFile,
  neededForRebuild,
  pruneArchive,
  readArchiveIndex,
  type ArchiveEntry,
  type CleanStartEntry,
  type IndexLine,
} from './archive.ts';
import { buildSite, repoRoot, sampleDir } from './index.ts';
import { acquireLock } from './lock.ts';
import { notify } from './notify.ts';
import { digestAfterRefresh } from '../digest/send.ts';
import { appendRun, processAlive, readRuns, type RunRecord } from './runs.ts';
import { collectGenerations, completeMarker, currentId, generation, publish, startGeneration, stateLayout, type StateLayout } from './state.ts';
import { collectLeftovers } from './collect.ts';
import { cleanStartReasons, holdsLoadedFiles, planRefresh, publishedOrigin, type RunPlan } from './origin.ts';
import type { CleanStart, DataOrigin } from '../contract/snapshot.ts';

export interface RunRefreshOptions {
  /**
   * Folder of exports. Empty or missing: the warehouse's own data when it holds real exports, else the
   * bundled sample (never the two together).
   */
  readonly inbox: string;
  readonly asOf?: string | undefined;
  readonly layout?: StateLayout;
  readonly logger?: Logger;
  /** Webhook for failures and new alarms (config `notify.webhookUrl` or HIRESCOPE_WEBHOOK_URL). */
  readonly webhookUrl?: string | undefined;
  /**
   * `rebuild`: start from an empty warehouse and replay the archive (since its last clean start) instead
   * of reading the inbox. `reset`: publish an empty warehouse; the archive is kept.
   */
  readonly mode?: RunMode;
  /** refresh: start from an empty warehouse instead of a copy of the published one. */
  readonly fresh?: boolean;
  /** The run's start (default: now): its id, its record and the refresh time freshness is judged against. Tests pin it. */
  readonly now?: Date;
}

export type RunMode = 'refresh' | 'rebuild' | 'reset';

export interface RunRefreshResult {
  readonly runId: string;
  readonly record: RunRecord;
  readonly generation: string;
  readonly alerts: AlertsReport;
}

const phaseOrder = ['prepare', 'archive', 'ingest', 'metrics', 'snapshot', 'build', 'swap'] as const;
export type Phase = (typeof phaseOrder)[number];


/**
 * What `rebuild` replays: the files loaded since the last clean start that the warehouse still depends
 * on (neededForRebuild: not those a later whole export replaced), and what they are (an index written
 * before clean starts were marked: all of it, judged by what is published).
 */
export function replayFromArchive(layout: StateLayout, published: DataOrigin | 'none'): { files: ArchiveEntry[]; data: DataOrigin } {
  const lines = readArchiveIndex(layout.archiveDir);
  const lastStart = lines.findLastIndex((line) => 'cleanStart' in line);
  const files = neededForRebuild(lines);
  const marker = lines[lastStart] as CleanStartEntry | undefined;
  const data = marker?.data ?? (files.length === 0 ? 'empty' : published === 'sample' ? 'sample' : 'real');
  return { files, data };
}

/**
 * Test hook: stop at the start of a phase (or at `published`, right after the rename that publishes) so
 * a fault test can kill the process exactly there.
 */
async function maybePause(phase: Phase | 'published', logger: Logger): Promise<void> {
  if (process.env.HIRESCOPE_TEST_PAUSE_AT !== phase) return;
  logger.event('paused', { phase });
  await new Promise((resolve) => setTimeout(resolve, 60_000));
}

async function openGenerationWarehouse(file: string, config: Config): Promise<Warehouse> {
  try {
    const warehouse = await openWarehouse(file, { timeZone: config.timeZone });
    await warehouse.all('SELECT count(*) FROM duckdb_tables()');
    return warehouse;
  } catch (error) {
    throw new Error(
      `the warehouse cannot be opened (${(error as Error).message.split('\n')[0]}); it may be corrupted — run \`hirescope rebuild\` to recreate it from the archive`,
    );
  }
}

/** Generation file holding the archive index lines of its run, appended to the index once it is published. */
const pendingIndex = 'archive-index.jsonl';

/**
 * Append the index lines of generation `id` that the archive index does not hold yet (all of them after
 * a publish; the rest when the run was killed while appending, or before it, after the rename).
 */
function appendPendingIndex(layout: StateLayout, id: string): void {
  const pending = path.join(generation(layout, id).dir, pendingIndex);
  if (!existsSync(pending)) return;
  const lines = readFileSync(pending, 'utf8').split('\n').filter((line) => line.trim());
  const done = readArchiveIndex(layout.archiveDir).filter((line) => line.runId === id).length;
  if (done >= lines.length) return;
  mkdirSync(layout.archiveDir, { recursive: true });
  const file = archiveIndexFile(layout.archiveDir);
  // A line cut by a kill must not swallow the next one.
  const cut = existsSync(file) && statSync(file).size > 0 && !readFileSync(file, 'utf8').endsWith('\n');
  appendFileSync(file, `${cut ? '\n' : ''}${lines.slice(done).map((line) => `${line}\n`).join('')}`);
}

/**
 * A run killed after the rename that published its generation never wrote its end line, yet its site is
 * live: record it as `ok` (what the generation's manifest and the `current` link tell) and index its
 * archived files, so `history`, `rebuild` and the next run's alarms agree with what is published.
 */
function recordKilledPublish(layout: StateLayout, byRun: string, logger: Logger): void {
  const id = currentId(layout);
  if (id === undefined) return;
  const orphan = readRuns(layout.runsFile, processAlive).find((r) => r.runId === id && r.status === 'interrupted');
  if (!orphan) return;
  appendPendingIndex(layout, id);
  let manifest: { asOf?: string; data?: string } = {};
  try {
    manifest = JSON.parse(readFileSync(path.join(generation(layout, id).snapshot, 'manifest.json'), 'utf8')) as typeof manifest;
  } catch {
    // an old generation without a manifest: the end line says what is known
  }
  const publishedAt = lstatSync(layout.current).mtime;
  const end: RunRecord = {
    ...orphan,
    status: 'ok',
    finishedAt: publishedAt.toISOString(),
    durationSeconds: (publishedAt.getTime() - Date.parse(orphan.startedAt)) / 1000,
    ...(manifest.asOf ? { asOf: manifest.asOf } : {}),
    ...(manifest.data ? { data: manifest.data } : {}),
    generation: id,
    recordedBy: byRun,
  };
  appendRun(layout.runsFile, end);
  logger.event('recorded', { runId: id, status: 'ok', by: byRun, note: 'killed after its generation was published' });
}

/** Refresh (or rebuild) and publish a new generation; throws LockedError when another run holds the lock. */
export async function runRefresh(config: Config, options: RunRefreshOptions): Promise<RunRefreshResult> {
  const layout = options.layout ?? stateLayout(repoRoot);
  const logger = options.logger ?? createLogger({ mode: 'silent' });
  const lock = acquireLock(layout.lockFile, options.mode ?? 'refresh', { staleAfterHours: config.lock.staleAfterHours });
  try {
    if (lock.tookOver) logger.event('stale-lock', { holder: lock.tookOver.holder ?? null, reason: lock.tookOver.reason });
    // Self-healing: what failed or killed runs left goes first, so a freed disk is enough to succeed.
    const collected = collectLeftovers(layout);
    if (collected.generations + collected.builds + collected.archive + collected.files > 0) logger.event('collected', { ...collected });
    return await runLocked(config, options, layout, logger);
  } finally {
    lock.release();
  }
}

async function runLocked(config: Config, options: RunRefreshOptions, layout: StateLayout, logger: Logger): Promise<RunRefreshResult> {
  const mode = options.mode ?? 'refresh';
  const started = options.now ?? new Date();
  const runId = `${started.toISOString().replace(/[-:.]/g, '').replace('T', '-').slice(0, 15)}-${process.pid}`;
  recordKilledPublish(layout, runId, logger);
  const record: RunRecord = { runId, command: mode, pid: process.pid, startedAt: started.toISOString(), status: 'running' };
  appendRun(layout.runsFile, record);
  const lastOk = readRuns(layout.runsFile)
    .filter((r) => r.status === 'ok')
    .at(-1);
  const previousAlarms = new Set(lastOk?.alarms ?? []);
  const phases: Record<string, number> = {};
  let phaseStarted = Date.now();
  let current: Phase | undefined;
  const enter = async (phase: Phase) => {
    if (current) phases[current] = (Date.now() - phaseStarted) / 1000;
    current = phase;
    phaseStarted = Date.now();
    logger.event('phase', { phase, runId });
    await maybePause(phase, logger);
  };
  let warehouse: Warehouse | undefined;
  try {
    await enter('prepare');
    const published = publishedOrigin(layout);
    // The inbox pointed at the bundled sample is the sample, not real exports.
    const inboxExports = mode === 'refresh' && path.resolve(options.inbox) !== sampleDir && hasExports(options.inbox);
    const mayCopy = mode === 'refresh' && !options.fresh && published.data !== 'sample';
    let next = startGeneration(layout, runId, { empty: !mayCopy });
    const copied = mayCopy && existsSync(next.warehouse);
    warehouse = await openGenerationWarehouse(next.warehouse, config);
    let plan: RunPlan;
    let data: DataOrigin;
    let replay: ArchiveEntry[] = [];
    if (mode === 'refresh') {
      const holdsReal = published.data === 'real' || (published.data !== 'sample' && copied && (await holdsLoadedFiles(warehouse)));
      plan = planRefresh(published.data, inboxExports, holdsReal, options.fresh ?? false);
      data = plan.source === 'sample' ? 'sample' : 'real';
      if (plan.clean && copied) {
        // A warehouse with no loaded file (plain, or after reset) about to take the sample: start from nothing.
        warehouse.close();
        warehouse = undefined;
        next = startGeneration(layout, runId, { empty: true });
        warehouse = await openGenerationWarehouse(next.warehouse, config);
      }
    } else if (mode === 'rebuild') {
      const replayed = replayFromArchive(layout, published.data);
      replay = replayed.files;
      data = replayed.data;
      plan = { source: 'archive', clean: true };
    } else {
      data = 'empty';
      plan = { source: 'reset', clean: true, announce: cleanStartReasons.reset };
    }
    const source = plan.source;
    // The last clean start stays on the Data quality page until the next one (a sample shows its banner instead).
    const cleanStart: CleanStart | null = plan.announce
      ? { runId, at: started.toISOString(), reason: plan.announce }
      : source === 'sample'
        ? null
        : published.cleanStart;
    if (plan.announce) logger.event('clean-start', { runId, previous: published.data, data, reason: plan.announce });
    if (source === 'warehouse') {
      logger.event('nothing-new', {
        inbox: options.inbox,
        note: 'the inbox holds no exports: refreshing on the real data the warehouse already has (the sample is never loaded over it)',
      });
    }
    if (source === 'sample') logger.event('sample', { inbox: options.inbox, note: 'the inbox holds no exports: loading the bundled sample into its own clean warehouse' });

    await enter('archive');
    let inputs: string[];
    // The runs to replay, each as one ingest call: a whole export replaces the one before it (snapshot
    // semantics), so the files of two runs must not be read as parts of one export.
    let batches: string[][];
    if (mode === 'rebuild') {
      const seen = new Set<string>();
      const byRun = new Map<string, string[]>();
      // A file loaded again in a later run (an earlier export delivered again after another one replaced
      // it) is replayed there too: ingest itself skips a file that is identical to its table's current one.
      for (const entry of replay.filter((e) => { const k = `${e.runId}/${e.sha256}`; return !seen.has(k) && seen.add(k); })) {
        byRun.set(entry.runId, [...(byRun.get(entry.runId) ?? []), archivedPath(layout.archiveDir, entry.sha256, entry.name)]);
      }
      batches = [...byRun.values()];
      inputs = batches.flat();
      const missing = inputs.filter((file) => !existsSync(file));
      if (missing.length) throw new Error(`the archive is missing ${missing.length} file(s): ${missing.slice(0, 3).join(', ')}`);
    } else {
      // Only regular files under the size cap, judged before any is hashed or archived (special files skipped, named).
      const skipped = (left: ExcludedInput) => logger.event('skipped', { file: left.path, why: left.message });
      const inbox = mode === 'refresh' ? inboxInputs(options.inbox, config.maxFileBytes, skipped) : [];
      if (source === 'inbox') inputs = inbox;
      else if (source === 'sample') inputs = expandInputs([sampleDir]);
      else inputs = [];
      batches = [inputs];
    }
    const shas = new Map<string, string>();
    for (const [index, file] of inputs.entries()) {
      const sha = await sha256File(file);
      shas.set(file, sha);
      archiveFile(layout.archiveDir, file, sha);
      logger.progress('archive', index + 1, inputs.length, path.basename(file));
    }

    await enter('ingest');
    let done = 0;
    const ingested: { files: FileResult[]; derived: Derivation[]; rowsRejected: number } = { files: [], derived: [], rowsRejected: 0 };
    for (const batch of batches) {
      const result = await ingest(warehouse, batch, {
        command: mode,
        config,
        // A rebuild replays what was accepted, small exports that were forced included.
        force: mode === 'rebuild',
        onFile: (file) => logger.progress('ingest', ++done, inputs.length, `${path.basename(file.path)} ${file.status}`),
      });
      ingested.files.push(...result.files);
      ingested.derived.push(...result.derived);
      ingested.rowsRejected += result.rowsRejected;
    }
    const refused = ingested.files.filter((f) => f.status === 'refused');
    if (refused.length) {
      throw new Error(`refused ${refused.length} file(s), nothing published: ${refused.map((f) => `${f.path}: ${f.message}`).join('; ')}`);
    }
    const loadedInOrder = ingested.files.filter((f) => f.status === 'loaded');
    // Only files that load are real exports: an inbox of tables hirescope does not read (or of files
    // already loaded) must not replace the published sample with an empty warehouse.
    if (plan.announce === cleanStartReasons.sampleReplaced && loadedInOrder.length === 0) {
      const why = ingested.files.map((f) => `${path.basename(f.path)} ${f.status}${f.message ? ` (${f.message})` : ''}`).join('; ');
      throw new Error(`no file of the inbox loaded, so the sample stays published: ${why}`);
    }
    // Whole exports: the rows the previous export held and this one no longer does; tables not read.
    for (const f of ingested.files) {
      if (f.rowsRemoved > 0) logger.event('removed', { file: path.basename(f.path), kind: f.kind, rows: f.rowsRemoved });
      if (f.status === 'ignored') logger.event('ignored', { file: path.basename(f.path), kind: f.kind, why: f.message });
    }
    // Vendor exports: what was derived, and what was left out by rule (prospects, unreached stages...).
    for (const d of ingested.derived) {
      const leftOut = d.leftOut.map((l) => `${l.rows} ${l.reason}`).join(', ');
      logger.event('derived', { vendor: d.vendor, entity: d.entity, rows: d.rows, leftOut: leftOut || undefined });
    }

    await enter('metrics');
    // As of the newest event's day, as the CLI (pipelines/metrics/asOf.ts): the bundled sample's end date,
    // the day of the latest export's newest row for real data; a rebuild recreates what was published, as
    // of the last published run.
    const asOf = options.asOf ?? (mode === 'rebuild' ? lastOk?.asOf : undefined) ?? defaultAsOf(await newestEvent(warehouse), config);
    // Prepared once: the snapshot reuses these populations and alerts.
    const context = await prepareMetrics(warehouse, config, { asOf });
    const alerts = await alertsFor(context, config);

    await enter('snapshot');
    const lastFailed = readRuns(layout.runsFile).filter((r) => r.status === 'failed').at(-1);
    await writeSnapshot(warehouse, config, {
      asOf,
      refreshedAt: started.toISOString(),
      outDir: next.snapshot,
      lastFailedRun: lastFailed
        ? { runId: lastFailed.runId, command: lastFailed.command, startedAt: lastFailed.startedAt, error: lastFailed.error ?? null }
        : undefined,
      prepared: { context, alerts },
      data,
      cleanStart,
    });
    warehouse.close();
    warehouse = undefined;

    await enter('build');
    await buildSite(next.snapshot, next.dist);

    await enter('swap');
    // The archive index names what this generation loaded, for rebuild, after a clean start when it made
    // one. The lines wait in the generation and go to the index after the publish (a run killed before it
    // has its files archived but not indexed, like everything else it did; one killed after the rename
    // has them indexed by the next run).
    const startedEmpty = plan.clean || !copied;
    const indexLines: IndexLine[] = [
      ...(startedEmpty ? [{ cleanStart: true, runId, data } satisfies CleanStartEntry] : []),
      ...loadedInOrder.map((file): ArchiveEntry => ({
        sha256: shas.get(file.path)!,
        name: path.basename(file.path),
        runId,
        // what rebuild and pruning need to know (neededForRebuild in archive.ts)
        kind: file.kind,
        whole: file.whole,
        rowsRejected: file.rowsRejected,
        carried: file.carried,
      })),
    ];
    writeFileSync(path.join(next.dir, pendingIndex), indexLines.map((line) => `${JSON.stringify(line)}\n`).join(''));
    writeFileSync(path.join(next.dir, completeMarker), `${runId}\n`);
    publish(layout, next);
    await maybePause('published', logger);
    appendPendingIndex(layout, runId);
    phases.swap = (Date.now() - phaseStarted) / 1000;
    // Retention (config `retention`): the current and previous generations, the archive rebuild needs.
    // Published is published: a clean-up that fails is logged and tried again by the next run.
    let removed: string[] = [];
    let pruned: { removed: string[]; bytes: number } = { removed: [], bytes: 0 };
    try {
      removed = collectGenerations(layout, config.retention.generations - 1);
      pruned = pruneArchive(layout.archiveDir, { runs: config.retention.archiveRuns });
    } catch (error) {
      logger.event('retention-failed', { runId, error: (error as Error).message });
    }
    logger.event('published', { runId, asOf, removedGenerations: removed.length, prunedArchiveFiles: pruned.removed.length, prunedArchiveBytes: pruned.bytes });
    const firing = alerts.alerts.filter((a) => a.level === 'alarm');
    const fresh = firing.filter((a) => !previousAlarms.has(`${a.rule}:${a.subject}`));
    const delivered =
      fresh.length === 0 ||
      (await notify(`hirescope: ${fresh.length} new alarm(s) as of ${asOf}:\n${fresh.map((a) => `• ${a.message}`).join('\n')}`, {
        url: options.webhookUrl,
        logger,
      })) ||
      !options.webhookUrl;
    // Alarms count as announced once delivered (or when no webhook is set): undelivered ones are retried next run.
    const alarms = firing.map((a) => `${a.rule}:${a.subject}`).filter((key) => delivered || previousAlarms.has(key));
    const finished = new Date();
    const final: RunRecord = {
      ...record,
      status: 'ok',
      finishedAt: finished.toISOString(),
      durationSeconds: (finished.getTime() - started.getTime()) / 1000,
      asOf,
      source,
      data,
      ...(plan.announce ? { cleanStart: plan.announce } : {}),
      files: ingested.files.length,
      rowsRead: ingested.files.reduce((n, f) => n + f.rowsRead, 0),
      rowsLoaded: ingested.files.reduce((n, f) => n + f.rowsLoaded, 0),
      rowsRejected: ingested.rowsRejected,
      generation: runId,
      phases,
      alarms,
    };
    appendRun(layout.runsFile, final);
    // The digest (config `digest`, pipelines/digest/): after the run is recorded ok; it never throws.
    if (mode === 'refresh') {
      await digestAfterRefresh(config, { stateDir: layout.stateDir, warehouseFile: next.warehouse, asOf, alerts: alerts.alerts, webhookUrl: options.webhookUrl, logger });
    }
    return { runId, record: final, generation: runId, alerts };
  } catch (error) {
    const message = (error as Error).message;
    if (current) phases[current] = (Date.now() - phaseStarted) / 1000;
    const finished = new Date();
    // A failed run's generation is garbage: removed now, before its end line is written, so a full disk
    // (the usual reason a run fails late) has room again for that line, and `history` says `failed`.
    warehouse?.close();
    warehouse = undefined;
    if (currentId(layout) !== runId) rmSync(generation(layout, runId).dir, { recursive: true, force: true });
    try {
      appendRun(layout.runsFile, {
        ...record,
        status: 'failed',
        finishedAt: finished.toISOString(),
        durationSeconds: (finished.getTime() - started.getTime()) / 1000,
        phases,
        error: `${current ? `${current}: ` : ''}${message}`,
      });
    } catch (recordError) {
      // A full disk may refuse this line too: the run stays `interrupted` in the history, the error is logged.
      logger.event('unrecorded', { runId, error: (recordError as Error).message });
    }
    logger.event('failed', { runId, phase: current, error: message });
    await notify(`hirescope ${mode} failed during ${current ?? 'start'}: ${message}\nThe dashboard still shows the last good refresh.`, {
      url: options.webhookUrl,
      logger,
    });
    throw error;
  } finally {
    warehouse?.close();
  }
}

export { processAlive, phaseOrder };
