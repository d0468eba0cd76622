import * as Plot from '@observablehq/plot';
import type { RatePoint } from '../../lib/views.ts';
import { palette, tints } from './palette.ts';
import { defaultWidth, drawEmpty, drawPlot, joinProse, thinTicks, type Chart, type ChartOptions } from './common.ts';
import { formatPercent } from '../../../pipelines/contract/format.ts';
import { defaultRateLines, rateStatus, statusWords } from '../../../pipelines/contract/status.ts';

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
  const marginLeft = 48;
  const marginRight = 84;
  const statusOf = (p: RatePoint & { rate: number }) =>
    statusWords[rateStatus(p.accepted, p.declined, { healthy, alarm, minOffers })];
  const describe = (p: RatePoint & { rate: number }) =>
    `${p.key}: ${formatPercent(p.rate)} accepted (${p.accepted} of ${p.accepted + p.declined})` +
    (p.low !== null && p.high !== null ? `, 95% interval ${formatPercent(p.low)}–${formatPercent(p.high)}` : '') +
    `, ${statusOf(p)}`;
  const intervals = rated.filter((p) => p.low !== null && p.high !== null);
  const healthyLabel = `${formatPercent(healthy)} healthy`;
  const alarmLabel = `${formatPercent(alarm)} alarm`;
  return drawPlot({
    document,
    width,
    height,
    marginLeft,
    marginRight,
    ariaLabel,
    ariaDescription:
      `${ariaLabel}: ${joinProse(rated.map((p) => `${formatPercent(p.rate)} in ${p.key}`))}` +
      ` (healthy at ${formatPercent(healthy)} or more, alarm below ${formatPercent(alarm)}).`,
    x: { type: 'point', domain: months, ticks: thinTicks(months, width - marginLeft - marginRight), label: null, padding: 0.4 },
    y: { domain: [0, 1], tickFormat: (d: number) => formatPercent(d), label: 'Offers accepted' },
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
      Plot.dot(rated, {
        x: 'key',
        y: 'rate',
        r: 3.5,
        fill: palette.primary,
        stroke: 'white',
        title: describe,
        tip: true,
        ariaDescription: 'rate',
      }),
    ],
  });
}
