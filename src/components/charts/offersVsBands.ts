import * as Plot from '@observablehq/plot';
import type { z } from 'zod';
import type { offersVsBandsSchema } from '../../../pipelines/contract/metrics.ts';
import { palette } from './palette.ts';
import { defaultWidth, drawEmpty, drawPlot, type Chart, type ChartOptions } from './common.ts';
import { formatCount, formatPercent } from '../../../pipelines/contract/format.ts';

/** The company-wide part of offers against pay bands (DESIGN §4). */
export type OffersVsBandsOverall = z.infer<typeof offersVsBandsSchema>['overall'];

const positions = [
  { key: 'below', label: 'Below band', fill: palette.secondary },
  { key: 'within', label: 'Within band', fill: palette.primary },
  { key: 'above', label: 'Above band', fill: palette.accent },
] as const;

interface Position {
  label: string;
  count: number | null;
  rate: number | null;
  accepted: number | null;
  resolved: number | null;
  fill: string;
}

/** Offers below, within and above the pay band, with the acceptance rate of each when published. */
export function offersVsBands(
  overall: OffersVsBandsOverall,
  { document, width = defaultWidth, height = 280, ariaLabel = 'Offers against pay bands' }: ChartOptions = {},
): Chart {
  if (overall.offers === 0) return drawEmpty({ document, width, ariaLabel });
  const rows: Position[] = positions.map((p) => {
    const acceptance = overall.acceptance[p.key];
    return {
      label: p.label,
      count: overall[p.key],
      rate: acceptance?.rate ?? null,
      accepted: acceptance?.accepted ?? null,
      resolved: acceptance ? acceptance.accepted + acceptance.declined : null,
      fill: p.fill,
    };
  });
  type Counted = Position & { count: number };
  const counted = rows.filter((r): r is Counted => r.count !== null);
  const hidden = rows.filter((r) => r.count === null);
  const top = Math.max(1, ...counted.map((r) => r.count));
  const acceptanceText = (r: Position) => (r.rate === null ? '' : `${formatPercent(r.rate)} accepted (${r.accepted} of ${r.resolved})`);
  const countText = (r: Counted) => `${formatCount(r.count)} offers`;
  const describe = (r: Position) =>
    r.count === null ? `${r.label.toLowerCase()} suppressed` : `${formatCount(r.count)} ${r.label.toLowerCase()}` + (r.rate === null ? '' : ` (${acceptanceText(r)})`);
  return drawPlot({
    document,
    width,
    height,
    marginTop: 40,
    ariaLabel,
    ariaDescription:
      `${ariaLabel}: ${formatCount(overall.offers)} offers, ${rows.map(describe).join(', ')}` +
      (overall.unbanded ? `; ${formatCount(overall.unbanded)} without a band` : '') +
      '.',
    x: { domain: rows.map((r) => r.label), label: null, padding: 0.3 },
    y: { domain: [0, top], nice: true, label: 'Offers', grid: true },
    marks: [
      Plot.barY(counted, { x: 'label', y: 'count', fill: (r: Counted) => r.fill, title: describe, tip: true, ariaDescription: 'offers' }),
      Plot.text(counted, {
        x: 'label',
        y: 'count',
        text: (r: Counted) => (r.rate === null ? countText(r) : `${countText(r)}\n${acceptanceText(r)}`),
        lineAnchor: 'bottom',
        dy: -6,
        fill: '#222222',
        ariaDescription: 'offers label',
      }),
      Plot.text(hidden, { x: 'label', y: () => 0, text: () => 'suppressed', lineAnchor: 'bottom', dy: -6, fill: '#444444', ariaDescription: 'suppressed' }),
      Plot.ruleY([0]),
    ],
  });
}
