import * as Plot from '@observablehq/plot';
import type { KmPoint, KmView } from '../../lib/views.ts';
import { palette } from './palette.ts';
import { besideRule, defaultWidth, drawEmpty, drawPlot, type Chart, type ChartOptions } from './common.ts';
import { formatDays, formatPercent } from '../../../pipelines/contract/format.ts';

/** Kaplan-Meier curve of openings still open by days since opening; '+' marks censored (still open) openings. */
export function kmCurve(
  view: KmView,
  { document, width = defaultWidth, height = 300, ariaLabel = 'Openings still open over time (Kaplan-Meier)' }: ChartOptions = {},
): Chart {
  const { curve, median } = view;
  if (curve.length === 0) return drawEmpty({ document, width, ariaLabel });
  // The curve starts at 100% on day 0, before any event.
  const steps = [{ days: 0, survival: 1 }, ...curve.map((p) => ({ days: p.days, survival: p.survival }))];
  const censored = curve.filter((p) => p.censored > 0);
  const last = curve[curve.length - 1]!;
  return drawPlot({
    document,
    width,
    height,
    marginTop: 30,
    ariaLabel,
    ariaDescription:
      `${ariaLabel}: ` +
      (median === null ? 'the median is not reached' : `median ${formatDays(median)}`) +
      `; ${formatPercent(last.survival)} still open at ${formatDays(last.days)}; ` +
      `${censored.reduce((n, p) => n + p.censored, 0)} openings censored (still open).`,
    x: { label: 'Days since opening', zero: true },
    y: { domain: [0, 1], tickFormat: (d: number) => formatPercent(d), label: 'Still open', grid: true },
    marks: [
      Plot.ruleY([0.5], { stroke: '#777777', strokeDasharray: '4,3', ariaDescription: 'half' }),
      Plot.line(steps, { x: 'days', y: 'survival', curve: 'step-after', stroke: palette.primary, strokeWidth: 2, ariaDescription: 'survival' }),
      Plot.dot(censored, {
        x: 'days',
        y: 'survival',
        symbol: 'plus',
        r: 4,
        stroke: '#222222',
        strokeWidth: 1.5,
        title: (p: KmPoint) => `Day ${p.days}: ${p.censored} still open (censored), ${formatPercent(p.survival)} still open, ${p.atRisk} at risk`,
        tip: true,
        ariaDescription: 'censored',
      }),
      Plot.text(['+ still open (censored)'], { text: (d: string) => d, frameAnchor: 'bottom-left', textAnchor: 'start', dx: 6, dy: -8, fill: '#444444', ariaDescription: 'censored key' }),
      ...(median === null
        ? [Plot.text(['KM median not reached'], { text: (d: string) => d, frameAnchor: 'top-right', textAnchor: 'end', dy: -14, fill: '#222222', ariaDescription: 'median label' })]
        : [
            Plot.ruleX([median], { stroke: '#222222', strokeWidth: 1.5, ariaDescription: 'median' }),
            Plot.text([`KM median ${formatDays(median)}`], { text: (d: string) => d, x: () => median, frameAnchor: 'top', ...besideRule(median, last.days), dy: -14, fill: '#222222', ariaDescription: 'median label' }),
          ]),
    ],
  });
}
