import * as Plot from '@observablehq/plot';
import type { RegionView } from '../../lib/views.ts';
import { palette, tints } from './palette.ts';
import { defaultWidth, drawEmpty, drawPlot, joinProse, marginForLabels, type Chart, type ChartOptions } from './common.ts';
import { formatDays } from '../../../pipelines/contract/format.ts';

const statusWords = { below: 'below range', within: 'within range', above: 'above range' } as const;
const statusFill = (status: RegionView['status']) =>
  status === 'above' ? palette.alarm : status === 'below' || status === 'within' ? palette.healthy : palette.neutral;

/** Median time to fill per region against the region's benchmark range (DESIGN §3 regional benchmarks). */
export function regionTimelines(
  regions: readonly RegionView[],
  { document, width = defaultWidth, height, ariaLabel = 'Time to fill by region against benchmarks' }: ChartOptions = {},
): Chart {
  if (regions.length === 0 || regions.every((r) => r.median === null && (r.low === null || r.high === null))) {
    return drawEmpty({ document, width, ariaLabel });
  }
  type Ranged = RegionView & { low: number; high: number };
  type Known = RegionView & { median: number };
  const ranged = regions.filter((r): r is Ranged => r.low !== null && r.high !== null);
  const known = regions.filter((r): r is Known => r.median !== null);
  const statusWord = (r: RegionView) => (r.status === null ? 'no benchmark' : statusWords[r.status]);
  const summary = (r: RegionView) =>
    r.median === null ? `${r.region}: no fills` : `${r.region}: ${formatDays(r.median)} (${r.filled} filled), ${statusWord(r)}`;
  const describe = (r: Known) =>
    summary(r) + (r.low !== null && r.high !== null ? `; benchmark ${r.low}–${r.high} d` : '');
  const marginTop = 20;
  const marginBottom = 36;
  return drawPlot({
    document,
    width,
    height: height ?? marginTop + marginBottom + 32 * regions.length,
    marginTop,
    marginBottom,
    marginLeft: marginForLabels(regions.map((r) => r.region)),
    marginRight: 200,
    ariaLabel,
    ariaDescription: `${ariaLabel}: ${joinProse(regions.map(summary))}.`,
    x: { label: 'Days to fill', zero: true, grid: true },
    y: { domain: regions.map((r) => r.region), label: null },
    marks: [
      Plot.barX(ranged, {
        y: 'region',
        x1: 'low',
        x2: 'high',
        fill: tints.neutral,
        stroke: '#BBBBBB',
        insetTop: 6,
        insetBottom: 6,
        title: (r: Ranged) => `${r.region} benchmark: ${r.low}–${r.high} d`,
        ariaDescription: 'benchmark range',
      }),
      Plot.dot(known, {
        y: 'region',
        x: 'median',
        r: 5,
        fill: (r: Known) => statusFill(r.status),
        stroke: '#222222',
        strokeWidth: 1,
        title: describe,
        tip: true,
        ariaDescription: 'median',
      }),
      Plot.text(regions, {
        y: 'region',
        text: (r: RegionView) =>
          r.median === null ? 'no fills' : `${formatDays(r.median)} (${r.filled} filled) · ${statusWord(r)}`,
        frameAnchor: 'right',
        textAnchor: 'start',
        dx: 10,
        fill: '#222222',
        ariaDescription: 'median label',
      }),
    ],
  });
}
