import * as Plot from '@observablehq/plot';
import { palette } from './palette.ts';
import { defaultWidth, drawEmpty, drawPlot, joinProse, type Chart, type ChartOptions } from './common.ts';
import { formatCount, formatPercent } from '../../../pipelines/contract/format.ts';

/** One quartile pay band (Article 9(1)(f)): counts and shares of women and men, null when suppressed. */
export interface PayGapQuartile {
  readonly band: number;
  readonly women: number | null;
  readonly men: number | null;
  readonly shareWomen: number | null;
  readonly shareMen: number | null;
}

const bandName = (band: number) => ['Lower', 'Lower middle', 'Upper middle', 'Upper'][band - 1] ?? `Band ${band}`;

interface Segment {
  band: string;
  sex: 'women' | 'men';
  share: number;
  count: number;
}

/**
 * Quartile pay bands by hourly total pay, lowest at the bottom: each band a bar of 100% split into the
 * share of women and of men (stacked), with the counts in the tooltip; a 50% rule for reference. When the
 * company-wide figures are suppressed the chart says so.
 */
export function payGapQuartiles(
  quartiles: readonly PayGapQuartile[],
  { document, width = defaultWidth, height = 230, ariaLabel = 'Quartile pay bands by sex' }: ChartOptions = {},
): Chart {
  const published = quartiles.filter((q) => q.shareWomen !== null && q.shareMen !== null);
  if (published.length === 0) {
    const empty = drawEmpty({ document, width, ariaLabel });
    if (quartiles.length > 0) {
      const text = empty.querySelector('text');
      if (text) text.textContent = 'Suppressed: fewer than the minimum of women or men';
    }
    return empty;
  }
  const bands = [...published].sort((a, b) => b.band - a.band).map((q) => bandName(q.band));
  const segments: Segment[] = published.flatMap((q) => [
    { band: bandName(q.band), sex: 'women' as const, share: q.shareWomen!, count: q.women ?? 0 },
    { band: bandName(q.band), sex: 'men' as const, share: q.shareMen!, count: q.men ?? 0 },
  ]);
  const fill = { women: palette.accent, men: palette.primary };
  return drawPlot({
    document,
    width,
    height,
    marginTop: 28,
    marginLeft: 100,
    marginRight: 20,
    ariaLabel,
    ariaDescription:
      `${ariaLabel}, lowest band first: ` +
      `${joinProse(published.map((q) => `${bandName(q.band).toLowerCase()} ${formatPercent(q.shareWomen!, 1)} women, ${formatPercent(q.shareMen!, 1)} men`))}.`,
    x: { domain: [0, 1], label: 'Share of the band', tickFormat: (v: number) => formatPercent(v), grid: true },
    y: { domain: bands, label: null },
    marks: [
      Plot.barX(segments, {
        y: 'band',
        x: 'share',
        fill: (s: Segment) => fill[s.sex],
        z: 'sex',
        order: ['women', 'men'],
        insetTop: 4,
        insetBottom: 4,
        title: (s: Segment) => `${s.band} band: ${formatPercent(s.share, 1)} ${s.sex} (${formatCount(s.count)})`,
        tip: true,
        ariaDescription: 'shares',
      }),
      Plot.text(
        segments,
        Plot.stackX({
          y: 'band',
          x: 'share',
          z: 'sex',
          order: ['women', 'men'],
          text: (s: Segment) => (s.share >= 0.12 ? `${formatPercent(s.share)} ${s.sex}` : ''),
          fill: 'white',
          ariaDescription: 'share label',
        }),
      ),
      Plot.ruleX([0.5], { stroke: '#333333', strokeDasharray: '3,2' }),
      Plot.dot(['women', 'men'], { x: (d: string) => (d === 'women' ? 0 : 0.15), frameAnchor: 'top', dy: -16, symbol: 'square', r: 4.5, fill: (d: 'women' | 'men') => fill[d], ariaDescription: 'key' }),
      Plot.text(['women', 'men'], { x: (d: string) => (d === 'women' ? 0 : 0.15), frameAnchor: 'top', dy: -16, dx: 9, text: (d: string) => d, textAnchor: 'start', fill: '#222222', ariaDescription: 'key' }),
    ],
  });
}
