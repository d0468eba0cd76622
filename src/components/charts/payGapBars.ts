import * as Plot from '@observablehq/plot';
import { palette } from './palette.ts';
import { defaultWidth, drawEmpty, drawPlot, joinProse, leftMargin, marginForText, type Chart, type ChartOptions } from './common.ts';
import { formatPercent } from '../../../pipelines/contract/format.ts';

/** One headline gap (issue 19): a measure and its gap, null when suppressed. */
export interface PayGapBar {
  readonly measure: string;
  readonly gap: number | null;
}

export interface PayGapBarsOptions extends ChartOptions {
  /** The joint-assessment line (Article 10: 5%), drawn on both sides of zero. */
  line?: number;
}

const label = (b: PayGapBar) =>
  b.gap === null ? 'suppressed' : `${formatPercent(Math.abs(b.gap), 1)}${b.gap > 0 ? ' men' : b.gap < 0 ? ' women' : ''}`;

/**
 * Gender pay gaps, one bar per measure: right of zero men are paid more, left women; bars at or beyond
 * the 5% line (dashed, both sides) in the watch colour. Suppressed measures say so in words.
 */
export function payGapBars(
  bars: readonly PayGapBar[],
  { document, width = defaultWidth, height, ariaLabel = 'Gender pay gaps', line = 0.05 }: PayGapBarsOptions = {},
): Chart {
  if (bars.length === 0) return drawEmpty({ document, width, ariaLabel });
  const shown = bars.filter((b): b is PayGapBar & { gap: number } => b.gap !== null);
  const suppressed = bars.filter((b) => b.gap === null);
  const reach = Math.max(line * 2, ...shown.map((b) => Math.abs(b.gap) * 1.15));
  const marginTop = 24;
  const marginBottom = 36;
  return drawPlot({
    document,
    width,
    height: height ?? marginTop + marginBottom + 30 * bars.length,
    marginTop,
    marginBottom,
    marginLeft: leftMargin(bars.map((b) => b.measure), width),
    marginRight: marginForText(bars.map(label), { min: 110, max: 140 }),
    ariaLabel,
    ariaDescription:
      `${ariaLabel} (gap = (men - women) / men; the ${formatPercent(line)} line is where a joint pay assessment is due): ` +
      `${joinProse(bars.map((b) => `${b.measure} ${b.gap === null ? 'suppressed' : `${formatPercent(b.gap, 1)}`}`))}.`,
    x: { domain: [-reach, reach], label: "← women paid more · gap · men paid more →", labelAnchor: 'center', tickFormat: (v: number) => formatPercent(v), grid: true },
    y: { domain: bars.map((b) => b.measure), label: null },
    marks: [
      Plot.barX(shown, {
        y: 'measure',
        x: 'gap',
        fill: (b: PayGapBar & { gap: number }) => (Math.abs(b.gap) >= line - 1e-12 ? palette.watch : palette.primary),
        insetTop: 5,
        insetBottom: 5,
        title: (b: PayGapBar & { gap: number }) => `${b.measure}: ${formatPercent(b.gap, 1)}`,
        tip: true,
        ariaDescription: 'gaps',
      }),
      Plot.ruleX([-line, line], { stroke: palette.alarm, strokeDasharray: '4,3', ariaDescription: `${formatPercent(line)} line` }),
      Plot.text([line], { x: (d: number) => d, text: () => `${formatPercent(line)} line`, frameAnchor: 'top', dy: -14, fill: palette.alarm, ariaDescription: 'line label' }),
      Plot.ruleX([0], { stroke: '#333333' }),
      Plot.text(bars, { y: 'measure', text: label, frameAnchor: 'right', textAnchor: 'start', dx: 8, fill: '#222222', ariaDescription: 'gap label' }),
      Plot.text(suppressed, { y: 'measure', x: 0, text: () => 'suppressed', textAnchor: 'start', dx: 6, fill: '#444444', ariaDescription: 'suppressed' }),
    ],
  });
}
