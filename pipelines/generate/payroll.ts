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
 * The pay-gap columns (issue 19: gender, hours, fte, variable pay, category, hire date) come from `equity`,
 * a stream of their own, so every other column is what it was before they existed.
 */
export function writeRoster(count: number, endDay: number, rng: Rng, out: CsvWriter, equity: Rng): void {
  const baseline = endDay - 4 * 365;
  for (let i = 1; i <= count; i++) {
    const id = `emp-${pad(i)}`;
    const department = departmentChoice.pick(rng);
    const office = officeChoice.pick(rng);
    let level: LevelKey = levelChoice.pick(rng);
    const [low, high] = PAY_BANDS_USD[level][office.region];
    const spread = rng.logNormal(0.97, 0.09);
    let usd = ((low + high) / 2) * office.payFactor * department.payFactor * spread;
    // Tenure skewed to recent hires (a growing company); dates before the baseline are kept as history.
    let day = baseline + Math.floor((endDay - baseline) * rng.next() ** 0.75);
    const person = drawEquity(department.family, office.country, Math.log(spread / 0.97) / 0.09, day, equity);
    const row = (): void => {
      const local = roundSalary(usd / (FX_USD_PER_UNIT[office.currency] ?? 1));
      out.line(
        `${id},${csvField(spellLevel(level, rng))},${office.country},${local},` +
          `${office.currency},${department.family},${csvField(department.name)},${formatDay(day)},` +
          equityFields(person, local, department.family, level),
      );
    };
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
 * Share of women per role family (a plausible tech company), before the deliberate gap below.
 */
const WOMEN_SHARE: Readonly<Record<string, number>> = {
  engineering: 0.3, product: 0.45, design: 0.55, data: 0.35, sales: 0.4, marketing: 0.6, support: 0.55, people: 0.7, finance: 0.5,
};

/**
 * The deliberate, documented gap (docs/pay-equity.md, "The sample"): in engineering and sales, women are
 * more likely to sit low in their pay band — P(female) falls by 0.3 per standard deviation of the
 * employee's pay draw — so those categories show a mean gap of several percent, and the adjusted gap
 * is positive; elsewhere sex is drawn independently of pay. Base salaries themselves are unchanged.
 */
export const GAP_FAMILIES: readonly string[] = ['engineering', 'sales'];

interface EquityDraw {
  readonly gender: string;
  readonly hours: string;
  readonly fte: string;
  /** Fraction of base salary paid as variable pay (0: none). */
  readonly variableShare: number;
  readonly hireDate: string;
}

/** The usual full-time week by office country (hours); 40 elsewhere. */
const FULL_TIME_HOURS: Readonly<Record<string, number>> = { GB: 37.5, NL: 38, CH: 42, BR: 44, MX: 48, CO: 46, IN: 45, SG: 44, AU: 38 };

/**
 * One employee's pay-gap attributes; `z` is the standardised pay draw of writeRoster, `firstDay` the
 * first row's day. The roster's base_salary predates these columns and is a full-time salary, so
 * part-time (fte 0.8 or 0.9; more often women) stays rare here: a real roster gives the pay actually
 * paid, and the hourly figures of these few read 11-25% high (docs/pay-equity.md, "The sample").
 */
function drawEquity(family: string, country: string, z: number, firstDay: number, rng: Rng): EquityDraw {
  const base = WOMEN_SHARE[family] ?? 0.5;
  const shareWomen = GAP_FAMILIES.includes(family) ? Math.min(0.95, Math.max(0.05, base - 0.3 * z)) : base;
  const u = rng.next();
  const gender = u < 0.015 ? 'other' : u < 0.045 ? 'undisclosed' : rng.chance(shareWomen) ? 'female' : 'male';
  const week = FULL_TIME_HOURS[country] ?? 40;
  const partTime = rng.chance(gender === 'female' ? 0.06 : 0.02);
  const share = partTime ? (rng.chance(0.5) ? 0.8 : 0.9) : 1;
  // half the rosters state hours, the other half an FTE (hours = fte x payGap.standardHours) or nothing
  const asFte = rng.chance(0.5);
  const hours = asFte ? '' : String(week * share);
  const fte = asFte && partTime ? String(share) : '';
  // Variable pay: commission for most of sales, a bonus for some others.
  const receives = rng.chance(family === 'sales' ? 0.9 : 0.3);
  const variableShare = receives ? (family === 'sales' ? rng.uniform(0.1, 0.4) : rng.uniform(0.03, 0.12)) : 0;
  // Hire date: the first row's day, or earlier for staff whose roster history starts at the baseline.
  const hire = rng.chance(0.6) ? firstDay : firstDay - Math.floor(rng.uniform(30, 6 * 365));
  return { gender, hours, fte, variableShare, hireDate: formatDay(hire) };
}

/** The six pay-gap columns of one roster row (category = role family x canonical level). */
function equityFields(person: EquityDraw, localBase: number, family: string, level: LevelKey): string {
  const variable = Math.round((localBase * person.variableShare) / 100) * 100;
  return `${person.gender},${person.hours},${person.fte},${variable},${family} x ${level},${person.hireDate}`;
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
