import * as Plot from '@observablehq/plot';
import type { StageTimeView } from '../../lib/views.ts';
import { palette } from './palette.ts';
import { defaultWidth, drawEmpty, drawPlot, joinProse, marginForLabels, type Chart, type ChartOptions } from './common.ts';
import { formatDays } from '../../../pipelines/contract/format.ts';

/** Median days spent in each stage, in funnel order; stages without a finished stay are left out. */
export function stageTimeBars(
  stages: readonly StageTimeView[],
  { document, width = defaultWidth, height, ariaLabel = 'Median time in stage' }: ChartOptions = {},
): Chart {
  type Known = StageTimeView & { median: number };
  const known = stages.filter((s): s is Known => s.median !== null);
  if (known.length === 0) return drawEmpty({ document, width, ariaLabel });
  const marginTop = 16;
  const marginBottom = 36;
  return drawPlot({
    document,
    width,
    height: height ?? marginTop + marginBottom + 30 * known.length,
    marginTop,
    marginBottom,
    marginLeft: marginForLabels(known.map((s) => s.label)),
    marginRight: 56,
    ariaLabel,
    ariaDescription: `${ariaLabel}: ${joinProse(known.map((s) => `${s.label} ${formatDays(s.median)}`))}.`,
    x: { label: 'Median days', zero: true, grid: true },
    y: { domain: known.map((s) => s.label), label: null },
    marks: [
      Plot.barX(known, {
        y: 'label',
        x: 'median',
        fill: palette.primary,
        insetTop: 4,
        insetBottom: 4,
        title: (s: Known) => `${s.label}: median ${formatDays(s.median)} over ${s.stays} stays`,
        tip: true,
        ariaDescription: 'median',
      }),
      Plot.text(known, { y: 'label', x: 'median', text: (s: Known) => formatDays(s.median), textAnchor: 'start', dx: 5, fill: '#222222', ariaDescription: 'median label' }),
      Plot.ruleX([0]),
    ],
  });
}
