/** The Pay equity page's CSV export (issue 19 Deliver 4): one section per Article 9 letter, "<5" counts, formula-safe. */
import { describe, expect, it } from 'vitest';
import { payGapCsv, payEquityParts } from '../../src/lib/payEquity.ts';
import type { PayGapView } from '../../pipelines/contract/payGapSnapshot.ts';

const view: PayGapView = {
  region: 'EU',
  department: null,
  suppression: 'none',
  secondaryCategories: [],
  costWithheld: false,
  report: {
    asOf: '2026-06-30',
    currency: 'EUR',
    workers: { women: 12, men: 10, other: 1, undisclosed: 0 },
    hourly: { meanGap: 0.123456, medianGap: 0.1 },
    annual: { meanGap: 0.12, medianGap: 0.09 },
    variable: { meanGap: null, medianGap: null, shareWomen: 0.5, shareMen: 0.6 },
    quartiles: [1, 2, 3, 4].map((band) => ({ band, women: 3, men: 3, shareWomen: 0.5, shareMen: 0.5 })),
    categories: [
      { category: '=HYPERLINK("http://x")', women: 7, men: 6, suppressed: false, basicMeanGap: 0.0612, basicMedianGap: 0.05, variableMeanGap: null, variableMedianGap: null, jointAssessment: true },
      { category: 'Support, level 2', women: null, men: null, suppressed: true, basicMeanGap: null, basicMedianGap: null, variableMeanGap: null, variableMedianGap: null, jointAssessment: false },
    ],
    adjusted: { gap: 0.04, low: 0.01, high: 0.07, controls: ['category', 'country'] },
    costToClose: 12345.6,
  },
};

describe('payGapCsv', () => {
  const text = payGapCsv(view, 5);
  const sections = text.split('\n\n');

  it('has a section per Article 9 letter, then the adjusted gap and the cost to close', () => {
    expect(sections.map((s) => s.split('\n')[0]!.slice(0, 3))).toEqual(['Pay', '(a)', '(b)', '(c)', '(d)', '(e)', '(f)', '(g)', 'Adj', 'Cos']);
    // (a): the hourly and annual mean gaps to 4 decimals (0.123456 -> 0.1235)
    expect(sections[1]).toBe('(a) Mean gender pay gap\npay,mean_gap\nhourly basic,0.1235\nannual basic,0.12');
    // (b): below the receivers' minimum the gap reads "suppressed"
    expect(sections[2]).toContain('variable (receivers),suppressed');
    expect(sections[9]).toBe('Cost to close (annual; report currency)\ncost_to_close,currency\n12346,EUR\n');
  });

  it('writes "<5" for a suppressed category and defuses a formula in a category name', () => {
    const g = sections[7]!.split('\n');
    expect(g[1]).toBe('category,women,men,basic_mean_gap,basic_median_gap,variable_mean_gap,variable_median_gap,joint_assessment');
    // the name starts with "=": prefixed with an apostrophe, then quoted (it holds quotes)
    expect(g[2]).toBe(`"'=HYPERLINK(""http://x"")",7,6,0.0612,0.05,suppressed,suppressed,yes`);
    expect(g[3]).toBe('"Support, level 2",<5,<5,suppressed,suppressed,suppressed,suppressed,suppressed');
    for (const line of text.split('\n')) expect(line).not.toMatch(/^[=+\-@]|,[=+\-@]/);
  });

  it('is the page\'s download for the filters, named after them', () => {
    const parts = payEquityParts({ asOf: '2026-06-30', currency: 'EUR', minCell: 5, unavailable: null, views: [view] }, { region: 'eu' });
    expect(parts.csvName).toBe('pay-gap-report-eu.csv');
    expect(decodeURIComponent(parts.csvHref.replace('data:text/csv;charset=utf-8,', ''))).toBe(text);
    expect(parts.headline[0]).toMatchObject({ key: 'hourly.meanGap', text: '12.3%', detail: 'men paid more', status: 'watch' });
    expect(parts.categories[0]!.cells.at(-1)).toBe('yes: mean gap of 5% or more');
    expect(parts.adjusted).toMatchObject({ gap: "4.0% in men's favour", interval: '1.0% to 7.0%', cost: 'EUR 12,346' });
  });
});
