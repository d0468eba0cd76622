/**
 * The `hirescope` command: parses arguments and calls one function per command (DESIGN §5).
 * Exit codes: 0 ok; 1 a file or the run failed; 2 usage error; 3 alert threshold crossed; 75 locked by a live run.
 * A usage error is one line and a pointer to the command's help; no user error prints a stack trace.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadConfig, type Config } from './lib/config.ts';
import { openWarehouse, type Warehouse } from './lib/duckdb.ts';
import { consoleOutput, nearest, UsageError, type Output } from './lib/output.ts';
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
import { isSampleWarehouse } from './refresh/origin.ts';
import { listInputs } from './ingest/inputs.ts';
import { reportCommand } from './commands/report.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

interface CommandHelp {
  /** The usage line after `hirescope `. */
  readonly usage: string;
  /** What it does, a few lines. */
  readonly about: string;
  /** 1-3 examples, each a command line and what it does. */
  readonly examples: readonly (readonly [string, string])[];
  readonly options: Options;
}

const common = {
  db: { type: 'string' },
  config: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies Options;

const runOptions = {
  inbox: { type: 'string' },
  fresh: { type: 'boolean' },
  'as-of': { type: 'string' },
  log: { type: 'string' },
  state: { type: 'string' },
} as const satisfies Options;

const metricOptions = {
  'as-of': { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  department: { type: 'string' },
  region: { type: 'string' },
  level: { type: 'string' },
  source: { type: 'string' },
} as const satisfies Options;

const metricFilterHelp = `  --as-of D         what is known: default the newest event's day in the data (as the site)
  --from D, --to D  the period (inclusive; --to defaults to, and is capped at, the as-of)
  --department X, --region R (US, EU, LatAm, APAC, Other), --level L, --source S
                    any case (sales = Sales); an unknown value exits 2 naming the known ones`;

const commands = {
  ingest: {
    usage: 'ingest <file|dir>... [--vendor V] [--mapping FILE] [--full] [--force]',
    about: `load CSV and JSON-lines exports into the warehouse. Vendor exports (greenhouse, greenhouse-harvest,
airbyte-greenhouse, lever, ashby, workable, fivetran-greenhouse, fivetran-lever) are detected by header;
--vendor V tries only V's and the canonical shapes (V = canonical: only those); --mapping FILE maps any
other export's columns (docs/importing.md). A vendor table replaces its previous export whole, canonical
files too with --full; --force loads an export under half the size of the previous one. Never into a
published warehouse (use the inbox and refresh, or --db a working copy); exit 75 while a run holds its lock.`,
    examples: [
      ['hirescope ingest data/inbox/', 'load every export in the folder'],
      ['hirescope ingest export.csv --mapping my-ats.json', 'load an export of another ATS through a mapping'],
    ],
    options: { vendor: { type: 'string' }, mapping: { type: 'string' }, full: { type: 'boolean' }, force: { type: 'boolean' } },
  },
  rejects: {
    usage: 'rejects',
    about: 'list the quarantined rows: file, line, column, value, reason.',
    examples: [
      ['hirescope rejects', 'every quarantined row'],
      ['hirescope rejects --json | jq .count', 'how many'],
    ],
    options: {},
  },
  status: {
    usage: 'status [--state DIR]',
    about: `tables and row counts, the last run, the newest event, the quarantine, and the dashboard published
from this warehouse's state (the state beside --db, or --state DIR). A missing warehouse exits 1.`,
    examples: [
      ['hirescope status', 'the warehouse of npm start'],
      ['hirescope status --db other/warehouse.duckdb', 'another warehouse (its state beside it)'],
    ],
    options: { state: { type: 'string' } },
  },
  metrics: {
    usage: 'metrics [--as-of D] [--from D] [--to D] [--department X] [--region R] [--level L] [--source S] [--publish]',
    about: `compute every hiring metric; --json prints the DESIGN §5 document with freshness. --publish: pay and
offer figures as published on the site (README "What is published"), not exact. Without --as-of, warns
on stderr when the newest event is older than config staleAfterDays (default 14).

${metricFilterHelp}`,
    examples: [
      ['hirescope metrics', 'as the dashboard shows them'],
      ['hirescope metrics --department Sales --from 2026-01-01', 'Sales, for applications since January'],
      ['hirescope metrics --json --as-of 2026-06-30', 'the JSON document as of a fixed day'],
    ],
    options: { ...metricOptions, publish: { type: 'boolean', default: false } },
  },
  alerts: {
    usage: 'alerts [--fail-on watch|alarm] [metrics filters]',
    about: `evaluate the alert rules as of the same day as the dashboard; exit 3 when one at or above --fail-on
fires.

${metricFilterHelp}`,
    examples: [
      ['hirescope alerts', 'the alerts the dashboard shows'],
      ['hirescope alerts --fail-on alarm', 'for a scheduler: exit 3 on an alarm'],
    ],
    options: { ...metricOptions, 'fail-on': { type: 'string' } },
  },
  refresh: {
    usage: 'refresh [--inbox DIR] [--fresh] [--as-of D] [--log json|human] [--state DIR]',
    about: `ingest the inbox, snapshot, build the site and publish it atomically, as of the newest event's day
(or --as-of). An empty inbox refreshes the real data already loaded, or loads the bundled sample (never
both: the first real exports start a clean warehouse); --fresh starts from an empty warehouse; exit 75 when
a live run holds the lock (a stale one is taken over). --state DIR keeps everything under DIR; --db FILE alone keeps the state
beside FILE; both must name the same warehouse (DIR/warehouse.duckdb).`,
    examples: [
      ['hirescope refresh', 'publish the inbox (data/inbox/) on the dashboard'],
      ['hirescope refresh --inbox ~/exports --log human', 'another inbox, readable progress'],
    ],
    options: runOptions,
  },
  rebuild: {
    usage: 'rebuild [--as-of D] [--state DIR]',
    about: `recreate the warehouse from the archive alone (files loaded since the last clean start), then publish as
refresh, as of the last published run (or --as-of).`,
    examples: [['hirescope rebuild', 'after a change to the rules, from the archived exports']],
    options: runOptions,
  },
  reset: {
    usage: 'reset [--state DIR]',
    about: 'publish an empty warehouse (the archive is kept); the next refresh loads the inbox, or the sample when it is empty.',
    examples: [['hirescope reset', 'start over (then hirescope ingest FILE by hand, or refresh)']],
    options: runOptions,
  },
  history: {
    usage: 'history [--state DIR]',
    about: 'refreshes, rebuilds and resets: duration, files, rows, rejects, outcome, error (cut at a word; --json for all of it).',
    examples: [
      ['hirescope history', 'the runs of npm start'],
      ['hirescope history --json', 'with whole error messages'],
    ],
    options: { state: { type: 'string' } },
  },
  schedule: {
    usage: 'schedule --cron "0 6 * * *" [--watch] [--debounce-ms N] [refresh options]',
    about: 'refresh on a schedule in the foreground (never overlapping), optionally also when files land in the inbox.',
    examples: [
      ['hirescope schedule --cron "0 6 * * *"', 'every morning at 06:00'],
      ['hirescope schedule --watch --debounce-ms 10000', 'whenever exports land in the inbox'],
    ],
    options: { ...runOptions, cron: { type: 'string' }, watch: { type: 'boolean' }, 'debounce-ms': { type: 'string' } },
  },
  export: {
    usage: 'export pay-bands --out FILE.csv [metrics filters]',
    about: `write the published pay bands as CSV for spreadsheets (the site's cells, disclosure rules applied).

${metricFilterHelp}`,
    examples: [
      ['hirescope export pay-bands --out bands.csv', 'every published cell'],
      ['hirescope export pay-bands --out eu.csv --region EU', 'the EU cells'],
    ],
    options: { ...metricOptions, out: { type: 'string' } },
  },
  report: {
    usage: 'report pay-gap [--as-of D] [--currency EUR] [--region R] [--department X] [--json | --csv]\n       hirescope report pay-request --category C [--as-of D] [--currency EUR] [--json]',
    about: `pay-gap: the gender pay gap report of Directive (EU) 2023/970 Article 9 (docs/pay-equity.md): mean and
median gaps of hourly and annual basic pay and of variable pay, quartile bands, per-category gaps with the
joint-assessment flag, an adjusted gap with its 95% interval, cost to close. Workers employed at the as-of
(default: the newest event's day), pay at the as-of rate in --currency (default config payGap.currency, EUR).
Nothing is published from fewer than payGap.minCell (5) women or men, after the filters. --csv: one section
per Article 9 letter. pay-request: a category's average hourly and annual pay by sex (Article 7).`,
    examples: [
      ['hirescope report pay-gap --as-of 2026-12-31', 'the report on 2026 data'],
      ['hirescope report pay-gap --csv --region EU > pay-gap.csv', 'the EU workers, as CSV'],
      ['hirescope report pay-request --category "engineering x senior"', "answer a worker's Article 7 request"],
    ],
    options: {
      'as-of': { type: 'string' },
      currency: { type: 'string' },
      region: { type: 'string' },
      department: { type: 'string' },
      category: { type: 'string' },
      csv: { type: 'boolean', default: false },
    },
  },
  generate: {
    usage: 'generate --seed N --scale S --out DIR [--end YYYY-MM-DD] [--format F]',
    about: `write deterministic sample data: F = canonical (default), greenhouse, greenhouse-harvest,
airbyte-greenhouse (JSON lines), lever, ashby, workable, fivetran-greenhouse or fivetran-lever.`,
    examples: [
      ['hirescope generate --seed 5 --scale 1 --out data/sample', 'the bundled sample'],
      ['hirescope generate --seed 7 --scale 3 --format lever --out /tmp/lever', 'a larger company as a Lever export'],
    ],
    options: {
      seed: { type: 'string', default: '42' },
      scale: { type: 'string', default: '1' },
      out: { type: 'string' },
      end: { type: 'string', default: '2026-09-30' },
      format: { type: 'string', default: 'canonical' },
    },
  },
} as const satisfies Record<string, CommandHelp>;

type CommandName = keyof typeof commands;
const commandNames = Object.keys(commands) as CommandName[];

const summaries: Record<CommandName, string> = {
  ingest: 'load exports (CSV, JSON lines; vendor exports detected) into the warehouse',
  rejects: 'list quarantined rows (file, line, column, value, reason)',
  status: 'tables, row counts, last run, freshness, the published dashboard',
  metrics: 'every hiring metric, as of the newest event (or --as-of), with filters',
  alerts: 'evaluate the alert rules; exit 3 with --fail-on when one fires',
  refresh: 'ingest the inbox, snapshot, build the site and publish it atomically',
  rebuild: 'recreate the warehouse from the archive alone, then publish',
  reset: 'publish an empty warehouse (the archive is kept)',
  history: 'refreshes, rebuilds and resets: duration, rows, outcome, error',
  schedule: 'refresh on a cron schedule and/or when exports land in the inbox',
  export: 'write the published pay bands as CSV (export pay-bands --out FILE.csv)',
  generate: 'write deterministic sample data (canonical or a vendor format)',
  report: 'the EU pay gap report (report pay-gap) and Article 7 answers (report pay-request)',
};

const usage = `hirescope — hiring analytics and pay benchmarks from your own exports

usage: hirescope <command> [options]

commands:
${commandNames.map((name) => `  ${name.padEnd(10)}${summaries[name]}`).join('\n')}

options for every command:
  --db FILE       warehouse file (default data/warehouse.duckdb; status, metrics, alerts, rejects and
                  export refuse a missing one)
  --config FILE   config file (default hirescope.config.json, optional)
  --json          print one JSON document on stdout and nothing else
  -h, --help      help; hirescope <command> --help for a command's options and examples`;

function commandHelp(name: CommandName): string {
  const c: CommandHelp = commands[name];
  return `usage: hirescope ${c.usage}

${c.about}

examples:
${c.examples.map(([line, what]) => `  ${line}\n      ${what}`).join('\n')}

options of every command: --db FILE, --config FILE, --json, -h/--help (hirescope --help)`;
}

/** The options of a command, checked here so that a mistake is one line naming the nearest valid option. */
function parse<O extends Options>(command: CommandName, args: string[], options: O) {
  const all = { ...common, ...options };
  const { tokens } = parseArgs({ args, options: all, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = (all as Options)[token.name];
    if (!spec) {
      const guess = nearest(token.rawName, Object.keys(all).map((name) => `--${name}`));
      throw new UsageError(`unknown option ${token.rawName} for ${command}${guess ? `; did you mean ${guess}?` : ''}`);
    }
    if (spec.type === 'string' && (token.value === undefined || (!token.inlineValue && /^-./.test(token.value)))) {
      throw new UsageError(`option ${token.rawName} of ${command} needs a value`);
    }
    if (spec.type === 'boolean' && token.inlineValue) throw new UsageError(`option ${token.rawName} of ${command} takes no value`);
  }
  try {
    return parseArgs({ args, options: all, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split('.')[0]!);
  }
}

const defaultDb = 'data/warehouse.duckdb';

/**
 * Commands that read a warehouse never create one: a missing file (a typo in --db) is an error naming it,
 * not an empty warehouse that reports nothing.
 */
function existingWarehouse(db: string): string {
  const stat = statSync(db, { throwIfNoEntry: false });
  if (!stat) {
    throw new Error(
      db === defaultDb
        ? `no warehouse at ${db} yet: run \`npm start\` or \`hirescope refresh\` to load the inbox (or the bundled sample)`
        : `no warehouse at ${db}: check the path, or create it with \`hirescope ingest FILE --db ${db}\``,
    );
  }
  if (stat.isDirectory()) throw new Error(`${db} is a folder, not a warehouse file`);
  return db;
}

async function withWarehouse(
  db: string,
  config: string | undefined,
  work: (w: Warehouse, settings: Config) => Promise<number>,
): Promise<number> {
  const settings = loadConfig(config);
  let warehouse: Warehouse;
  try {
    warehouse = await openWarehouse(db, { timeZone: settings.timeZone });
  } catch (error) {
    const why = (error as Error).message.includes('not a valid DuckDB database file') ? 'not a DuckDB warehouse file' : (error as Error).message;
    throw new Error(`${db} cannot be read as a warehouse: ${why} (if it is the published one, \`hirescope rebuild\` recreates it from the archive)`);
  }
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
    return await run(command, rest, out);
  } catch (error) {
    if (error instanceof LockedError) {
      out.error(`error: ${error.message}`);
      return lockedExitCode;
    }
    if (error instanceof UsageError) {
      const name = commandNames.includes(command as CommandName) ? command : undefined;
      out.error(`usage error: ${error.message}\nsee hirescope ${name ? `${name} ` : ''}--help`);
      return 2;
    }
    out.error(`error: ${(error as Error).message}`);
    return 1;
  }
}

async function run(command: string | undefined, rest: string[], out: Output): Promise<number> {
  switch (command) {
    case 'ingest': {
      const { values, positionals } = parse(command, rest, commands.ingest.options);
      if (values.help) return help(out, command);
      if (positionals.length === 0) throw new UsageError('ingest needs at least one file or folder');
      listInputs(positionals); // a missing path is named before any warehouse is created for it
      const db = values.db ?? defaultDb;
      if (isSampleWarehouse(db)) {
        throw new Error(
          `${db} holds the bundled sample, which is never mixed with real data: put your exports in the inbox and run ` +
            '`hirescope refresh` (it starts a clean warehouse with them), or run `hirescope reset` first to load files by hand',
        );
      }
      return await withIngestLock(db, values.config, () =>
        withWarehouse(db, values.config, (w, settings) => ingestCommand(w, settings, positionals, values, out)),
      );
    }
    case 'rejects': {
      const { values, positionals } = parse(command, rest, commands.rejects.options);
      if (values.help) return help(out, command);
      noPositionals(positionals);
      return await withWarehouse(existingWarehouse(values.db ?? defaultDb), values.config, (w) => rejectsCommand(w, out));
    }
    case 'status': {
      const { values, positionals } = parse(command, rest, commands.status.options);
      if (values.help) return help(out, command);
      noPositionals(positionals);
      const layout = layoutFor(values);
      const db = values.db ?? (values.state ? layout.warehouseLink : defaultDb);
      return await withWarehouse(existingWarehouse(db), values.config, (w) => statusCommand(w, out, layout));
    }
    case 'metrics': {
      const { values, positionals } = parse(command, rest, commands.metrics.options);
      if (values.help) return help(out, command);
      noPositionals(positionals);
      return await withWarehouse(existingWarehouse(values.db ?? defaultDb), values.config, (w, settings) => metricsCommand(w, settings, values, out));
    }
    case 'alerts': {
      const { values, positionals } = parse(command, rest, commands.alerts.options);
      if (values.help) return help(out, command);
      noPositionals(positionals);
      return await withWarehouse(existingWarehouse(values.db ?? defaultDb), values.config, (w, settings) => alertsCommand(w, settings, values, out));
    }
    case 'refresh':
    case 'rebuild':
    case 'reset': {
      const { values, positionals } = parse(command, rest, commands[command].options);
      if (values.help) return help(out, command);
      noPositionals(positionals);
      if (command !== 'refresh' && values.fresh) throw new UsageError('--fresh is an option of refresh');
      return await runCommand(loadConfig(values.config), command, values, out);
    }
    case 'history': {
      const { values, positionals } = parse(command, rest, commands.history.options);
      if (values.help) return help(out, command);
      noPositionals(positionals);
      return historyCommand(values, out);
    }
    case 'schedule': {
      const { values, positionals } = parse(command, rest, commands.schedule.options);
      if (values.help) return help(out, command);
      noPositionals(positionals);
      if (values.fresh) throw new UsageError('--fresh is an option of refresh (a schedule must not clear the warehouse on every run)');
      return await scheduleCommand(loadConfig(values.config), values, out);
    }
    case 'export': {
      const { values, positionals } = parse(command, rest, commands.export.options);
      if (values.help) return help(out, command);
      if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
      if (positionals[0] !== 'pay-bands') throw new UsageError('export takes one of: pay-bands');
      if (!values.out) throw new UsageError('--out FILE.csv is required');
      return await withWarehouse(existingWarehouse(values.db ?? defaultDb), values.config, (w, settings) =>
        exportCommand(w, settings, positionals[0], values, out),
      );
    }
    case 'report': {
      const { values, positionals } = parse(command, rest, commands.report.options);
      if (values.help) return help(out, command);
      if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
      return await withWarehouse(existingWarehouse(values.db ?? defaultDb), values.config, (w, settings) =>
        reportCommand(w, settings, positionals[0], values, out),
      );
    }
    case 'generate': {
      const { values, positionals } = parse(command, rest, commands.generate.options);
      if (values.help) return help(out, command);
      noPositionals(positionals);
      return await generateCommand(values, out);
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h': {
      const topic = rest[0];
      if (topic && commandNames.includes(topic as CommandName)) return help(out, topic as CommandName);
      return help(out);
    }
    default: {
      const guess = nearest(command, commandNames);
      throw new UsageError(`unknown command "${command}"${guess ? `; did you mean ${guess}?` : ''}`);
    }
  }
}

function help(out: Output, command?: CommandName): number {
  const text = command ? commandHelp(command) : usage;
  // under --json the one document is the help text
  if (out.isJson) out.json({ help: text });
  else out.info(text);
  return 0;
}

function noPositionals(positionals: string[]): void {
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2));
}
