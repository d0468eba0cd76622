/**
 * Compensation side of the sample: the employee roster (pay history per employee), a small synthetic
 * market survey built on the seed article's pay table, and monthly FX rates with a seeded drift.
 */
import type { LevelKey } from './company.ts';
import {
  DEPARTMENTS,
  FX_USD_PER_UNIT,
  LEVEL_PROFILES,
  LEVELS,
  OFFICES,
  PAY_BANDS_USD,
  REGIONS,
  roundSalary,
} from './company.ts';
import type { CsvWriter } from './csv.ts';
import { csvField } from './csv.ts';
import { spellLevel } from './jobs.ts';
import type { Rng } from './random.ts';
import { Choice } from './random.ts';
import { formatDay, monthStart } from './time.ts';

export const EMPLOYEES_PER_SCALE = 200;
export const BENCHMARK_SOURCE = 'Sample market survey (synthetic, hirescope generate)';

const departmentChoice = new Choice(DEPARTMENTS.map((d) => [d, d.weight] as const));
const levelChoice = new Choice(LEVELS.map((k) => [k, LEVEL_PROFILES[k].employeeWeight] as const));
const officeChoice = new Choice(OFFICES.map((o) => [o, o.weight] as const));

const pad = (n: number): string => String(n).padStart(6, '0');

/**
 * Writes `count` employees, each with 1-3 pay rows: the hire (or the roster baseline for long-tenured
 * staff), then annual April reviews with a raise or a promotion. Dates never pass `endDay`.
 */
export function writeRoster(count: number, endDay: number, rng: Rng, out: CsvWriter): void {
  const baseline = endDay - 4 * 365;
  for (let i = 1; i <= count; i++) {
    const id = `emp-${pad(i)}`;
    const department = departmentChoice.pick(rng);
    const office = officeChoice.pick(rng);
    let level: LevelKey = levelChoice.pick(rng);
    const [low, high] = PAY_BANDS_USD[level][office.region];
    let usd = ((low + high) / 2) * office.payFactor * department.payFactor * rng.logNormal(0.97, 0.09);
    // Tenure skewed to recent hires (a growing company); dates before the baseline are kept as history.
    let day = baseline + Math.floor((endDay - baseline) * rng.next() ** 0.75);
    const row = (): void =>
      out.line(
        `${id},${csvField(spellLevel(level, rng))},${office.country},${roundSalary(usd / (FX_USD_PER_UNIT[office.currency] ?? 1))},` +
          `${office.currency},${department.family},${csvField(department.name)},${formatDay(day)}`,
      );
    row();
    for (let rows = 1; rows < 3; rows++) {
      // Next April 1st at least 90 days after the last change.
      let review = monthStart(day + 90, 0);
      while (new Date(review * 86_400_000).getUTCMonth() !== 3) review = monthStart(review, 1);
      if (review > endDay) break;
      day = review;
      const promoted = rng.chance(0.15) && level !== 'executive';
      if (promoted) {
        level = LEVELS[LEVELS.indexOf(level) + 1] as LevelKey;
        usd *= rng.uniform(1.1, 1.16);
        row();
      } else if (rng.chance(0.5)) {
        usd *= rng.uniform(1.02, 1.07);
        row();
      }
    }
  }
}

/**
 * The synthetic market survey: every role family x level (entry..principal) x region, in USD. Engineering
 * low/high are the seed article's table where it has a row; other families are discounted like our pay.
 */
export function writeBenchmarks(endDay: number, rng: Rng, out: CsvWriter): void {
  const asOf = formatDay(monthStart(endDay, -2));
  const families = DEPARTMENTS.map((d) => [d.family, d.payFactor] as const);
  for (const [family, factor] of families) {
    for (const level of LEVELS) {
      if (level === 'executive') continue;
      for (const region of REGIONS) {
        const [bandLow, bandHigh] = PAY_BANDS_USD[level][region];
        const low = roundSalary(bandLow * factor);
        const high = roundSalary(bandHigh * factor);
        const width = high - low;
        const jitter = (): number => rng.uniform(-0.015, 0.015) * (low + high) / 2;
        const mid = Math.round(((low + high) / 2 + jitter()) / 500) * 500;
        const p25 = Math.min(mid - 500, Math.round((low + 0.15 * width + jitter()) / 500) * 500);
        const p75 = Math.max(mid + 500, Math.round((high - 0.15 * width + jitter()) / 500) * 500);
        const p10 = Math.min(p25 - 500, Math.round((low - 0.15 * width) / 500) * 500);
        const p90 = Math.max(p75 + 500, Math.round((high + 0.15 * width) / 500) * 500);
        out.line(
          `${csvField(BENCHMARK_SOURCE)},${level},${region},USD,${family},${low},${high},${p10},${p25},${mid},${p75},${p90},${asOf}`,
        );
      }
    }
  }
}

/** Formats a rate with six significant digits and no trailing zeros (never exponent notation here). */
function formatRate(rate: number): string {
  return String(Number(rate.toPrecision(6)));
}

/**
 * Monthly FX rates (USD per unit) from January two years before `end` to end's month: the 2024-2026
 * levels with a small mean-reverting seeded drift. USD is listed at 1 so every currency used resolves.
 */
export function writeFxRates(endDay: number, rng: Rng, out: CsvWriter): void {
  const first = monthStart(endDay, -new Date(endDay * 86_400_000).getUTCMonth() - 24);
  const months: number[] = [];
  for (let m = first; m <= endDay; m = monthStart(m, 1)) months.push(m);
  for (const [currency, base] of Object.entries(FX_USD_PER_UNIT)) {
    let drift = 0;
    for (const month of months) {
      if (currency !== 'USD') drift = 0.85 * drift + rng.normal() * 0.012;
      out.line(`${currency},${formatRate(base * Math.exp(drift))},${formatDay(month)}`);
    }
  }
}
