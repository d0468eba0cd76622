/**
 * The adjusted gap (issue 19): ordinary least squares of ln(hourly basic pay) on `female` plus the
 * controls — one indicator per category and per country beside a reference level (the first in sorted
 * order), and tenure in years when every worker has a hire date. Only the design matrix's aggregates
 * (X'X, X'y) are formed here, from rows held in memory for this call and never written anywhere; the
 * linear algebra is ml-matrix's Cholesky decomposition.
 *
 * adjusted gap = 1 - exp(beta_female); 95% interval 1 - exp(beta_female -/+ 1.96 SE), SE the classical
 * OLS standard error sqrt(s^2 [(X'X)^-1]_female), s^2 = residual sum of squares / (n - p).
 * Columns that are linear combinations of earlier ones (a category holding only one country, say) are
 * left out, as R's lm() does with its aliased coefficients.
 */
import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import type { payGapControls } from '../contract/payGap.ts';

export interface RegressionRow {
  readonly y: number;
  readonly female: boolean;
  readonly category: string;
  readonly country: string;
  readonly tenure: number | null;
}

export interface AdjustedGap {
  readonly beta: number;
  readonly se: number;
  readonly gap: number;
  readonly low: number;
  readonly high: number;
}

type Control = (typeof payGapControls)[number];

/** The controls the model uses on these rows: category and country when they vary, tenure when every row has one. */
export function controlsOf(rows: readonly RegressionRow[]): Control[] {
  const controls: Control[] = [];
  if (new Set(rows.map((r) => r.category)).size > 1) controls.push('category');
  if (new Set(rows.map((r) => r.country)).size > 1) controls.push('country');
  if (rows.length > 0 && rows.every((r) => r.tenure !== null)) controls.push('tenure');
  return controls;
}

/** Indices of the non-zero columns of one row, with their values. */
function designRow(row: RegressionRow, layout: Layout): Array<[number, number]> {
  const entries: Array<[number, number]> = [[0, 1]];
  if (row.female) entries.push([1, 1]);
  if (layout.tenure !== undefined) entries.push([layout.tenure, row.tenure!]);
  const category = layout.categories.get(row.category);
  if (category !== undefined) entries.push([category, 1]);
  const country = layout.countries.get(row.country);
  if (country !== undefined) entries.push([country, 1]);
  return entries;
}

interface Layout {
  readonly width: number;
  readonly tenure: number | undefined;
  readonly categories: ReadonlyMap<string, number>;
  readonly countries: ReadonlyMap<string, number>;
}

function layoutOf(rows: readonly RegressionRow[], controls: readonly Control[]): Layout {
  let width = 2; // intercept, female
  const tenure = controls.includes('tenure') ? width++ : undefined;
  const indicators = (values: string[], used: boolean) => {
    const map = new Map<string, number>();
    if (!used) return map;
    // the first value in sorted order is the reference level (no column)
    for (const value of [...new Set(values)].sort().slice(1)) map.set(value, width++);
    return map;
  };
  const categories = indicators(rows.map((r) => r.category), controls.includes('category'));
  const countries = indicators(rows.map((r) => r.country), controls.includes('country'));
  return { width, tenure, categories, countries };
}

/** Columns kept: each one that is not (numerically) a combination of the ones kept before it. */
function independentColumns(xtx: Matrix): number[] {
  const kept: number[] = [];
  for (let j = 0; j < xtx.rows; j++) {
    const trial = [...kept, j];
    const cholesky = new CholeskyDecomposition(xtx.selection(trial, trial));
    if (!cholesky.isPositiveDefinite()) continue;
    const pivot = cholesky.lowerTriangularMatrix.get(trial.length - 1, trial.length - 1);
    if (pivot * pivot > 1e-10 * Math.max(xtx.get(j, j), 1e-300)) kept.push(j);
  }
  return kept;
}

/** OLS of y on female + controls; undefined when female is aliased or no degree of freedom is left. */
export function adjustedGap(rows: readonly RegressionRow[], controls: readonly Control[]): AdjustedGap | undefined {
  const layout = layoutOf(rows, controls);
  const xtx = Matrix.zeros(layout.width, layout.width);
  const xty = Matrix.zeros(layout.width, 1);
  const designs = rows.map((row) => designRow(row, layout));
  rows.forEach((row, index) => {
    const entries = designs[index]!;
    for (const [i, vi] of entries) {
      xty.set(i, 0, xty.get(i, 0) + vi * row.y);
      for (const [j, vj] of entries) xtx.set(i, j, xtx.get(i, j) + vi * vj);
    }
  });
  const kept = independentColumns(xtx);
  const femaleAt = kept.indexOf(1);
  const degrees = rows.length - kept.length;
  if (femaleAt < 0 || degrees <= 0) return undefined;
  const cholesky = new CholeskyDecomposition(xtx.selection(kept, kept));
  const beta = cholesky.solve(xty.selection(kept, [0]));
  const coefficient = new Map(kept.map((column, at) => [column, beta.get(at, 0)]));
  let residualSquares = 0;
  rows.forEach((row, index) => {
    let fitted = 0;
    for (const [i, v] of designs[index]!) fitted += (coefficient.get(i) ?? 0) * v;
    residualSquares += (row.y - fitted) ** 2;
  });
  const variance = residualSquares / degrees;
  const unit = Matrix.zeros(kept.length, 1);
  unit.set(femaleAt, 0, 1);
  const inverseColumn = cholesky.solve(unit); // the female column of (X'X)^-1
  const se = Math.sqrt(variance * inverseColumn.get(femaleAt, 0));
  const b = coefficient.get(1)!;
  // beta - 1.96 SE gives the larger gap: the interval is [1 - exp(b + 1.96 SE), 1 - exp(b - 1.96 SE)]
  return { beta: b, se, gap: 1 - Math.exp(b), low: 1 - Math.exp(b + 1.96 * se), high: 1 - Math.exp(b - 1.96 * se) };
}
