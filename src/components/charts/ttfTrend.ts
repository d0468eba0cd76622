import * as Plot from '@observablehq/plot';
import type { MonthMedian } from '../../lib/views.ts';
import { palette } from './palette.ts';
import { defaultWidth, drawEmpty, drawPlot, joinProse, thinTicks, type Chart, type ChartOptions } from './common.ts';
import { formatDays } from '../../../pipelines/contract/format.ts';

export interface TtfTrendOptions extends ChartOptions {
  benchmarkDays?: number;
  benchmarkLabel?: string;
}

/** Median time to fill per fill month ('YYYY-MM'), with the benchmark as a rule. */
export function ttfTrend(
  months: readonly MonthMedian[],
  {
    document,
    width = defaultWidth,
    height = 280,
    ariaLabel = 'Median time to fill by month',
    benchmarkDays = 62,
    benchmarkLabel = 'SHRM',
  }: TtfTrendOptions = {},
): Chart {
  type Known = MonthMedian & { median: number };
  const known = months.filter((m): m is Known => m.median !== null);
  if (known.length === 0) return drawEmpty({ document, width, ariaLabel });
  const domain = months.map((m) => m.month);
  const marginLeft = 44;
  const marginRight = 76;
  return drawPlot({
    document,
    width,
    height,
    marginLeft,
    marginRight,
    ariaLabel,
    ariaDescription:
      `${ariaLabel}: ${joinProse(known.map((m) => `${formatDays(m.median)} in ${m.month}`))}` +
      ` (${benchmarkLabel} benchmark ${formatDays(benchmarkDays)}).`,
    x: { type: 'point', domain, ticks: thinTicks(domain, width - marginLeft - marginRight), label: null, padding: 0.4 },
    y: { zero: true, label: 'Median days to fill', grid: true },
    marks: [
      Plot.ruleY([benchmarkDays], { stroke: palette.alarm, strokeWidth: 1.5, strokeDasharray: '5,3', ariaDescription: 'benchmark' }),
      Plot.text([`${benchmarkLabel} ${formatDays(benchmarkDays)}`], { text: (d: string) => d, y: () => benchmarkDays, frameAnchor: 'right', textAnchor: 'start', dx: 6, fill: '#222222', ariaDescription: 'benchmark label' }),
      Plot.line(months, { x: 'month', y: 'median', stroke: palette.primary, strokeWidth: 2, ariaDescription: 'median line' }),
      Plot.dot(known, {
        x: 'month',
        y: 'median',
        r: 3.5,
        fill: palette.primary,
        stroke: 'white',
        title: (m: Known) => `${m.month}: median ${formatDays(m.median)} (${m.count} filled)`,
        tip: true,
        ariaDescription: 'median',
      }),
    ],
  });
}
