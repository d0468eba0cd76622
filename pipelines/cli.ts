/**
 * The `hirescope` command: parses arguments and calls one function per command (DESIGN §5).
 * Exit codes: 0 ok; 1 a file or the run failed; 2 usage error; 3 alert threshold crossed; 75 locked by a live run.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadConfig, type Config } from './lib/config.ts';
import { openWarehouse, type Warehouse } from './lib/duckdb.ts';
import { consoleOutput, UsageError, type Output } from './lib/output.ts';
import { ingestCommand } from './commands/ingest.ts';
import { rejectsCommand } from './commands/rejects.ts';
import { statusCommand } from './commands/status.ts';
import { generateCommand } from './commands/generate.ts';
import { metricsCommand } from './commands/metrics.ts';
import { alertsCommand } from './commands/alerts.ts';
import { exportCommand } from './commands/export.ts';
import { historyCommand, layoutFor, lockedExitCode, runCommand, scheduleCommand } from './commands/refresh.ts';
import { acquireLock, LockedError } from './refresh/lock.ts';
import { generationOf, stateLayout } from './refresh/state.ts';
import { repoRoot } from './refresh/index.ts';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { isSampleWarehouse } from './refresh/origin.ts';

const usage = `hirescope — hiring analytics and pay benchmarks from your own exports

usage: hirescope <command> [options]

commands:
  ingest <file|dir>... [--vendor V] [--mapping FILE] [--full] [--force]
                                       load CSV exports into the warehouse; vendor exports (greenhouse,
                                       greenhouse-harvest, airbyte-greenhouse, lever, ashby, workable,
                                       fivetran-greenhouse, fivetran-lever)
                                       are detected by header,
                                       --vendor V tries only V's and the canonical shapes (V = canonical:
                                       only those), --mapping FILE
                                       maps any other export's columns (docs/importing.md); a vendor table
                                       replaces its previous export whole, canonical files too with --full;
                                       --force loads an export under half the size of the previous one
                                       (never into a published warehouse: use the inbox and refresh, or
                                       --db a working copy; exit 75 while a run holds its lock)
  rejects                              list quarantined rows (file, line, column, value, reason)
  status                               tables, row counts, last run, freshness
  metrics [--as-of D] [--from D] [--to D] [--department X] [--region R] [--level L] [--source S] [--publish]
                                       compute every hiring metric; --publish: pay and offer figures as
                                       published on the site (README "What is published"), not exact
  alerts [--fail-on watch|alarm] [metrics filters]
                                       evaluate alert rules; exit 3 when one at or above the level fires
  refresh [--inbox DIR] [--fresh] [--as-of D] [--log json|human]
                                       ingest the inbox, snapshot, build the site and publish it atomically;
                                       an empty inbox refreshes the real data already loaded, or loads the
                                       bundled sample (never both: the first real exports start a clean
                                       warehouse); --fresh starts from an empty warehouse; exit 75 when
                                       a live run holds the lock (a stale one is taken over)
  rebuild [--as-of D]                  recreate the warehouse from the archive alone (files loaded since the
                                       last clean start), then publish as refresh, as of the last published run
  reset                                publish an empty warehouse (the archive is kept); the next refresh
                                       loads the inbox, or the sample when it is empty
  history                              refreshes and rebuilds: duration, files, rows, rejects, outcome, error
  schedule --cron "0 6 * * *" [--watch] [--debounce-ms N]
                                       refresh on a schedule in the foreground (never overlapping)
  export pay-bands --out FILE.csv [metrics filters]
                                       write the published pay bands as CSV for spreadsheets
  generate --seed N --scale S --out DIR [--end YYYY-MM-DD] [--format F]
                                       write deterministic sample data: F = canonical (default),
                                       greenhouse, greenhouse-harvest, airbyte-greenhouse (JSON
                                       lines), lever, ashby, workable, fivetran-greenhouse or
                                       fivetran-lever

options for every command:
  --db FILE       warehouse file (default data/warehouse.duckdb)
  --state DIR     (refresh, rebuild, reset, history, schedule) folder of the published generations
                  (default data/: data/state, data/archive, data/warehouse.duckdb; the site in dist/)
  --config FILE   config file (default hirescope.config.json, optional)
  --json          print one JSON document on stdout and nothing else
  -h, --help      this text`;

const common = {
  db: { type: 'string', default: 'data/warehouse.duckdb' },
  config: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

const runOptions = {
  inbox: { type: 'string' },
  fresh: { type: 'boolean' },
  'as-of': { type: 'string' },
  log: { type: 'string' },
  state: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

const metricOptions = {
  'as-of': { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  department: { type: 'string' },
  region: { type: 'string' },
  level: { type: 'string' },
  source: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options: { ...common, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function withWarehouse(
  db: string,
  config: string | undefined,
  work: (w: Warehouse, settings: Config) => Promise<number>,
): Promise<number> {
  const settings = loadConfig(config);
  const warehouse = await openWarehouse(db, { timeZone: settings.timeZone });
  try {
    return await work(warehouse, settings);
  } finally {
    warehouse.close();
  }
}

/**
 * One writer per warehouse: `ingest` takes the lock refresh, rebuild and reset take for the same warehouse
 * (data/state/refresh.lock for the default one, the `state/` folder beside any other once a refresh made
 * it); a file no refresh uses is locked beside itself (FILE.lock). A published warehouse (a link into a
 * state's generation) is refused: the next refresh publishes a new generation without rows loaded here.
 */
async function withIngestLock(db: string, configFile: string | undefined, work: () => Promise<number>): Promise<number> {
  const refusePublished = () => {
    const published = generationOf(db);
    if (!published) return;
    throw new Error(
      `${db} is the warehouse published by the refreshes of ${published.stateDir} (generation ${published.id}): the next refresh ` +
        'publishes a new generation without rows loaded here. Put the files in the inbox and run `hirescope refresh` ' +
        '(with the same --state or --db), or ingest into a working copy (`--db somewhere-else.duckdb`)',
    );
  };
  refusePublished();
  const layout = layoutFor({ db });
  const stateKept = layout.lockFile === stateLayout(repoRoot).lockFile || existsSync(layout.stateDir);
  const lockFile = stateKept ? layout.lockFile : `${path.resolve(db)}.lock`;
  const lock = acquireLock(lockFile, 'ingest', { staleAfterHours: loadConfig(configFile).lock.staleAfterHours });
  try {
    refusePublished(); // a refresh may have published this path before we took the lock
    return await work();
  } finally {
    lock.release();
  }
}

/** Run the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: string[], makeOutput: (json: boolean) => Output = consoleOutput): Promise<number> {
  const [command, ...rest] = argv;
  const wantsJson = rest.includes('--json');
  const out = makeOutput(wantsJson);
  try {
    switch (command) {
      case 'ingest': {
        const { values, positionals } = parse(rest, { vendor: { type: 'string' }, mapping: { type: 'string' }, full: { type: 'boolean' }, force: { type: 'boolean' } });
        if (values.help) return help(out);
        if (positionals.length === 0) throw new UsageError('ingest needs at least one file or folder');
        if (isSampleWarehouse(values.db)) {
          throw new Error(
            `${values.db} holds the bundled sample, which is never mixed with real data: put your exports in the inbox and run ` +
              '`hirescope refresh` (it starts a clean warehouse with them), or run `hirescope reset` first to load files by hand',
          );
        }
        return await withIngestLock(values.db, values.config, () =>
          withWarehouse(values.db, values.config, (w, settings) => ingestCommand(w, settings, positionals, values, out)),
        );
      }
      case 'rejects': {
        const { values, positionals } = parse(rest, {});
        if (values.help) return help(out);
        noPositionals(positionals);
        return await withWarehouse(values.db, values.config, (w) => rejectsCommand(w, out));
      }
      case 'status': {
        const { values, positionals } = parse(rest, {});
        if (values.help) return help(out);
        noPositionals(positionals);
        return await withWarehouse(values.db, values.config, (w) => statusCommand(w, out, layoutFor(values)));
      }
      case 'metrics': {
        const { values, positionals } = parse(rest, { ...metricOptions, publish: { type: 'boolean', default: false } });
        if (values.help) return help(out);
        noPositionals(positionals);
        return await withWarehouse(values.db, values.config, (w, settings) => metricsCommand(w, settings, values, out));
      }
      case 'alerts': {
        const { values, positionals } = parse(rest, { ...metricOptions, 'fail-on': { type: 'string' } });
        if (values.help) return help(out);
        noPositionals(positionals);
        return await withWarehouse(values.db, values.config, (w, settings) => alertsCommand(w, settings, values, out));
      }
      case 'refresh':
      case 'rebuild':
      case 'reset': {
        const { values, positionals } = parse(rest, runOptions);
        if (values.help) return help(out);
        noPositionals(positionals);
        if (command !== 'refresh' && values.fresh) throw new UsageError('--fresh is an option of refresh');
        return await runCommand(loadConfig(values.config), command, values, out);
      }
      case 'history': {
        const { values, positionals } = parse(rest, { state: { type: 'string' } });
        if (values.help) return help(out);
        noPositionals(positionals);
        return historyCommand(values, out);
      }
      case 'schedule': {
        const { values, positionals } = parse(rest, {
          ...runOptions,
          cron: { type: 'string' },
          watch: { type: 'boolean' },
          'debounce-ms': { type: 'string' },
        });
        if (values.help) return help(out);
        noPositionals(positionals);
        if (values.fresh) throw new UsageError('--fresh is an option of refresh (a schedule must not clear the warehouse on every run)');
        return await scheduleCommand(loadConfig(values.config), values, out);
      }
      case 'export': {
        const { values, positionals } = parse(rest, { ...metricOptions, out: { type: 'string' } });
        if (values.help) return help(out);
        if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
        return await withWarehouse(values.db, values.config, (w, settings) => exportCommand(w, settings, positionals[0], values, out));
      }
      case 'generate': {
        const { values, positionals } = parse(rest, {
          seed: { type: 'string', default: '42' },
          scale: { type: 'string', default: '1' },
          out: { type: 'string' },
          end: { type: 'string', default: '2026-09-30' },
          format: { type: 'string', default: 'canonical' },
        });
        if (values.help) return help(out);
        noPositionals(positionals);
        return await generateCommand(values, out);
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        return help(out);
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof LockedError) {
      out.error(`error: ${error.message}`);
      return lockedExitCode;
    }
    if (error instanceof UsageError) {
      out.error(`usage error: ${error.message}\n\n${usage}`);
      return 2;
    }
    out.error(`error: ${(error as Error).message}`);
    return 1;
  }
}

function help(out: Output): number {
  out.info(usage);
  return 0;
}

function noPositionals(positionals: string[]): void {
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2));
}
