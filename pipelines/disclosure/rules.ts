/**
 * Disclosure control (issue 15): the rules every published pay or offer figure follows. The numbers are
 * in pipelines/contract/disclosure.ts; this module and pipelines/sql/disclosure/rules.sql turn them into
 * the SQL macros that pay_bands.sql and offers_vs_bands.sql apply before anything leaves DuckDB
 * (snapshot, CSV export, `metrics --json --publish`). README "What is published" says the same in words.
 */
import type { Config } from '../lib/config.ts';
import { sqlFile, paramsFor, type Warehouse } from '../lib/duckdb.ts';
import { disclosureRules } from '../contract/disclosure.ts';

/**
 * Dimension columns (table, column) whose free text is screened at ingest (hs_screen in
 * pipelines/sql/disclosure/screen.sql): an e-mail, phone number or profile URL becomes "Other (redacted)".
 */
export const screenedColumns = [
  ['applications', 'source'],
  ['applications', 'source_type'],
  ['applications', 'rejection_reason'],
  ['jobs', 'department'],
  ['jobs', 'office'],
  ['jobs', 'role_family'],
  ['jobs', 'level'],
  ['jobs', 'recruiter'],
  ['jobs', 'hiring_manager'],
  ['offers', 'decline_reason'],
  ['openings', 'close_reason'],
  ['stage_history', 'stage'],
  ['compensation', 'department'],
  ['compensation', 'role_family'],
  ['compensation', 'level'],
  ['compensation', 'category'],
] as const;

/** The percentiles published, as the integer keys of the weights table (hs_hd_weights.pct). */
export const publishedPercentiles = [10, 25, 50, 75, 90] as const;

/** The grid a published pay figure of a cell of n people is rounded to. */
export function payGrid(n: number, exactFrom: number = disclosureRules.exactFrom): number {
  return n < exactFrom ? disclosureRules.gridBelowExactFrom : disclosureRules.gridFromExactFrom;
}

/**
 * A pay figure of a cell of n people as published: to cents, then to the grid, half away from zero (as
 * hs_publish_pay in rules.sql).
 */
export function publishPay(value: number, n: number, exactFrom: number = disclosureRules.exactFrom): number {
  const grid = payGrid(n, exactFrom);
  const cents = Math.round(Math.abs(value) * 100) / 100;
  return Math.sign(value) * Math.round(cents / grid) * grid;
}

// ---- Harrell-Davis weights ---------------------------------------------------------------------------

// Lanczos approximation (g = 7, 9 coefficients; relative error about 1e-15 for x > 0).
const lanczos = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = lanczos[0]!;
  for (let i = 1; i < lanczos.length; i++) sum += lanczos[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Continued fraction of the incomplete beta function (modified Lentz; Numerical Recipes §6.4). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 500; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) return h;
  }
  throw new Error(`incomplete beta: no convergence for x=${x}, a=${a}, b=${b}`);
}

/**
 * Both tails of the Beta(a, b) distribution at x: I_x(a, b) and 1 - I_x(a, b), each computed directly
 * on the side where it is small (the continued fraction converges fast on the near side of the mean), so
 * a tail of 1e-20 is not lost as 1 - (1 - 1e-20).
 */
function betaTails(x: number, a: number, b: number): { lower: number; upper: number } {
  if (!(a > 0 && b > 0)) throw new Error(`incomplete beta: a and b must be positive, got ${a}, ${b}`);
  if (x <= 0) return { lower: 0, upper: 1 };
  if (x >= 1) return { lower: 1, upper: 0 };
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  if (x < (a + 1) / (a + b + 2)) {
    const lower = (front * betaContinuedFraction(x, a, b)) / a;
    return { lower, upper: 1 - lower };
  }
  const upper = (front * betaContinuedFraction(1 - x, b, a)) / b; // I_x(a, b) = 1 - I_{1-x}(b, a)
  return { lower: 1 - upper, upper };
}

/** The regularized incomplete beta function I_x(a, b) (the Beta(a, b) distribution function at x). */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  return betaTails(x, a, b).lower;
}

/**
 * Harrell-Davis weights of the q-quantile for n sorted values (Harrell & Davis 1982, Biometrika 69(3)):
 * W_i = I_{i/n}(a, b) - I_{(i-1)/n}(a, b) with a = q (n + 1), b = (1 - q)(n + 1). The estimate is the
 * weighted sum of all n values: every value weighs, so it is not one person's value. Weights left of the
 * quantile are differences of the lower tail, right of it of the upper tail (both small there).
 */
export function harrellDavisWeights(n: number, q: number): number[] {
  const a = q * (n + 1);
  const b = (1 - q) * (n + 1);
  const tails = Array.from({ length: n + 1 }, (_, i) => betaTails(i / n, a, b));
  return Array.from({ length: n }, (_, i) =>
    (i + 1) / n <= q ? tails[i + 1]!.lower - tails[i]!.lower : tails[i]!.upper - tails[i + 1]!.upper,
  );
}

/** Harrell-Davis estimate of the q-quantile (values in any order). */
export function harrellDavis(values: readonly number[], q: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  return harrellDavisWeights(sorted.length, q).reduce((sum, w, i) => sum + w * sorted[i]!, 0);
}

/** The rules this configuration publishes with. */
export function rulesOf(config: Config) {
  return { ...disclosureRules, minCell: config.pay.minCell, exactFrom: config.pay.exactFrom };
}

/**
 * Install the rules on this connection: the disclosure_rules row and macros (rules.sql), and the
 * Harrell-Davis weights of every cell size under exactFrom and every published percentile
 * (hs_hd_weights: n, pct, i, w — numbers only, no person's value).
 */
export async function installDisclosure(warehouse: Warehouse, config: Config): Promise<void> {
  const rules = rulesOf(config);
  const sql = sqlFile('disclosure/rules.sql');
  const n: number[] = [];
  const pct: number[] = [];
  const i: number[] = [];
  const w: number[] = [];
  for (let size = 1; size < rules.exactFrom; size++) {
    for (const p of publishedPercentiles) {
      harrellDavisWeights(size, p / 100).forEach((weight, index) => {
        n.push(size);
        pct.push(p);
        i.push(index + 1);
        w.push(weight);
      });
    }
  }
  await warehouse.run(
    sql,
    paramsFor(sql, {
      min_cell: rules.minCell,
      exact_from: rules.exactFrom,
      grid_small: rules.gridBelowExactFrom,
      grid_large: rules.gridFromExactFrom,
      ratio_digits: rules.ratioDigits,
      tails_from: rules.tailsFrom,
      hd_n: JSON.stringify(n),
      hd_pct: JSON.stringify(pct),
      hd_i: JSON.stringify(i),
      hd_w: JSON.stringify(w),
    }),
  );
}
