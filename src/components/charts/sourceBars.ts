import * as Plot from '@observablehq/plot';
import type { SourceView } from '../../lib/views.ts';
import { palette } from './palette.ts';
import { defaultWidth, drawEmpty, drawPlot, joinProse, marginForLabels, type Chart, type ChartOptions } from './common.ts';
import { formatPercent } from '../../../pipelines/contract/format.ts';

const label = (s: SourceView) => `${formatPercent(s.hireRate, 1)} (${s.hires}/${s.applications})`;

/** Hire rate (hires / applications) per source, in the given order (most applications first). */
export function sourceBars(
  sources: readonly SourceView[],
  { document, width = defaultWidth, height, ariaLabel = 'Hire rate by source' }: ChartOptions = {},
): Chart {
  if (sources.length === 0 || sources.every((s) => s.applications === 0)) return drawEmpty({ document, width, ariaLabel });
  const top = Math.max(...sources.map((s) => s.hireRate));
  const digits = top < 0.1 ? 1 : 0;
  const marginTop = 16;
  const marginBottom = 36;
  return drawPlot({
    document,
    width,
    height: height ?? marginTop + marginBottom + 28 * sources.length,
    marginTop,
    marginBottom,
    marginLeft: marginForLabels(sources.map((s) => s.source)),
    marginRight: 130,
    ariaLabel,
    ariaDescription: `${ariaLabel}: ${joinProse(sources.map((s) => `${s.source} ${label(s)}`))}.`,
    x: { domain: [0, top > 0 ? top : 0.01], nice: true, tickFormat: (d: number) => formatPercent(d, digits), label: 'Hire rate', grid: true },
    y: { domain: sources.map((s) => s.source), label: null },
    marks: [
      Plot.barX(sources, {
        y: 'source',
        x: 'hireRate',
        fill: palette.primary,
        insetTop: 4,
        insetBottom: 4,
        title: (s: SourceView) => `${s.source}: ${label(s)} hired; offers ${s.offersAccepted} accepted, ${s.offersDeclined} declined`,
        tip: true,
        ariaDescription: 'hire rate',
      }),
      Plot.text(sources, { y: 'source', x: 'hireRate', text: label, textAnchor: 'start', dx: 5, fill: '#222222', ariaDescription: 'hire rate label' }),
      Plot.ruleX([0]),
    ],
  });
}
