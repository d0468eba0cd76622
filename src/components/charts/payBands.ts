import * as Plot from '@observablehq/plot';
import type { z } from 'zod';
import type { payBandSchema } from '../../../pipelines/contract/metrics.ts';
import { palette, tints } from './palette.ts';
import { defaultWidth, distinct, drawEmpty, drawPlot, joinProse, marginForLabels, type Chart, type ChartOptions } from './common.ts';
import { byKnownOrder, levelKeys, regionKeys } from '../../../pipelines/contract/dimensions.ts';
import { disclosureRules } from '../../../pipelines/contract/disclosure.ts';
import { formatUsd, formatUsdThousands } from '../../../pipelines/contract/format.ts';

/** One pay band cell (DESIGN §4), as in `metrics --json` and the site's pay snapshot. */
export type PayBand = z.infer<typeof payBandSchema>;

export interface PayBandsOptions extends ChartOptions {
  /** Only this region (all regions when undefined). */
  region?: string | undefined;
  /** The role family to draw: 'all' is the cell over every role family. */
  roleFamily?: string;
  /** The suppression threshold, for the "suppressed (n < minCell)" text (DESIGN §4). */
  minCell?: number;
}


type Range = PayBand & { from: number; to: number };
const rangeOf = (cells: readonly PayBand[], from: (b: PayBand) => number | null, to: (b: PayBand) => number | null): Range[] =>
  cells.flatMap((b) => {
    const x1 = from(b);
    const x2 = to(b);
    return x1 === null || x2 === null ? [] : [{ ...b, from: x1, to: x2 }];
  });

function describeCell(b: PayBand, minCell: number): string {
  const where = `${b.level}, ${b.region}`;
  if (b.suppressed) return `${where}: suppressed (n < ${minCell})`;
  const percentiles = (
    [
      ['P10', b.p10],
      ['P25', b.p25],
      ['P50', b.p50],
      ['P75', b.p75],
      ['P90', b.p90],
    ] as const
  ).flatMap(([name, value]) => (value === null ? [] : [`${name} ${formatUsd(value)}`]));
  const market =
    b.market && b.market.low !== null && b.market.high !== null
      ? `; market ${formatUsd(b.market.low)}–${formatUsd(b.market.high)} (${b.market.source})`
      : '';
  const compa = b.compaRatio === null ? '' : `; compa-ratio ${b.compaRatio.toFixed(2)}${b.belowMarket ? ', below market' : ''}`;
  return `${where}: n ${b.n ?? '?'}, ${percentiles.join(', ') || 'no percentiles'}${market}${compa}`;
}

/**
 * Pay bands per level (y) and region (fy): P10–P90 (light), P25–P75 (dark), a tick at P50 and the market
 * range as a dashed outline. Suppressed cells say so in words, never an empty row.
 */
export function payBands(
  bands: readonly PayBand[],
  { document, width = defaultWidth, height, ariaLabel = 'Pay bands by level and region', region, roleFamily = 'all', minCell = disclosureRules.minCell }: PayBandsOptions = {},
): Chart {
  const cells = bands.filter((b) => b.roleFamily === roleFamily && (region === undefined || b.region === region));
  if (cells.length === 0) return drawEmpty({ document, width, ariaLabel });
  const levels = distinct(cells.map((b) => b.level)).sort(byKnownOrder(levelKeys));
  const regions = distinct(cells.map((b) => b.region)).sort(byKnownOrder(regionKeys));
  const suppressed = cells.filter((b) => b.suppressed);
  const unpublished = cells.filter((b) => !b.suppressed && (b.p25 === null || b.p75 === null));
  const missing = regions.flatMap((r) =>
    levels.filter((l) => !cells.some((b) => b.region === r && b.level === l)).map((level) => ({ region: r, level })),
  );
  const published = cells.filter((b) => !b.suppressed);
  const wide = rangeOf(published, (b) => b.p10, (b) => b.p90);
  const core = rangeOf(published, (b) => b.p25, (b) => b.p75);
  const market = rangeOf(published, (b) => b.market?.low ?? null, (b) => b.market?.high ?? null);
  const medians = published.filter((b): b is PayBand & { p50: number } => b.p50 !== null);
  const marginTop = 20;
  const marginBottom = 40;
  const describe = (b: PayBand) => describeCell(b, minCell);
  const summary = (b: PayBand) =>
    b.suppressed ? `${b.level} ${b.region} suppressed` : b.p50 === null ? `${b.level} ${b.region} no median` : `${b.level} ${b.region} median ${formatUsd(b.p50)}`;
  return drawPlot({
    document,
    width,
    height: height ?? marginTop + marginBottom + regions.length * (levels.length * 26 + 14),
    marginTop,
    marginBottom,
    marginLeft: marginForLabels(levels, 60),
    marginRight: marginForLabels(regions, 50),
    ariaLabel,
    ariaDescription:
      `${ariaLabel}${roleFamily === 'all' ? '' : ` (${roleFamily})`}: ${joinProse(cells.map(summary))}` +
      (suppressed.length ? `; ${suppressed.length} of ${cells.length} cells suppressed (n < ${minCell})` : '') +
      '.',
    x: { label: 'Base pay (USD)', tickFormat: formatUsdThousands, grid: true },
    y: { domain: levels, label: null },
    fy: { domain: regions, label: null, padding: 0.1 },
    marks: [
      Plot.frame({ stroke: '#DDDDDD' }),
      Plot.barX(wide, { y: 'level', fy: 'region', x1: 'from', x2: 'to', fill: tints.primary, insetTop: 5, insetBottom: 5, title: describe, ariaDescription: 'P10-P90' }),
      Plot.barX(core, { y: 'level', fy: 'region', x1: 'from', x2: 'to', fill: palette.primary, insetTop: 8, insetBottom: 8, title: describe, tip: true, ariaDescription: 'P25-P75' }),
      Plot.tickX(medians, { y: 'level', fy: 'region', x: 'p50', stroke: '#111111', strokeWidth: 2.5, insetTop: 4, insetBottom: 4, ariaDescription: 'P50' }),
      Plot.barX(market, { y: 'level', fy: 'region', x1: 'from', x2: 'to', fill: 'none', stroke: '#333333', strokeDasharray: '3,2', insetTop: 2, insetBottom: 2, ariaDescription: 'market range' }),
      Plot.text(suppressed, { y: 'level', fy: 'region', text: () => `suppressed (n < ${minCell})`, frameAnchor: 'left', textAnchor: 'start', dx: 6, fill: '#444444', ariaDescription: 'suppressed' }),
      Plot.text(unpublished, { y: 'level', fy: 'region', text: () => 'no percentiles published', frameAnchor: 'left', textAnchor: 'start', dx: 6, fill: '#444444', ariaDescription: 'unpublished' }),
      Plot.text(missing, { y: 'level', fy: 'region', text: () => 'no employees', frameAnchor: 'left', textAnchor: 'start', dx: 6, fill: '#888888', ariaDescription: 'missing' }),
    ],
  });
}
