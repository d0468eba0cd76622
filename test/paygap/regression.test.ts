/**
 * The adjusted gap's OLS (pipelines/paygap/regression.ts) on aliased designs: a column that is an exact
 * combination of others is left out (as R's lm() does), so the estimate equals the model without it.
 */
import { describe, expect, it } from 'vitest';
import { adjustedGap, controlsOf, type RegressionRow } from '../../pipelines/paygap/regression.ts';

// Category A is exactly the workers in DE, B exactly those in FR: the FR indicator equals the B indicator.
const wages: Array<[number, boolean, 'A' | 'B']> = [
  [20, true, 'A'], [22, true, 'A'], [24, false, 'A'], [27, false, 'A'], [25, false, 'A'],
  [30, true, 'B'], [33, true, 'B'], [36, false, 'B'], [38, false, 'B'],
];
const rows: RegressionRow[] = wages.map(([w, female, category]) => ({
  y: Math.log(w), female, category, country: category === 'A' ? 'DE' : 'FR', tenure: null,
}));

describe('adjustedGap', () => {
  it('drops an aliased country indicator and gives the category-only estimate', () => {
    expect(controlsOf(rows)).toEqual(['category', 'country']);
    const both = adjustedGap(rows, ['category', 'country'])!;
    const categoryOnly = adjustedGap(rows, ['category'])!;
    expect(both.beta).toBeCloseTo(categoryOnly.beta, 12);
    expect(both.se).toBeCloseTo(categoryOnly.se, 12);
    // 9 rows, 3 columns kept (1, female, B): 6 degrees of freedom; beta < 0 (women lower in both categories)
    expect(both.beta).toBeLessThan(0);
    expect(both.low).toBeLessThan(both.gap);
    expect(both.high).toBeGreaterThan(both.gap);
  });

  it('gives nothing when female is aliased (only women) or no degree of freedom is left', () => {
    expect(adjustedGap(rows.filter((r) => r.female), [])).toBeUndefined();
    // one woman (20) and one man (24): two rows, two columns (1, female), no residual degree of freedom
    expect(adjustedGap([rows[0]!, rows[2]!], [])).toBeUndefined();
  });
});

describe('adjustedGap from cell sums', () => {
  it('gives an interval of width 0 on an exact fit (no cancellation in the residual sum of squares)', () => {
    // every woman earns 20, every man 25, in two categories: y = ln 25 + ln(20/25) female exactly, so beta =
    // ln 0.8, gap 1 - 0.8 = 0.2, residuals 0 and SE 0. Summed as y'y - b'X'y the residual sum of squares would
    // be a difference of two sums near 146 (7 x ln(20)^2 + 8 x ln(25)^2): rounding alone (here -2.8e-14) would
    // give an SE of ~1e-8 or none at all.
    const exact: RegressionRow[] = [true, true, true, false, false, false, true, true, false, false, false, true, false, true, false].map((female, i) => ({
      y: Math.log(female ? 20 : 25), female, category: i < 8 ? 'A' : 'B', country: 'DE', tenure: null,
    }));
    const model = adjustedGap(exact, controlsOf(exact))!;
    expect(model.gap).toBeCloseTo(0.2, 14);
    expect(model.se).toBeLessThan(1e-14);
    expect(model.high - model.low).toBeLessThan(1e-13);
  });
});
