/**
 * Everything the attacker reads, made the way a user makes it: `refresh` (dist/ of a state folder),
 * `export pay-bands` and `metrics --json --publish`, each with and without filters; then read from disk
 * into the forms test/privacy/attacks.ts takes. A file that should be there and is not is an error, never
 * an empty result.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { configSchema } from '../../pipelines/lib/config.ts';
import { openWarehouse } from '../../pipelines/lib/duckdb.ts';
import { prepareMetrics } from '../../pipelines/metrics/index.ts';
import { main } from '../../pipelines/cli.ts';
import { runCli } from '../helpers/processes.ts';
import {
  arrowRows,
  contactAttack,
  distinct,
  jsonObjects,
  merge,
  payAttacks,
  readMetricsJson,
  readPayCsv,
  readPayHtml,
  readPayJson,
  readPayRows,
  smallRowAttack,
  type Finding,
  type Person,
  type Published,
  type Roster,
} from './attacks.ts';

/** The sample's last day (its default as-of, where issue 15 read its figures). */
export const asOf = '2026-09-30';

/** The views an attacker asks for besides the unfiltered one. */
export interface Views {
  readonly departments: readonly string[];
  readonly levels: readonly string[];
  readonly regions: readonly string[];
}

export interface Outputs {
  readonly dist: string;
  readonly warehouse: string;
  /** Every CLI run, by a label such as `export department=Sales`, with its result. */
  readonly runs: Record<string, RunResult>;
  /** Paths of the files written by export (label -> file) and the stdout of metrics (label -> JSON text). */
  readonly csv: Record<string, { file: string; department: string | null }>;
  readonly metrics: Record<string, string>;
}

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The CLI's own entry point (pipelines/cli.ts main) in this process, its output captured: the same
 * parsing, commands and exit codes as `hirescope ...`, without a Node start-up per call (dozens of calls
 * per roster on a shared 2-core machine).
 */
async function inProcess(argv: string[]): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, (isJson) => ({
    isJson,
    info: (text) => void (isJson ? undefined : (stdout += `${text}\n`)),
    json: (value) => void (stdout += `${JSON.stringify(value, null, 2)}\n`),
    error: (text) => void (stderr += `${text}\n`),
  }));
  return { code, stdout, stderr };
}

/** refresh into `state`, then export and metrics for the unfiltered view and each of `views`. */
export async function buildOutputs(state: string, inbox: string, views: Views): Promise<Outputs> {
  const runs: Record<string, RunResult> = {};
  const refresh = await runCli(['refresh', '--state', state, '--inbox', inbox, '--as-of', asOf, '--log', 'json', '--json'], { timeoutMs: 180_000 });
  runs.refresh = refresh;
  if (refresh.code !== 0) throw new Error(`refresh exited ${refresh.code}: ${refresh.stderr.slice(-2000)}`);
  const warehouse = path.join(state, 'warehouse.duckdb');
  const filters: [string, string[], string | null][] = [
    ['all', [], null],
    ...views.departments.map((d): [string, string[], string | null] => [`department=${d}`, ['--department', d], d]),
    ...views.levels.map((l): [string, string[], string | null] => [`level=${l}`, ['--level', l], null]),
    ...views.regions.map((r): [string, string[], string | null] => [`region=${r}`, ['--region', r], null]),
  ];
  const csv: Outputs['csv'] = {};
  const metrics: Outputs['metrics'] = {};
  for (const [name, args, department] of filters) {
    const file = path.join(state, `pay-bands-${name.replace(/[^A-Za-z0-9=-]/g, '_')}.csv`);
    const common = ['--db', warehouse, '--as-of', asOf, ...args];
    runs[`export ${name}`] = await inProcess(['export', 'pay-bands', '--out', file, ...common]);
    csv[name] = { file, department };
    const run = await inProcess(['metrics', ...common, '--json', '--publish']);
    runs[`metrics ${name}`] = run;
    metrics[name] = run.stdout;
  }
  return { dist: path.join(state, 'dist'), warehouse, runs, csv, metrics };
}

/** The roster of a warehouse as the attacker knows it (test/privacy/roster.sql). */
export async function rosterOf(warehouseFile: string): Promise<Roster> {
  const warehouse = await openWarehouse(warehouseFile);
  try {
    await prepareMetrics(warehouse, configSchema.parse({}), { asOf });
    const rows = await warehouse.all<{ kind: string; id: string; department: string | null; role_family: string; level: string; region: string; usd: number }>(
      readFileSync(path.join(import.meta.dirname, 'roster.sql'), 'utf8'),
      { as_of: asOf },
    );
    const as = (kind: string): Person[] =>
      rows.filter((r) => r.kind === kind).map((r) => ({ id: r.id, department: r.department, roleFamily: r.role_family, level: r.level, region: r.region, usd: r.usd }));
    return { people: as('person'), offers: as('offer') };
  } finally {
    warehouse.close();
  }
}

/** A roster as CSV (kind,id,department,role_family,level,region,usd), as kept beside saved artefacts. */
export function rosterCsv(roster: Roster): string {
  const line = (kind: string, p: Person) => [kind, p.id, p.department ?? '', p.roleFamily, p.level, p.region, p.usd.toFixed(4)].map((v) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)).join(',');
  return ['kind,id,department,role_family,level,region,usd', ...roster.people.map((p) => line('person', p)), ...roster.offers.map((o) => line('offer', o))].join('\n') + '\n';
}

/** Every file under a folder (following a symlinked root); a missing folder is an error. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) throw new Error(`${dir} does not exist`);
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

function need(file: string): string {
  if (!existsSync(file)) throw new Error(`expected ${file}, which is not there`);
  return file;
}

/** The pay figures of dist/: pay.json and the pay-bands page. */
export function publishedInDist(dist: string): Published {
  const pay = readPayJson(JSON.parse(readFileSync(need(path.join(dist, 'data', 'pay.json')), 'utf8')), 'dist/data/pay.json');
  const html = readPayHtml(readFileSync(need(path.join(dist, 'pay-bands', 'index.html')), 'utf8'), 'dist/pay-bands/index.html');
  if (pay.pay.length === 0) throw new Error('dist/data/pay.json holds no pay cell the attacker can read: format changed?');
  // Pay precomputed per view into cubes would be read the same way.
  const cubes = filesUnder(path.join(dist, 'data'))
    .filter((file) => file.endsWith('.arrow'))
    .map((file) => readPayRows(arrowRows(new Uint8Array(readFileSync(file))), `dist/data/${path.basename(file)}`));
  return merge(pay, html, ...cubes);
}

/** The pay figures of the exports and metrics documents of `outputs`. */
export function publishedByCommands(outputs: Outputs): Published {
  const parts: Published[] = [];
  for (const [name, { file, department }] of Object.entries(outputs.csv)) parts.push(readPayCsv(readFileSync(need(file), 'utf8'), `export ${name}`, department));
  // A metrics run that failed has no document; the tests assert every run's exit code on their own.
  for (const [name, stdout] of Object.entries(outputs.metrics)) if (outputs.runs[`metrics ${name}`]?.code === 0) parts.push(readMetricsJson(JSON.parse(stdout), `metrics ${name}`));
  return merge(...parts);
}

/**
 * Attacks (e) and (f) over every file of dist/: JSON objects and decoded Arrow rows with amounts about 1
 * or 2 people; contact details in the text of every file and in the strings of every cube.
 */
export function scanDist(dist: string): { findings: Finding[]; arrowFiles: number; jsonFiles: number } {
  const findings: Finding[] = [];
  let arrowFiles = 0;
  let jsonFiles = 0;
  for (const file of filesUnder(dist)) {
    const name = path.relative(dist, file);
    const bytes = readFileSync(file);
    if (file.endsWith('.arrow')) {
      arrowFiles++;
      const rows = arrowRows(new Uint8Array(bytes));
      findings.push(...smallRowAttack(rows, name));
      const strings = new Set<string>();
      for (const row of rows) for (const v of Object.values(row)) if (typeof v === 'string') strings.add(v);
      findings.push(...contactAttack([...strings].join('\n'), name));
    } else {
      const content = bytes.toString('utf8');
      if (file.endsWith('.json')) {
        jsonFiles++;
        findings.push(...smallRowAttack(jsonObjects(JSON.parse(content)), name));
      }
      findings.push(...contactAttack(content, name));
    }
  }
  return { findings: distinct(findings), arrowFiles, jsonFiles };
}

/** Every attack on one build: dist/ and the command outputs. */
export function attackAll(outputs: Outputs, roster: Roster): Finding[] {
  return [...payAttacks(merge(publishedInDist(outputs.dist), publishedByCommands(outputs)), roster), ...scanDist(outputs.dist).findings];
}
