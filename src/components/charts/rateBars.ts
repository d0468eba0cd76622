import * as Plot from '@observablehq/plot';
import type { RatePoint } from '../../lib/views.ts';
import { palette } from './palette.ts';
import { compactWidth, defaultWidth, drawEmpty, drawPlot, joinProse, leftMargin, marginForText, type Chart, type ChartOptions } from './common.ts';
import { formatPercent, plural } from '../../../pipelines/contract/format.ts';
import { defaultRateLines, rateStatus, statusWords, type RateStatus } from '../../../pipelines/contract/status.ts';

export interface RateBarsOptions extends ChartOptions {
  healthy?: number;
  alarm?: number;
  /** Fewer resolved offers than this: grey bar, "too few offers" (DESIGN §3 minOffers). */
  minOffers?: number;
  /** What the keys are ("department", "region", "source"): named in the text alternative (the chart's title names them on the page). */
  label?: string;
  /** What a group without a rate says (default "no resolved offers"; the owner tables: "too few offers" under 5). */
  unratedText?: (point: RatePoint) => string;
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
    unratedText = () => 'no resolved offers',
  }: RateBarsOptions = {},
): Chart {
  if (points.length === 0) return drawEmpty({ document, width, ariaLabel });
  type Rated = RatePoint & { rate: number };
  const rated = points.filter((p): p is Rated => p.rate !== null);
  const unrated = points.filter((p) => p.rate === null);
  const keys = points.map((p) => p.key);
  const statusOf = (p: Rated) => rateStatus(p.accepted, p.declined, { healthy, alarm, minOffers });
  const describe = (p: Rated) =>
    `${p.key}: ${formatPercent(p.rate)} accepted (${p.accepted} of ${plural(p.accepted + p.declined, 'offer')})` +
    (p.low !== null && p.high !== null ? `, 95% interval ${formatPercent(p.low)}–${formatPercent(p.high)}` : '') +
    `, ${statusWords[statusOf(p)]}`;
  const marginTop = 26;
  const marginBottom = 34;
  const compact = width < compactWidth;
  // Right of each bar: the rate and its status; the compact form, the rate and the offers behind it.
  const rateText = (p: Rated) => (compact ? `${formatPercent(p.rate)} (${p.accepted + p.declined})` : `${formatPercent(p.rate)} · ${statusWords[statusOf(p)]}`);
  const marginRight = marginForText(rated.map(rateText), { min: 40 });
  return drawPlot({
    document,
    width,
    height: height ?? marginTop + marginBottom + 28 * points.length,
    marginTop,
    marginBottom,
    marginLeft: leftMargin(keys, width),
    marginRight,
    ariaLabel,
    ariaDescription:
      `${ariaLabel}, by ${label}: ` +
      joinProse(points.map((p) => (p.rate === null ? `${p.key} ${unratedText(p)}` : `${p.key} ${formatPercent(p.rate)} (${statusWords[statusOf(p as Rated)]})`))) +
      `; healthy at ${formatPercent(healthy)} or more, alarm below ${formatPercent(alarm)}.`,
    x: { domain: [0, 1], ticks: compact ? 3 : 5, tickFormat: (d: number) => formatPercent(d), label: 'Acceptance rate', grid: true },
    // No y axis title: the chart's title names the groups, and a rotated title collided with the labels.
    y: { domain: keys, label: null },
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
      Plot.text([compact ? formatPercent(healthy) : `${formatPercent(healthy)} healthy`], { text: (d: string) => d, x: () => healthy, frameAnchor: 'top', textAnchor: 'start', dx: 3, dy: -8, fill: '#333333', ariaDescription: 'healthy label' }),
      Plot.text([compact ? formatPercent(alarm) : `${formatPercent(alarm)} alarm`], { text: (d: string) => d, x: () => alarm, frameAnchor: 'top', textAnchor: 'end', dx: -3, dy: -8, fill: '#333333', ariaDescription: 'alarm label' }),
      Plot.text(rated, {
        y: 'key',
        x: (p: Rated) => Math.max(p.rate, p.high ?? p.rate),
        text: rateText,
        textAnchor: 'start',
        dx: 5,
        fill: '#222222',
        ariaDescription: 'rate label',
      }),
      Plot.text(unrated, { y: 'key', x: () => 0, text: unratedText, textAnchor: 'start', dx: 5, fill: '#555555', ariaDescription: 'no offers label' }),
    ],
  });
}
