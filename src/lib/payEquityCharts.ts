/**
 * The Pay equity page's charts (issue 19 Deliver 4) as chart definitions of the page registry
 * (src/lib/pages.ts): the headline gaps against the 5% line and the quartile pay bands, for the
 * region / department view of the pay-gap snapshot.
 */
import type { ChartDef } from './pages.ts';
import { assessmentLine, payGapViewFor, ratio } from './payEquity.ts';

const headlineChart: ChartDef = {
  id: 'pay-gaps',
  chart: 'payGapBars',
  title: 'Gender pay gaps against the 5% line',
  description:
    'Mean and median gaps of hourly and annual basic pay and of variable pay (among receivers), (men - women) / men; at 5% or more a joint pay assessment is due (Article 10).',
  cubes: [],
  usesPayGap: true,
  build(context) {
    const report = payGapViewFor(context.payGap, context.filters)?.report;
    const bars = report
      ? [
          { measure: 'Hourly basic, mean', gap: report.hourly.meanGap },
          { measure: 'Hourly basic, median', gap: report.hourly.medianGap },
          { measure: 'Annual basic, mean', gap: report.annual.meanGap },
          { measure: 'Annual basic, median', gap: report.annual.medianGap },
          { measure: 'Variable, mean', gap: report.variable.meanGap },
          { measure: 'Variable, median', gap: report.variable.medianGap },
        ]
      : [];
    return {
      data: bars,
      options: { line: assessmentLine },
      table: { columns: ['measure', 'gap'], rows: bars.map((b) => [b.measure, b.gap === null ? 'suppressed' : ratio(b.gap)]) },
    };
  },
};

const quartileChart: ChartDef = {
  id: 'pay-quartiles',
  chart: 'payGapQuartiles',
  title: 'Quartile pay bands: women and men',
  description: 'Workers ranked by hourly total pay (basic + variable) and cut into four equal bands; the share of women and of men in each (Article 9(1)(f)).',
  cubes: [],
  usesPayGap: true,
  build(context) {
    const quartiles = payGapViewFor(context.payGap, context.filters)?.report.quartiles ?? [];
    const shown = (value: number | null) => (value === null ? 'suppressed' : value);
    return {
      data: quartiles,
      options: {},
      table: {
        columns: ['band', 'women', 'men', 'share_women', 'share_men'],
        rows: quartiles.map((q) => [q.band, shown(q.women), shown(q.men), q.shareWomen === null ? 'suppressed' : ratio(q.shareWomen), q.shareMen === null ? 'suppressed' : ratio(q.shareMen)]),
      },
    };
  },
};

export const payGapCharts: readonly ChartDef[] = [headlineChart, quartileChart];
