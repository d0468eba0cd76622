/** The Pay equity page's CSV export (issue 19 Deliver 4): one section per Article 9 letter, "<5" counts, formula-safe; and its texts. */
import { describe, expect, it } from 'vitest';
import { payEquityParts } from '../../src/lib/payEquity.ts';
import { payGapCsv } from '../../pipelines/contract/payGapCsv.ts';
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

const parts = payEquityParts({ asOf: '2026-06-30', currency: 'EUR', minCell: 5, unavailable: null, views: [view] }, { region: 'eu' });
const text = decodeURIComponent(parts.csvHref.replace('data:text/csv;charset=utf-8,', ''));
const sections = text.trimEnd().split('\n\n');

describe("the page's CSV download", () => {
  it('is the file of `report pay-gap --csv` for the view: a section per Article 9 letter, then the adjusted gap and the cost', () => {
    expect(text).toBe(payGapCsv(view.report, 5));
    expect(parts.csvName).toBe('pay-gap-report-eu.csv');
    const titles = sections.map((s) => s.split('\n')[0]!.replace(/^"/, '').slice(0, 3));
    expect(titles).toEqual(['pay', '(a)', '(b)', '(c)', '(d)', '(e)', '(f)', '(g)', 'adj', 'cos']);
    // (a): hourly 0.123456 and annual 0.12 mean gaps; (b) below the receivers' minimum: an empty cell
    expect(sections[1]).toBe('"(a) mean pay gap, basic pay"\nmeasure,gap\nhourly basic pay,0.123456\nannual basic pay,0.12');
    expect(sections[2]!.split('\n')[2]).toBe('variable pay,');
  });

  it('writes "<5" for a suppressed category and defuses a formula in a category name', () => {
    const g = sections[7]!.split('\n');
    // the name starts with "=": prefixed with an apostrophe, then quoted (it holds quotes)
    expect(g[2]).toBe(`"'=HYPERLINK(""http://x"")",7,6,false,0.0612,0.05,,,true`);
    expect(g[3]).toBe('"Support, level 2",<5,<5,true,,,,,false');
    for (const line of text.split('\n')) expect(line).not.toMatch(/^[=+@]|,[=+@]/);
  });

  it('says the period and level filters do not apply', () => {
    const snapshot = { asOf: '2026-06-30', currency: 'EUR', minCell: 5, unavailable: null, views: [view] };
    expect(payEquityParts(snapshot, { region: 'EU', level: 'senior' }).scope).toBe(
      'Region EU: 12 women, 10 men, 1 other or undisclosed. The period and level filters do not apply: the report is of the workers at the report date.',
    );
    expect(payEquityParts(snapshot, { region: 'EU' }).scope).toBe('Region EU: 12 women, 10 men, 1 other or undisclosed.');
  });

  it('comes with the texts the page shows for the same view', () => {
    expect(parts.headline[0]).toMatchObject({ key: 'hourly.meanGap', text: '12.3%', detail: 'men paid more · 5% or more', status: 'watch' });
    expect(parts.categories[0]!.cells.at(-1)).toBe('yes (5% or more)');
    expect(parts.categories[1]!.cells.slice(0, 3)).toEqual(['Support, level 2', '<5', '<5']);
    expect(parts.adjusted).toMatchObject({ gap: "4.0% in men's favour", interval: '1.0% to 7.0%', cost: 'EUR 12,346' });
  });
});
