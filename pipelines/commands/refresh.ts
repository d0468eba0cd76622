/**
 * `hirescope refresh` / `rebuild` / `history` / `schedule`: runs that publish a new generation atomically
 * under the lock (exit 75 when another run holds it), and their history.
 */
import { statSync, watch } from 'node:fs';
import path from 'node:path';
import { Cron } from 'croner';
import type { Config } from '../lib/config.ts';
import { createLogger, type LogMode, type Logger } from '../lib/log.ts';
import { UsageError, cutAtWord, formatTable, type Output } from '../lib/output.ts';
import { isIsoDate } from '../lib/time.ts';
import { LockedError } from '../refresh/lock.ts';
import { runRefresh, type RunMode } from '../refresh/run.ts';
import { readStateRuns } from '../refresh/runs.ts';
import { stateLayout, type StateLayout } from '../refresh/state.ts';
import { repoRoot } from '../refresh/index.ts';

export interface RunArgs {
  db?: string | undefined;
  inbox?: string | undefined;
  'as-of'?: string | undefined;
  log?: string | undefined;
  state?: string | undefined;
  fresh?: boolean | undefined;
}

/** Exit code of a locked run (DESIGN §5). */
export const lockedExitCode = 75;

/**
 * Where generations live: the repository's data/ and dist/ by default; `--state DIR` keeps everything
 * (state, archive, warehouse link, dist link) under DIR; `--db FILE` alone keeps everything beside FILE
 * (state/, archive/ and the site's dist/ link in its folder). Only the default warehouse moves the
 * repository's own dist link: a run on another warehouse writes nothing into other trees.
 */
export function layoutFor(args: { state?: string | undefined; db?: string | undefined }): StateLayout {
  if (args.state) {
    const root = path.resolve(args.state);
    const layout = stateLayout(root, { dataDir: root, distLink: path.join(root, 'dist') });
    // --db beside --state must name that state's warehouse: a run never publishes into one and leaves the other
    if (args.db !== undefined && path.resolve(args.db) !== layout.warehouseLink) {
      throw new UsageError(
        `--db ${args.db} is not the warehouse of --state ${args.state} (that is ${layout.warehouseLink}): give --state alone, or --db alone (its state is kept beside it)`,
      );
    }
    return layout;
  }
  if (args.db && path.resolve(args.db) !== path.join(repoRoot, 'data', 'warehouse.duckdb') && args.db !== 'data/warehouse.duckdb') {
    const db = path.resolve(args.db);
    return stateLayout(repoRoot, { dataDir: path.dirname(db), warehouseLink: db, distLink: path.join(path.dirname(db), 'dist') });
  }
  return stateLayout(repoRoot);
}

function loggerFor(args: RunArgs, out: Output): Logger {
  const mode = args.log;
  if (mode !== undefined && mode !== 'json' && mode !== 'human') throw new UsageError('--log must be json or human');
  return createLogger({ mode: out.isJson && !mode ? 'json' : (mode as LogMode | undefined) });
}

/**
 * An inbox named with --inbox must be a folder that exists (a typo must not pass for "no new exports");
 * the default inbox (config `inbox`) may be missing.
 */
function checkInbox(inbox: string | undefined): void {
  if (inbox === undefined) return;
  const stat = statSync(inbox, { throwIfNoEntry: false });
  if (!stat) throw new UsageError(`--inbox ${path.resolve(inbox)}: no such folder`);
  if (!stat.isDirectory()) throw new UsageError(`--inbox ${path.resolve(inbox)}: not a folder (give the folder that holds the exports)`);
}

export async function runCommand(config: Config, mode: RunMode, args: RunArgs, out: Output): Promise<number> {
  if (args['as-of'] !== undefined && !isIsoDate(args['as-of'])) throw new UsageError('--as-of must be a date YYYY-MM-DD');
  if (mode === 'refresh') checkInbox(args.inbox);
  const logger = loggerFor(args, out);
  const layout = layoutFor(args);
  try {
    const result = await runRefresh(config, {
      fresh: args.fresh ?? false,
      inbox: path.resolve(args.inbox ?? config.inbox),
      asOf: args['as-of'],
      layout,
      logger,
      mode,
      webhookUrl: process.env.HIRESCOPE_WEBHOOK_URL ?? config.notify.webhookUrl,
    });
    const r = result.record;
    if (out.isJson) out.json({ ...r, alerts: result.alerts.alerts.length, dist: layout.distLink, warehouse: layout.warehouseLink });
    else
      out.info(
        `${mode} ${r.runId}: published as of ${r.asOf} from ${sourceLabel[r.source ?? ''] ?? r.source} in ${r.durationSeconds?.toFixed(1)} s — ` +
          `${r.files} files, ${r.rowsLoaded} rows loaded, ${r.rowsRejected} quarantined, ${result.alerts.alerts.length} alert(s); site in ${layout.distLink}` +
          (r.cleanStart ? `\nstarted a clean warehouse: ${r.cleanStart}` : '') +
          (r.data === 'sample' ? `\nthe dashboard shows the bundled SAMPLE data: put your exports in ${path.resolve(args.inbox ?? config.inbox)} and refresh` : ''),
      );
    return 0;
  } catch (error) {
    if (error instanceof LockedError) {
      out.error(`error: ${error.message}`);
      return lockedExitCode;
    }
    throw error;
  }
}

const sourceLabel: Record<string, string> = {
  inbox: 'the inbox',
  sample: 'the bundled sample',
  archive: 'the archive',
  warehouse: 'the warehouse (no new exports in the inbox)',
  reset: 'nothing (reset: the warehouse is empty, the archive is kept)',
};

export function historyCommand(args: { state?: string | undefined; db?: string | undefined }, out: Output): number {
  const runs = readStateRuns(layoutFor(args));
  if (out.isJson) {
    out.json({ runs });
    return 0;
  }
  if (runs.length === 0) {
    out.info('no refresh has run yet');
    return 0;
  }
  out.info(
    formatTable(
      ['run', 'command', 'started', 'seconds', 'outcome', 'files', 'rows loaded', 'rejected', 'error'],
      runs.map((r) => [
        r.runId,
        r.command,
        r.startedAt.slice(0, 19).replace('T', ' '),
        r.durationSeconds?.toFixed(1) ?? '—',
        r.status,
        r.files ?? '—',
        r.rowsLoaded ?? '—',
        r.rowsRejected ?? '—',
        cutAtWord(r.error ?? '', 80),
      ]),
    ),
  );
  return 0;
}

/**
 * `hirescope schedule --cron EXPR [--watch]`: refreshes in the foreground on a schedule (croner, never
 * overlapping: a tick while a run is going is skipped), optionally also when files land in the inbox
 * (debounced). Runs until stopped; a failed run is logged and the schedule goes on.
 */
export async function scheduleCommand(
  config: Config,
  args: RunArgs & { cron?: string | undefined; watch?: boolean | undefined; 'debounce-ms'?: string | undefined },
  out: Output,
  stop: AbortSignal = new AbortController().signal,
): Promise<number> {
  if (!args.cron && !args.watch) throw new UsageError('schedule needs --cron "EXPR" and/or --watch');
  const logger = loggerFor({ ...args, log: args.log ?? 'json' }, out);
  let running: Promise<unknown> | undefined;
  const trigger = async (reason: string) => {
    if (running) {
      logger.event('skipped', { reason, why: 'a refresh is still running' });
      return;
    }
    logger.event('trigger', { reason });
    running = runCommand(config, 'refresh', { ...args, log: args.log ?? 'json' }, { ...out, isJson: false, info: (text) => logger.event('done', { summary: text }) })
      .then((code) => logger.event('finished', { code }))
      .catch((error: Error) => logger.event('failed', { error: error.message }))
      .finally(() => {
        running = undefined;
      });
    await running;
  };
  let job: Cron | undefined;
  if (args.cron) {
    try {
      job = new Cron(args.cron, { protect: true, timezone: config.timeZone }, () => trigger('cron'));
    } catch (error) {
      throw new UsageError(`--cron: ${(error as Error).message}`);
    }
    logger.event('scheduled', { cron: args.cron, next: job.nextRun()?.toISOString() ?? null, timeZone: config.timeZone });
  }
  let watcher: ReturnType<typeof watch> | undefined;
  if (args.watch) {
    const inbox = path.resolve(args.inbox ?? config.inbox);
    const debounce = Number(args['debounce-ms'] ?? 5000);
    let timer: NodeJS.Timeout | undefined;
    watcher = watch(inbox, () => {
      clearTimeout(timer);
      timer = setTimeout(() => void trigger('inbox'), debounce);
    });
    logger.event('watching', { inbox, debounceMs: debounce });
  }
  await new Promise<void>((resolve) => {
    const done = () => resolve();
    stop.addEventListener('abort', done, { once: true });
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  job?.stop();
  watcher?.close();
  await running;
  logger.event('stopped', {});
  return 0;
}
