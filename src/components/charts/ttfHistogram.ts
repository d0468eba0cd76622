import * as Plot from '@observablehq/plot';
import type { DistributionView } from '../../lib/views.ts';
import { palette } from './palette.ts';
import { besideRule, defaultWidth, drawEmpty, drawPlot, type Chart, type ChartOptions } from './common.ts';
import { formatCount, formatDays } from '../../../pipelines/contract/format.ts';

export interface TtfHistogramOptions extends ChartOptions {
  /** The time-to-fill benchmark in days (DESIGN §3: SHRM, 62). */
  benchmarkDays?: number;
  /** Who the benchmark comes from, for its label. */
  benchmarkLabel?: string;
  /** Width of a bin in days. */
  binDays?: number;
}

/** Distribution of days to fill (a days -> count histogram), with the median and the benchmark. */
export function ttfHistogram(
  view: DistributionView,
  {
    document,
    width = defaultWidth,
    height = 280,
    ariaLabel = 'Time to fill distribution',
    benchmarkDays = 62,
    benchmarkLabel = 'SHRM',
    binDays = 7,
  }: TtfHistogramOptions = {},
): Chart {
  const histogram = view.histogram.filter((h) => h.count > 0 && Number.isFinite(h.days));
  if (histogram.length === 0) return drawEmpty({ document, width, ariaLabel });
  const { median } = view;
  const binned = new Map<number, number>();
  for (const h of histogram) binned.set(Math.floor(h.days / binDays), (binned.get(Math.floor(h.days / binDays)) ?? 0) + h.count);
  const end = Math.max((Math.max(...binned.keys()) + 1) * binDays, benchmarkDays, median ?? 0);
  const tallest = Math.ceil(Math.max(...binned.values()));
  const stats = [
    median === null ? null : `median ${formatDays(median)}`,
    view.mean === null ? null : `mean ${formatDays(view.mean)}`,
    view.p75 === null ? null : `P75 ${formatDays(view.p75)}`,
  ].filter((s): s is string => s !== null);
  return drawPlot({
    document,
    width,
    height,
    marginTop: 40,
    ariaLabel,
    ariaDescription:
      `${ariaLabel}: ${formatCount(view.count)} openings filled` +
      (stats.length ? `, ${stats.join(', ')}` : '') +
      `, against the ${benchmarkLabel} benchmark of ${formatDays(benchmarkDays)}.`,
    x: { label: 'Days to fill', zero: true },
    // Whole openings: integer ticks while the tallest bin is small.
    y: { label: 'Openings', grid: true, ...(tallest <= 8 ? { ticks: Array.from({ length: tallest + 1 }, (_, i) => i), tickFormat: formatCount } : {}) },
    marks: [
      Plot.rectY(histogram, Plot.binX<Plot.RectYOptions>({ y: 'sum' }, { x: 'days', y: 'count', interval: binDays, fill: palette.secondary, insetLeft: 0.5, insetRight: 0.5, tip: true, ariaDescription: 'bins' })),
      Plot.ruleY([0]),
      ...(median === null
        ? []
        : [
            Plot.ruleX([median], { stroke: '#222222', strokeWidth: 2, ariaDescription: 'median' }),
            Plot.text([`median ${formatDays(median)}`], { text: (d: string) => d, x: () => median, frameAnchor: 'top', ...besideRule(median, end), dy: -24, fill: '#222222', ariaDescription: 'median label' }),
          ]),
      Plot.ruleX([benchmarkDays], { stroke: palette.alarm, strokeWidth: 1.5, strokeDasharray: '5,3', ariaDescription: 'benchmark' }),
      Plot.text([`${benchmarkLabel} ${formatDays(benchmarkDays)}`], { text: (d: string) => d, x: () => benchmarkDays, frameAnchor: 'top', ...besideRule(benchmarkDays, end), dy: -9, fill: '#222222', ariaDescription: 'benchmark label' }),
    ],
  });
}
