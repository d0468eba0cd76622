import * as Plot from '@observablehq/plot';
import type { OfferSpeedView } from '../../lib/views.ts';
import { palette } from './palette.ts';
import { defaultWidth, drawEmpty, drawPlot, type Chart, type ChartOptions } from './common.ts';
import { formatPercent } from '../../../pipelines/contract/format.ts';

interface SpeedBar {
  group: string;
  accepted: number;
  declined: number;
  rate: number | null;
  fill: string;
}

/** Acceptance of offers answered within two days of the offer against later ones. */
export function offerSpeed(
  view: OfferSpeedView,
  { document, width = defaultWidth, height = 260, ariaLabel = 'Offer acceptance by response speed' }: ChartOptions = {},
): Chart {
  const bars: SpeedBar[] = [
    { group: 'Within 2 days', ...view.within2Days, fill: palette.primary },
    { group: 'Later', ...view.later, fill: palette.secondary },
  ];
  if (bars.every((b) => b.accepted + b.declined === 0)) return drawEmpty({ document, width, ariaLabel });
  const rated = bars.filter((b): b is SpeedBar & { rate: number } => b.rate !== null);
  const describe = (b: SpeedBar) =>
    b.rate === null ? `${b.group}: no resolved offers` : `${b.group}: ${formatPercent(b.rate)} accepted (${b.accepted} of ${b.accepted + b.declined})`;
  return drawPlot({
    document,
    width,
    height,
    marginTop: 30,
    ariaLabel,
    ariaDescription: `${ariaLabel}: ${bars.map(describe).join('; ')}.`,
    x: { domain: bars.map((b) => b.group), label: null, padding: 0.35 },
    y: { domain: [0, 1], tickFormat: (d: number) => formatPercent(d), label: 'Offers accepted', grid: true },
    marks: [
      Plot.barY(rated, { x: 'group', y: 'rate', fill: (b: SpeedBar) => b.fill, title: describe, tip: true, ariaDescription: 'rate' }),
      Plot.text(bars, {
        x: 'group',
        y: (b: SpeedBar) => b.rate ?? 0,
        text: (b: SpeedBar) => (b.rate === null ? 'no resolved offers' : `${formatPercent(b.rate)} (${b.accepted} of ${b.accepted + b.declined})`),
        dy: -8,
        fill: '#222222',
        ariaDescription: 'rate label',
      }),
      Plot.ruleY([0]),
    ],
  });
}
