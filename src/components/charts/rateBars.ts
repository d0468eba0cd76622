import * as Plot from '@observablehq/plot';
import type { RatePoint } from '../../lib/views.ts';
import { palette } from './palette.ts';
import { defaultWidth, drawEmpty, drawPlot, joinProse, marginForLabels, type Chart, type ChartOptions } from './common.ts';
import { formatPercent } from '../../../pipelines/contract/format.ts';
import { defaultRateLines, rateStatus, statusWords, type RateStatus } from '../../../pipelines/contract/status.ts';

export interface RateBarsOptions extends ChartOptions {
  healthy?: number;
  alarm?: number;
  /** Fewer resolved offers than this: grey bar, "too few offers" (DESIGN §3 minOffers). */
  minOffers?: number;
  /** What the keys are ("Department", "Region", "Source"): the y axis label. */
  label?: string;
}

const statusFill: Record<RateStatus, string> = {
  healthy: palette.healthy,
  watch: palette.watch,
  alarm: palette.alarm,
  'insufficient-data': palette.neutral,
};

/** Offer acceptance per group (department, region, source) as bars with the 95% interval and thresholds. */
export function rateBars(
  points: readonly RatePoint[],
  {
    document,
    width = defaultWidth,
    height,
    ariaLabel = 'Offer acceptance by group',
    healthy = defaultRateLines.healthy,
    alarm = defaultRateLines.alarm,
    minOffers = defaultRateLines.minOffers,
    label = 'Group',
  }: RateBarsOptions = {},
): Chart {
  if (points.length === 0) return drawEmpty({ document, width, ariaLabel });
  type Rated = RatePoint & { rate: number };
  const rated = points.filter((p): p is Rated => p.rate !== null);
  const unrated = points.filter((p) => p.rate === null);
  const keys = points.map((p) => p.key);
  const statusOf = (p: Rated) => rateStatus(p.accepted, p.declined, { healthy, alarm, minOffers });
  const describe = (p: Rated) =>
    `${p.key}: ${formatPercent(p.rate)} accepted (${p.accepted} of ${p.accepted + p.declined})` +
    (p.low !== null && p.high !== null ? `, 95% interval ${formatPercent(p.low)}–${formatPercent(p.high)}` : '') +
    `, ${statusWords[statusOf(p)]}`;
  const marginTop = 26;
  const marginBottom = 34;
  return drawPlot({
    document,
    width,
    height: height ?? marginTop + marginBottom + 28 * points.length,
    marginTop,
    marginBottom,
    marginLeft: marginForLabels(keys),
    marginRight: 140,
    ariaLabel,
    ariaDescription:
      `${ariaLabel}: ` +
      joinProse(points.map((p) => (p.rate === null ? `${p.key} no resolved offers` : `${p.key} ${formatPercent(p.rate)} (${statusWords[statusOf(p as Rated)]})`))) +
      `; healthy at ${formatPercent(healthy)} or more, alarm below ${formatPercent(alarm)}.`,
    x: { domain: [0, 1], tickFormat: (d: number) => formatPercent(d), label: 'Offers accepted', grid: true },
    y: { domain: keys, label },
    marks: [
      Plot.barX(rated, {
        y: 'key',
        x: 'rate',
        fill: (p: Rated) => statusFill[statusOf(p)],
        insetTop: 4,
        insetBottom: 4,
        title: describe,
        tip: true,
        ariaDescription: 'rate',
      }),
      Plot.ruleY(
        rated.filter((p) => p.low !== null && p.high !== null),
        { y: 'key', x1: 'low', x2: 'high', stroke: '#222222', strokeWidth: 1.5, ariaDescription: 'interval' },
      ),
      Plot.ruleX([healthy], { stroke: palette.healthy, strokeDasharray: '4,3', ariaDescription: 'healthy threshold' }),
      Plot.ruleX([alarm], { stroke: palette.alarm, strokeDasharray: '4,3', ariaDescription: 'alarm threshold' }),
      Plot.text([`${formatPercent(healthy)} healthy`], { text: (d: string) => d, x: () => healthy, frameAnchor: 'top', textAnchor: 'start', dx: 3, dy: -8, fill: '#333333', ariaDescription: 'healthy label' }),
      Plot.text([`${formatPercent(alarm)} alarm`], { text: (d: string) => d, x: () => alarm, frameAnchor: 'top', textAnchor: 'end', dx: -3, dy: -8, fill: '#333333', ariaDescription: 'alarm label' }),
      Plot.text(rated, {
        y: 'key',
        x: (p: Rated) => Math.max(p.rate, p.high ?? p.rate),
        text: (p: Rated) => `${formatPercent(p.rate)} · ${statusWords[statusOf(p)]}`,
        textAnchor: 'start',
        dx: 5,
        fill: '#222222',
        ariaDescription: 'rate label',
      }),
      Plot.text(unrated, { y: 'key', x: () => 0, text: () => 'no resolved offers', textAnchor: 'start', dx: 5, fill: '#555555', ariaDescription: 'no offers label' }),
    ],
  });
}
