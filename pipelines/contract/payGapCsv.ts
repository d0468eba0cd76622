/**
 * The pay-gap report as CSV (issue 19): one section per Article 9(1) letter, then the adjusted gap and the
 * cost to close. Each section is a title line, a header and its rows, sections separated by a blank line;
 * every cell goes through csvCell (formula-safe). A suppressed value is an empty cell; the counts of a
 * suppressed category read "<minCell" (e.g. "<5"). No DuckDB here: the site can import it.
 */
import { csvCell } from './csv.ts';
import type { PayGapReport } from './payGap.ts';

type Cell = string | number | boolean | null | undefined;

interface Section {
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

/** The sections of the report, in Article 9 order. */
export function payGapSections(report: PayGapReport, minCell: number): Section[] {
  const hidden = `<${minCell}`;
  const gapHeader = ['measure', 'gap'];
  return [
    { title: '(a) mean pay gap, basic pay', header: gapHeader, rows: [['hourly basic pay', report.hourly.meanGap], ['annual basic pay', report.annual.meanGap]] },
    { title: '(b) mean pay gap, variable pay (among receivers)', header: gapHeader, rows: [['variable pay', report.variable.meanGap]] },
    { title: '(c) median pay gap, basic pay', header: gapHeader, rows: [['hourly basic pay', report.hourly.medianGap], ['annual basic pay', report.annual.medianGap]] },
    { title: '(d) median pay gap, variable pay (among receivers)', header: gapHeader, rows: [['variable pay', report.variable.medianGap]] },
    {
      title: '(e) share receiving variable pay',
      header: ['sex', 'share'],
      rows: [['women', report.variable.shareWomen], ['men', report.variable.shareMen]],
    },
    {
      title: '(f) quartile pay bands (hourly total pay)',
      header: ['band', 'women', 'men', 'share_women', 'share_men'],
      rows: report.quartiles.map((q) => [q.band, q.women, q.men, q.shareWomen, q.shareMen]),
    },
    {
      title: '(g) categories of workers',
      header: ['category', 'women', 'men', 'suppressed', 'basic_mean_gap', 'basic_median_gap', 'variable_mean_gap', 'variable_median_gap', 'joint_assessment'],
      rows: report.categories.map((c) => [
        c.category, c.suppressed ? hidden : c.women, c.suppressed ? hidden : c.men, c.suppressed,
        c.basicMeanGap, c.basicMedianGap, c.variableMeanGap, c.variableMedianGap, c.jointAssessment,
      ]),
    },
    {
      title: 'adjusted gap (OLS of ln hourly basic pay; 95% interval)',
      header: ['gap', 'low', 'high', 'controls'],
      rows: [[report.adjusted.gap, report.adjusted.low, report.adjusted.high, report.adjusted.controls.join(' ')]],
    },
    { title: 'cost to close (annual)', header: ['currency', 'amount'], rows: [[report.currency, report.costToClose]] },
  ];
}

/** The whole CSV document (LF line endings), headed by the as-of date, currency and workers. */
export function payGapCsv(report: PayGapReport, minCell: number): string {
  const line = (cells: readonly Cell[]) => cells.map(csvCell).join(',');
  const head = [
    line(['pay gap report (Directive (EU) 2023/970, Article 9)']),
    line(['as_of', 'currency', 'women', 'men', 'other', 'undisclosed']),
    line([report.asOf, report.currency, report.workers.women, report.workers.men, report.workers.other, report.workers.undisclosed]),
  ].join('\n');
  const sections = payGapSections(report, minCell).map((s) => [line([s.title]), line(s.header), ...s.rows.map(line)].join('\n'));
  return `${[head, ...sections].join('\n\n')}\n`;
}
