import * as Plot from '@observablehq/plot';
import type { RatePoint } from '../../lib/views.ts';
import { palette, tints } from './palette.ts';
import { compactWidth, defaultWidth, drawEmpty, drawPlot, joinProse, textWidth, thinTicks, type Chart, type ChartOptions } from './common.ts';
import { formatPercent, plural } from '../../../pipelines/contract/format.ts';
import { defaultRateLines, fewOffers, rateStatus, statusWords } from '../../../pipelines/contract/status.ts';

export interface OarTrendOptions extends ChartOptions {
  /** Rates at or above this are healthy (DESIGN §3; default: pipelines/contract/status.ts). */
  healthy?: number;
  /** Rates below this are an alarm (DESIGN §3; default: pipelines/contract/status.ts). */
  alarm?: number;
  /** Fewer resolved offers than this in a month: the tip says "too few offers". */
  minOffers?: number;
}

/** Offer acceptance rate by month ('YYYY-MM' keys) with its 95% interval, thresholds and shaded status bands. */
export function oarTrend(
  points: readonly RatePoint[],
  {
    document,
    width = defaultWidth,
    height = 320,
    ariaLabel = 'Offer acceptance by month',
    healthy = defaultRateLines.healthy,
    alarm = defaultRateLines.alarm,
    minOffers = defaultRateLines.minOffers,
  }: OarTrendOptions = {},
): Chart {
  const rated = points.filter((p): p is RatePoint & { rate: number } => p.rate !== null);
  if (rated.length === 0) return drawEmpty({ document, width, ariaLabel });
  const months = points.map((p) => p.key);
  const compact = width < compactWidth;
  const marginLeft = 48;
  // Threshold labels right of the frame; the compact form has only the percentages.
  const marginRight = compact ? 44 : 84;
  const offers = (p: RatePoint) => p.accepted + p.declined;
  const statusOf = (p: RatePoint & { rate: number }) =>
    statusWords[rateStatus(p.accepted, p.declined, { healthy, alarm, minOffers })];
  const describe = (p: RatePoint & { rate: number }) =>
    `${p.key}: ${formatPercent(p.rate)} accepted (${p.accepted} of ${plural(offers(p), 'offer')})` +
    (p.low !== null && p.high !== null ? `, 95% interval ${formatPercent(p.low)}–${formatPercent(p.high)}` : '') +
    `, ${statusOf(p)}`;
  const intervals = rated.filter((p) => p.low !== null && p.high !== null);
  const healthyLabel = compact ? formatPercent(healthy) : `${formatPercent(healthy)} healthy`;
  const alarmLabel = compact ? formatPercent(alarm) : `${formatPercent(alarm)} alarm`;
  const few = rated.filter((p) => offers(p) < fewOffers);
  const fewKey = `fewer than ${plural(fewOffers, 'offer')}`;
  return drawPlot({
    document,
    width,
    height,
    marginTop: 26,
    marginLeft,
    marginRight,
    ariaLabel,
    ariaDescription:
      `${ariaLabel}: ${joinProse(rated.map((p) => `${formatPercent(p.rate)} of ${plural(offers(p), 'offer')} in ${p.key}`))}` +
      ` (healthy at ${formatPercent(healthy)} or more, alarm below ${formatPercent(alarm)}).`,
    x: { type: 'point', domain: months, ticks: thinTicks(months, width - marginLeft - marginRight), label: null, padding: 0.4 },
    y: { domain: [0, 1], ticks: compact ? 5 : 10, tickFormat: (d: number) => formatPercent(d), label: 'Acceptance rate' },
    marks: [
      Plot.rect([{ y1: healthy, y2: 1 }], { y1: 'y1', y2: 'y2', fill: tints.healthy, ariaDescription: 'healthy band' }),
      Plot.rect([{ y1: alarm, y2: healthy }], { y1: 'y1', y2: 'y2', fill: tints.watch, ariaDescription: 'watch band' }),
      Plot.rect([{ y1: 0, y2: alarm }], { y1: 'y1', y2: 'y2', fill: tints.alarm, ariaDescription: 'alarm band' }),
      // Grid over the shaded bands, so it stays visible.
      Plot.gridY({ strokeOpacity: 0.12 }),
      Plot.ruleY([healthy], { stroke: palette.healthy, strokeWidth: 1.5, ariaDescription: 'healthy threshold' }),
      Plot.ruleY([alarm], { stroke: palette.alarm, strokeWidth: 1.5, ariaDescription: 'alarm threshold' }),
      Plot.text([healthyLabel], { text: (d: string) => d, y: () => healthy, frameAnchor: 'right', textAnchor: 'start', dx: 6, fill: '#333333', ariaDescription: 'healthy label' }),
      Plot.text([alarmLabel], { text: (d: string) => d, y: () => alarm, frameAnchor: 'right', textAnchor: 'start', dx: 6, fill: '#333333', ariaDescription: 'alarm label' }),
      Plot.ruleX(intervals, { x: 'key', y1: 'low', y2: 'high', stroke: palette.primary, strokeOpacity: 0.45, strokeWidth: 3, ariaDescription: 'interval' }),
      Plot.line(points, { x: 'key', y: 'rate', stroke: palette.primary, strokeWidth: 2, ariaDescription: 'rate line' }),
      // A month on fewer than `fewOffers` offers is hollow: its rate moves a lot with one answer.
      Plot.dot(rated, {
        x: 'key',
        y: 'rate',
        r: 3.5,
        fill: (p: RatePoint) => (offers(p) < fewOffers ? 'white' : palette.primary),
        stroke: (p: RatePoint) => (offers(p) < fewOffers ? palette.primary : 'white'),
        strokeWidth: 1.5,
        title: describe,
        tip: true,
        ariaDescription: 'rate',
      }),
      ...(few.length > 0
        ? [
            // The key above the frame, right-aligned (the axis label is top-left).
            Plot.dot([0], { frameAnchor: 'top-right', dx: -textWidth(fewKey) - 8, dy: -12, r: 3.5, fill: 'white', stroke: palette.primary, strokeWidth: 1.5, ariaDescription: 'few offers key' }),
            Plot.text([fewKey], { text: (d: string) => d, frameAnchor: 'top-right', textAnchor: 'end', dy: -12, fill: '#222222', ariaDescription: 'few offers key' }),
          ]
        : []),
    ],
  });
}
