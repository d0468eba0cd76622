/**
 * Issue 19 "Done when": on a generated roster of 5,000 workers the report agrees with an independent
 * computation written here from the definitions (plain TypeScript over the CSV files, not the
 * engine's SQL), and no published figure comes from fewer than minCell women or men — company-wide, per
 * category, and under every region and department filter. Also: the generator's new columns leave every
 * existing column of the bundled sample byte-identical.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsvWriter } from '../../pipelines/generate/csv.ts';
import { FILE_HEADERS, generate } from '../../pipelines/generate/index.ts';
import { writeFxRates, writeRoster } from '../../pipelines/generate/payroll.ts';
import { rngFor } from '../../pipelines/generate/random.ts';
import { parseDay } from '../../pipelines/generate/time.ts';
import { openWarehouse, type Warehouse } from '../../pipelines/lib/duckdb.ts';
import { payGapReport } from '../../pipelines/paygap/index.ts';
import type { PayGapReport } from '../../pipelines/contract/payGap.ts';
import { repoRoot, runCli, tempDir } from '../helpers/tmp.ts';

const AS_OF = '2026-09-30';
const MIN_CELL = 5;

/** RFC 4180 fields of one line (the generator quotes only when needed). */
function fields(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') out.push(cell), (cell = '');
    else cell += ch;
  }
  out.push(cell);
  return out;
}

function readCsv(file: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(file, 'utf8').trimEnd().split('\n');
  const names = fields(head!);
  return lines.map((l) => Object.fromEntries(fields(l).map((v, i) => [names[i]!, v])));
}

interface Worker {
  id: string;
  gender: string;
  category: string;
  country: string;
  department: string;
  region: string;
  annual: number;
  variable: number;
  hours: number;
  tenure: number | null;
}

const EU = new Set(['DE', 'GB', 'NL', 'PL', 'CH']);
const regionOf = (country: string) => (country === 'US' ? 'US' : EU.has(country) ? 'EU' : ['BR', 'MX', 'CO'].includes(country) ? 'LatAm' : 'APAC');

/** The workers at AS_OF, from the CSV files, by the definitions. */
function population(dir: string): Worker[] {
  // FX: the latest row per currency with as_of <= AS_OF; report currency EUR: local x usd(local) / usd(EUR)
  const fx = new Map<string, { asOf: string; usd: number }>();
  for (const r of readCsv(path.join(dir, 'fx_rates.csv'))) {
    if (r.as_of! > AS_OF) continue;
    const seen = fx.get(r.currency!);
    if (!seen || seen.asOf < r.as_of!) fx.set(r.currency!, { asOf: r.as_of!, usd: Number(r.usd_per_unit) });
  }
  const eur = fx.get('EUR')!.usd;
  const latest = new Map<string, Record<string, string>>();
  for (const r of readCsv(path.join(dir, 'compensation.csv'))) {
    if (r.effective_date! > AS_OF) continue;
    const seen = latest.get(r.employee_id!);
    if (!seen || seen.effective_date! < r.effective_date!) latest.set(r.employee_id!, r);
  }
  const asOfMs = Date.parse(`${AS_OF}T00:00:00Z`);
  return [...latest.values()].map((r) => {
    const rate = fx.get(r.currency!)!.usd / eur;
    const hours = r.hours_per_week ? Number(r.hours_per_week) : r.fte ? Number(r.fte) * 40 : 40;
    return {
      id: r.employee_id!,
      gender: r.gender || 'undisclosed',
      category: r.category!,
      country: r.country!,
      department: r.department!,
      region: regionOf(r.country!),
      annual: Number(r.base_salary) * rate,
      variable: Number(r.variable_pay || 0) * rate,
      hours,
      tenure: r.hire_date ? (asOfMs - Date.parse(`${r.hire_date}T00:00:00Z`)) / 86_400_000 / 365.25 : null,
    };
  });
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
const gapOf = (men: number, women: number) => (men - women) / men;
const hourly = (w: Worker) => w.annual / (w.hours * 52);
const hourlyTotal = (w: Worker) => (w.annual + w.variable) / (w.hours * 52);

/** Solve A x = b by Gaussian elimination with partial pivoting (independent of the engine's Cholesky). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    const pivot = m[p]!;
    m[p] = m[c]!;
    m[c] = pivot;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const row = m[r]!;
      const f = row[c]! / pivot[c]!;
      for (let k = c; k <= n; k++) row[k] = row[k]! - f * pivot[k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/** The whole report by the definitions, over `workers` (already filtered). */
function independent(workers: Worker[]): PayGapReport {
  const women = workers.filter((w) => w.gender === 'female');
  const men = workers.filter((w) => w.gender === 'male');
  const published = women.length >= MIN_CELL && men.length >= MIN_CELL;
  const receivers = (ws: Worker[]) => ws.filter((w) => w.variable > 0);
  const varPublished = (ws: Worker[], ms: Worker[]) => receivers(ws).length >= MIN_CELL && receivers(ms).length >= MIN_CELL;
  const when = (ok: boolean, value: () => number) => (ok ? value() : null);
  const v = published && varPublished(women, men);
  // (f) rank women and men by hourly total pay, ties by employee_id
  const ranked = [...women, ...men].sort((a, b) => hourlyTotal(a) - hourlyTotal(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const bands = [1, 2, 3, 4].map((band) => {
    const inBand = ranked.filter((_, r) => Math.floor((4 * r) / ranked.length) + 1 === band);
    const w = inBand.filter((x) => x.gender === 'female').length;
    const m = inBand.length - w;
    return { band, women: published ? w : null, men: published ? m : null, shareWomen: when(published, () => w / inBand.length), shareMen: when(published, () => m / inBand.length) };
  });
  const categories = [...new Set(workers.map((w) => w.category))].sort().map((category) => {
    const cw = women.filter((w) => w.category === category);
    const cm = men.filter((w) => w.category === category);
    const ok = cw.length >= MIN_CELL && cm.length >= MIN_CELL;
    const cv = ok && varPublished(cw, cm);
    return {
      category,
      women: ok ? cw.length : null,
      men: ok ? cm.length : null,
      suppressed: !ok,
      basicMeanGap: when(ok, () => gapOf(mean(cm.map(hourly)), mean(cw.map(hourly)))),
      basicMedianGap: when(ok, () => gapOf(median(cm.map(hourly)), median(cw.map(hourly)))),
      variableMeanGap: when(cv, () => gapOf(mean(receivers(cm).map((x) => x.variable)), mean(receivers(cw).map((x) => x.variable)))),
      variableMedianGap: when(cv, () => gapOf(median(receivers(cm).map((x) => x.variable)), median(receivers(cw).map((x) => x.variable)))),
      jointAssessment: ok && Math.abs(gapOf(mean(cm.map(hourlyTotal)), mean(cw.map(hourlyTotal)))) >= 0.05,
      cost: ok && gapOf(mean(cm.map((x) => x.annual)), mean(cw.map((x) => x.annual))) >= 0.05
        ? (0.95 * mean(cm.map((x) => x.annual)) - mean(cw.map((x) => x.annual))) * cw.length : 0,
    };
  });
  // adjusted: OLS of ln(hourly) on 1, female, tenure (when everyone has it), category and country dummies
  const rows = [...women, ...men].sort((a, b) => (a.id < b.id ? -1 : 1));
  const cats = [...new Set(rows.map((w) => w.category))].sort();
  const countries = [...new Set(rows.map((w) => w.country))].sort();
  const withTenure = rows.every((w) => w.tenure !== null);
  const x = (w: Worker) => [
    1, w.gender === 'female' ? 1 : 0, ...(withTenure ? [w.tenure!] : []),
    ...cats.slice(1).map((c) => (w.category === c ? 1 : 0)), ...countries.slice(1).map((c) => (w.country === c ? 1 : 0)),
  ];
  const xs = rows.map(x);
  const ys = rows.map((w) => Math.log(hourly(w)));
  const p = xs[0]!.length;
  const xtx = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => xs.reduce((s, r) => s + r[i]! * r[j]!, 0)));
  const xty = Array.from({ length: p }, (_, i) => xs.reduce((s, r, k) => s + r[i]! * ys[k]!, 0));
  const beta = solve(xtx, xty);
  const ssr = xs.reduce((s, r, k) => s + (ys[k]! - r.reduce((t, v, j) => t + v * beta[j]!, 0)) ** 2, 0);
  const unit = Array.from({ length: p }, (_, i) => (i === 1 ? 1 : 0));
  const se = Math.sqrt((ssr / (rows.length - p)) * solve(xtx, unit)[1]!);
  const controls = [...(cats.length > 1 ? ['category'] : []), ...(countries.length > 1 ? ['country'] : []), ...(withTenure ? ['tenure'] : [])];
  return {
    asOf: AS_OF,
    currency: 'EUR',
    workers: {
      women: women.length, men: men.length,
      other: workers.filter((w) => w.gender === 'other').length, undisclosed: workers.filter((w) => w.gender === 'undisclosed').length,
    },
    hourly: { meanGap: when(published, () => gapOf(mean(men.map(hourly)), mean(women.map(hourly)))), medianGap: when(published, () => gapOf(median(men.map(hourly)), median(women.map(hourly)))) },
    annual: {
      meanGap: when(published, () => gapOf(mean(men.map((w) => w.annual)), mean(women.map((w) => w.annual)))),
      medianGap: when(published, () => gapOf(median(men.map((w) => w.annual)), median(women.map((w) => w.annual)))),
    },
    variable: {
      meanGap: when(v, () => gapOf(mean(receivers(men).map((w) => w.variable)), mean(receivers(women).map((w) => w.variable)))),
      medianGap: when(v, () => gapOf(median(receivers(men).map((w) => w.variable)), median(receivers(women).map((w) => w.variable)))),
      shareWomen: when(published, () => receivers(women).length / women.length),
      shareMen: when(published, () => receivers(men).length / men.length),
    },
    quartiles: bands,
    categories: categories.map(({ cost: _cost, ...c }) => c),
    adjusted: {
      gap: when(published, () => 1 - Math.exp(beta[1]!)),
      low: when(published, () => 1 - Math.exp(beta[1]! + 1.96 * se)),
      high: when(published, () => 1 - Math.exp(beta[1]! - 1.96 * se)),
      controls: controls as PayGapReport['adjusted']['controls'],
    },
    costToClose: published ? categories.reduce((s, c) => s + c.cost, 0) : null,
  };
}

/** Every number of `actual` equals `expected` to 9 significant places; everything else exactly. */
function expectSame(actual: unknown, expected: unknown, where = 'report'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    expect(Math.abs(actual - expected), `${where}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual) && actual.length, where).toBe(expected.length);
    expected.forEach((e, i) => expectSame((actual as unknown[])[i], e, `${where}[${i}]`));
  } else if (expected !== null && typeof expected === 'object') {
    expect(Object.keys(actual as object).sort(), where).toEqual(Object.keys(expected).sort());
    for (const [k, e] of Object.entries(expected)) expectSame((actual as Record<string, unknown>)[k], e, `${where}.${k}`);
  } else {
    expect(actual, where).toEqual(expected);
  }
}

describe('a generated roster of 5,000 workers', () => {
  const tmp = tempDir();
  const db = path.join(tmp.dir, 'w.duckdb');
  let warehouse: Warehouse;
  let workers: Worker[];

  beforeAll(async () => {
    // 5,000 employees of seed 11 (only the pay files: the hiring side is not needed here)
    const end = parseDay(AS_OF);
    const roster = new CsvWriter(path.join(tmp.dir, 'compensation.csv'), FILE_HEADERS['compensation.csv']);
    writeRoster(5000, end, rngFor(11, 'roster'), roster, rngFor(11, 'roster-equity'));
    roster.close();
    const fx = new CsvWriter(path.join(tmp.dir, 'fx_rates.csv'), FILE_HEADERS['fx_rates.csv']);
    writeFxRates(end, rngFor(11, 'fx'), fx);
    fx.close();
    const run = runCli(['ingest', path.join(tmp.dir, 'fx_rates.csv'), path.join(tmp.dir, 'compensation.csv'), '--db', db, '--json']);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).rowsRejected).toBe(0);
    warehouse = await openWarehouse(db);
    workers = population(tmp.dir);
  }, 120_000);
  afterAll(() => {
    warehouse?.close();
    tmp.cleanup();
  });

  it('agrees with the independent computation, figure by figure', async () => {
    expect(workers.length).toBe(5000);
    const report = await payGapReport(warehouse, { asOf: AS_OF, currency: 'EUR', minCell: MIN_CELL });
    const expected = independent(workers);
    expectSame(report, expected);
    // the deliberate gap (pipelines/generate/payroll.ts GAP_FAMILIES): women sit lower in engineering and
    // sales bands, so the adjusted gap is positive and its interval excludes 0
    expect(report.adjusted.controls).toEqual(['category', 'country', 'tenure']);
    expect(report.adjusted.low!).toBeGreaterThan(0);
    const engineering = report.categories.filter((c) => c.category.startsWith('engineering x') && !c.suppressed);
    expect(engineering.length).toBeGreaterThan(0);
    expect(report.categories.some((c) => c.jointAssessment)).toBe(true);
  });

  it('publishes nothing from fewer than 5 women or men, under every region and department filter', async () => {
    const filters = [
      {},
      ...['US', 'EU', 'LatAm', 'APAC'].map((region) => ({ region })),
      ...[...new Set(workers.map((w) => w.department))].map((department) => ({ department })),
      { region: 'EU', department: 'Sales' },
    ];
    let suppressedSeen = 0;
    for (const filter of filters) {
      const report = await payGapReport(warehouse, { asOf: AS_OF, currency: 'EUR', minCell: MIN_CELL, ...filter });
      const view = workers.filter((w) => (!('region' in filter) || w.region === filter.region) && (!('department' in filter) || w.department === filter.department));
      expectSame(report, independent(view), JSON.stringify(filter));
      for (const c of report.categories) {
        const counts = ['female', 'male'].map((g) => view.filter((w) => w.category === c.category && w.gender === g).length);
        if (Math.min(...counts) < MIN_CELL) {
          suppressedSeen++;
          expect(c).toMatchObject({ women: null, men: null, suppressed: true, basicMeanGap: null, basicMedianGap: null, variableMeanGap: null, variableMedianGap: null });
        }
      }
    }
    expect(suppressedSeen).toBeGreaterThan(0);
  });
});

describe('the sample roster', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('keeps every column it had before the pay-gap columns byte-identical, and is what the generator writes', async () => {
    await generate({ seed: 5, scale: 1, outDir: tmp.dir });
    const generated = readFileSync(path.join(tmp.dir, 'compensation.csv'), 'utf8');
    expect(readFileSync(path.join(repoRoot, 'data', 'sample', 'compensation.csv'), 'utf8')).toBe(generated);
    // drop the six new columns (never quoted: enum, numbers, "family x level", a date)
    const before = generated.split('\n').map((line) => (line === '' ? line : line.split(',').slice(0, -6).join(','))).join('\n');
    // sha256 of data/sample/compensation.csv on main before issue 19 (git show main:data/sample/compensation.csv)
    expect(createHash('sha256').update(before).digest('hex')).toBe('02ca215d9d3bdc47859a8b065c89516d9208c01854957e670d72d8b1fff19047');
  }, 120_000);
});
