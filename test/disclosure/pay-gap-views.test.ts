/**
 * Secondary suppression of the pay-gap views (pipelines/disclosure/payGapViews.ts) on hand-made reports:
 * the variable-pay receivers rule and a view made of one category against that category in a containing
 * view — the cases the roster tests (test/pay-equity, test/privacy/pay-gap) do not reach.
 */
import { describe, expect, it } from 'vitest';
import { publishPayGapViews, type ScopedReport } from '../../pipelines/disclosure/payGapViews.ts';
import type { PayGapCategory, PayGapReport } from '../../pipelines/contract/payGap.ts';

const category = (name: string, women: number, men: number): PayGapCategory => ({
  category: name, women, men, suppressed: false, basicMeanGap: 0.1, basicMedianGap: 0.1, variableMeanGap: 0.2, variableMedianGap: 0.2, jointAssessment: true,
});

function report(women: number, men: number, receivers: [number, number], categories: PayGapCategory[]): PayGapReport {
  return {
    asOf: '2026-06-30',
    currency: 'EUR',
    workers: { women, men, other: 0, undisclosed: 0 },
    hourly: { meanGap: 0.1, medianGap: 0.1 },
    annual: { meanGap: 0.1, medianGap: 0.1 },
    variable: { meanGap: 0.2, medianGap: 0.2, shareWomen: receivers[0] / women, shareMen: receivers[1] / men },
    quartiles: [1, 2, 3, 4].map((band) => ({ band, women: 1, men: 1, shareWomen: 0.5, shareMen: 0.5 })),
    categories,
    adjusted: { gap: 0.05, low: 0.01, high: 0.09, controls: ['category'] },
    costToClose: 1000,
  };
}

describe('publishPayGapViews', () => {
  it('withholds the variable-pay gaps of a view whose receivers are 1 to 4 away from the containing view', () => {
    // company: 20 women (10 receive variable pay), 20 men (10); EU: 15 / 15 (5 and 5 fewer: fine), receivers
    // 8 and 10 (2 women fewer: too close) -> EU keeps its basic gaps, loses its variable gaps
    const company: ScopedReport = { region: null, department: null, report: report(20, 20, [10, 10], [category('A', 10, 10), category('B', 10, 10)]) };
    const eu: ScopedReport = { region: 'EU', department: null, report: report(15, 15, [8, 10], [category('A', 5, 5), category('B', 10, 10)]) };
    const [, published] = publishPayGapViews([company, eu], 5);
    expect(published!.suppression).toBe('none');
    expect(published!.report.hourly.meanGap).toBe(0.1);
    expect(published!.report.variable).toEqual({ meanGap: null, medianGap: null, shareWomen: 8 / 15, shareMen: 10 / 15 });
    // A: 5 / 5 against 10 / 10 (5 apart), B: the same people: both kept, and so is the cost
    expect(published!.secondaryCategories).toEqual([]);
    expect(published!.report.costToClose).toBe(1000);
  });

  it("withholds a view made of one category when that category in a containing view is 1 to 4 people larger", () => {
    // Sales (department) holds only category S: 6 women, 6 men; the company's S row has 6 women, 8 men (2 men in
    // another department share the category) and the company's headline 20 / 20
    const company: ScopedReport = { region: null, department: null, report: report(20, 20, [10, 10], [category('S', 6, 8), category('T', 14, 12)]) };
    const sales: ScopedReport = { region: null, department: 'Sales', report: report(6, 6, [5, 5], [category('S', 6, 6)]) };
    const [first, second] = publishPayGapViews([sales, company], 5);
    // larger views first, whatever the input order
    expect([first!.department, second!.department]).toEqual([null, 'Sales']);
    expect(second!.suppression).toBe('secondary');
    expect(second!.report.hourly.meanGap).toBeNull();
    expect(second!.secondaryCategories).toEqual(['S']);
    expect(second!.costWithheld).toBe(true);
    // the company: S (6 / 8) and T (14 / 12) are 14 / 12 and 6 / 8 short of its headline: kept
    expect(first!.secondaryCategories).toEqual([]);
  });
});
