/**
 * The adjusted gap (issue 19): ordinary least squares of ln(hourly basic pay) on `female` plus the
 * controls — one indicator per category and per country beside a reference level (the first in sorted
 * order), and tenure in years when every worker has a hire date. The model is fitted from per-cell sufficient
 * statistics: one cell per (category, country, sex), holding its count, the means of y and tenure and the
 * sums of squares and products about those means. Every design column but tenure is constant in a cell, so
 * X'X, X'y and the residual sum of squares follow from the cells exactly; the snapshot's cells come from SQL
 * (pipelines/sql/paygap/regression_cells.sql) and no row of a worker crosses into JavaScript. The cells are
 * unsuppressed aggregates (a cell may hold one worker): held in memory for the call, never written anywhere.
 * The linear algebra is ml-matrix's Cholesky decomposition.
 *
 * adjusted gap = 1 - exp(beta_female); 95% interval 1 - exp(beta_female -/+ 1.96 SE), SE the classical
 * OLS standard error sqrt(s^2 [(X'X)^-1]_female), s^2 = residual sum of squares / (n - p).
 * The residual sum of squares is summed per cell as its spread about its own mean (less what tenure explains
 * within it) plus n x (cell mean - fitted value at the cell's mean)^2: no difference of two large sums
 * (y'y - b'X'y would lose digits to cancellation on a good fit).
 * Columns that are linear combinations of earlier ones (a category holding only one country, say) are
 * left out, as R's lm() does with its aliased coefficients.
 */
import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import type { payGapControls } from '../contract/payGap.ts';

/** One worker of the regression (the plain form, for small inputs and tests). */
export interface RegressionRow {
  readonly y: number;
  readonly female: boolean;
  readonly category: string;
  readonly country: string;
  readonly tenure: number | null;
}

/**
 * The sufficient statistics of the workers of one (category, country, sex): n, how many have a tenure, the
 * means of y and tenure (tenure's over those who have one; null when none has), and the sums about those
 * means of (y - ybar)^2, (t - tbar)(y - ybar) and (t - tbar)^2 (null when a tenure is missing).
 */
export interface RegressionCell {
  readonly category: string;
  readonly country: string;
  readonly female: boolean;
  readonly n: number;
  readonly with_tenure: number;
  readonly y_mean: number;
  readonly t_mean: number | null;
  readonly syy: number;
  readonly sty: number | null;
  readonly stt: number | null;
}

export interface AdjustedGap {
  readonly beta: number;
  readonly se: number;
  readonly gap: number;
  readonly low: number;
  readonly high: number;
}

type Control = (typeof payGapControls)[number];

const byKey = (a: RegressionCell, b: RegressionCell) =>
  a.category < b.category ? -1 : a.category > b.category ? 1 : a.country < b.country ? -1 : a.country > b.country ? 1 : Number(a.female) - Number(b.female);

/** The cells of plain rows, as regression_cells.sql forms them (means first, then the sums about them). */
export function cellsOf(rows: readonly RegressionRow[]): RegressionCell[] {
  const groups = new Map<string, RegressionRow[]>();
  for (const row of rows) {
    const key = JSON.stringify([row.category, row.country, row.female]);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()]
    .map((group) => {
      const { category, country, female } = group[0]!;
      const timed = group.filter((r) => r.tenure !== null);
      const yMean = group.reduce((s, r) => s + r.y, 0) / group.length;
      const tMean = timed.length ? timed.reduce((s, r) => s + r.tenure!, 0) / timed.length : null;
      const complete = timed.length === group.length && tMean !== null;
      return {
        category,
        country,
        female,
        n: group.length,
        with_tenure: timed.length,
        y_mean: yMean,
        t_mean: tMean,
        syy: group.reduce((s, r) => s + (r.y - yMean) ** 2, 0),
        sty: complete ? group.reduce((s, r) => s + (r.tenure! - tMean) * (r.y - yMean), 0) : null,
        stt: complete ? group.reduce((s, r) => s + (r.tenure! - tMean) ** 2, 0) : null,
      };
    })
    .sort(byKey);
}

/** The controls the model uses: category and country when they vary, tenure when every worker has one. */
export function controlsOf(rows: readonly RegressionRow[]): Control[] {
  return controlsOfCells(cellsOf(rows));
}

/** controlsOf, from the cells. */
export function controlsOfCells(cells: readonly RegressionCell[]): Control[] {
  const controls: Control[] = [];
  if (new Set(cells.map((c) => c.category)).size > 1) controls.push('category');
  if (new Set(cells.map((c) => c.country)).size > 1) controls.push('country');
  if (cells.length > 0 && cells.every((c) => c.with_tenure === c.n)) controls.push('tenure');
  return controls;
}

interface Layout {
  readonly width: number;
  readonly tenure: number | undefined;
  readonly categories: ReadonlyMap<string, number>;
  readonly countries: ReadonlyMap<string, number>;
}

function layoutOf(cells: readonly RegressionCell[], controls: readonly Control[]): Layout {
  let width = 2; // intercept, female
  const tenure = controls.includes('tenure') ? width++ : undefined;
  const indicators = (values: string[], used: boolean) => {
    const map = new Map<string, number>();
    if (!used) return map;
    // the first value in sorted order is the reference level (no column)
    for (const value of [...new Set(values)].sort().slice(1)) map.set(value, width++);
    return map;
  };
  const categories = indicators(cells.map((c) => c.category), controls.includes('category'));
  const countries = indicators(cells.map((c) => c.country), controls.includes('country'));
  return { width, tenure, categories, countries };
}

/** The columns that are constant in a cell and equal 1 there (intercept, female, its indicators). */
function constantColumns(cell: RegressionCell, layout: Layout): number[] {
  const columns = [0];
  if (cell.female) columns.push(1);
  const category = layout.categories.get(cell.category);
  if (category !== undefined) columns.push(category);
  const country = layout.countries.get(cell.country);
  if (country !== undefined) columns.push(country);
  return columns;
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

/** OLS of y on female + controls from plain rows (see adjustedGapOfCells). */
export function adjustedGap(rows: readonly RegressionRow[], controls: readonly Control[]): AdjustedGap | undefined {
  return adjustedGapOfCells(cellsOf(rows), controls);
}

/** OLS of y on female + controls; undefined when female is aliased or no degree of freedom is left. */
export function adjustedGapOfCells(unordered: readonly RegressionCell[], controls: readonly Control[]): AdjustedGap | undefined {
  const cells = [...unordered].sort(byKey); // a fixed order of additions: the same cells give the same bits
  const layout = layoutOf(cells, controls);
  const width = layout.width;
  const t = layout.tenure;
  const xtx = Matrix.zeros(width, width);
  const xty = Matrix.zeros(width, 1);
  const add = (i: number, j: number, value: number) => xtx.set(i, j, xtx.get(i, j) + value);
  let n = 0;
  for (const cell of cells) {
    n += cell.n;
    const columns = constantColumns(cell, layout);
    for (const i of columns) {
      xty.set(i, 0, xty.get(i, 0) + cell.n * cell.y_mean);
      for (const j of columns) add(i, j, cell.n);
    }
    if (t === undefined) continue;
    // tenure: sum t = n tbar; sum t^2 = stt + n tbar^2; sum t y = sty + n tbar ybar
    const tMean = cell.t_mean!;
    for (const i of columns) {
      add(i, t, cell.n * tMean);
      add(t, i, cell.n * tMean);
    }
    add(t, t, cell.stt! + cell.n * tMean * tMean);
    xty.set(t, 0, xty.get(t, 0) + cell.sty! + cell.n * tMean * cell.y_mean);
  }
  const kept = independentColumns(xtx);
  const femaleAt = kept.indexOf(1);
  const degrees = n - kept.length;
  if (femaleAt < 0 || degrees <= 0) return undefined;
  const cholesky = new CholeskyDecomposition(xtx.selection(kept, kept));
  const beta = cholesky.solve(xty.selection(kept, [0]));
  const coefficient = new Map(kept.map((column, at) => [column, beta.get(at, 0)]));
  const bTenure = t === undefined ? 0 : (coefficient.get(t) ?? 0);
  let residualSquares = 0;
  for (const cell of cells) {
    // residual = (y - ybar) - bt (t - tbar) + (ybar - fitted at the cell's means); the cross terms sum to 0
    let fitted = 0;
    for (const i of constantColumns(cell, layout)) fitted += coefficient.get(i) ?? 0;
    let within = cell.syy;
    if (t !== undefined) {
      fitted += bTenure * cell.t_mean!;
      within += bTenure * bTenure * cell.stt! - 2 * bTenure * cell.sty!;
    }
    residualSquares += Math.max(within, 0) + cell.n * (cell.y_mean - fitted) ** 2;
  }
  const variance = residualSquares / degrees;
  const unit = Matrix.zeros(kept.length, 1);
  unit.set(femaleAt, 0, 1);
  const inverseColumn = cholesky.solve(unit); // the female column of (X'X)^-1
  const se = Math.sqrt(variance * inverseColumn.get(femaleAt, 0));
  const b = coefficient.get(1)!;
  // beta - 1.96 SE gives the larger gap: the interval is [1 - exp(b + 1.96 SE), 1 - exp(b - 1.96 SE)]
  return { beta: b, se, gap: 1 - Math.exp(b), low: 1 - Math.exp(b + 1.96 * se), high: 1 - Math.exp(b - 1.96 * se) };
}
