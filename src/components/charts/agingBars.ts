import * as Plot from '@observablehq/plot';
import type { OpenView } from '../../lib/views.ts';
import { palette } from './palette.ts';
import { defaultWidth, drawEmpty, drawPlot, joinProse, type Chart, type ChartOptions } from './common.ts';
import { agingBuckets, byKnownOrder, oldAgingBuckets } from '../../../pipelines/contract/dimensions.ts';
import { formatCount } from '../../../pipelines/contract/format.ts';

type Bucket = OpenView['buckets'][number];
const isOld = (b: Bucket) => oldAgingBuckets.includes(b.bucket);

/** Open openings by age bucket; buckets over 90 days in the watch colour and labelled so. */
export function agingBars(
  view: OpenView,
  { document, width = defaultWidth, height = 240, ariaLabel = 'Open openings by age' }: ChartOptions = {},
): Chart {
  const buckets = [...view.buckets].sort((a, b) => byKnownOrder(agingBuckets)(a.bucket, b.bucket));
  const total = buckets.reduce((n, b) => n + b.count, 0);
  if (buckets.length === 0 || total === 0) return drawEmpty({ document, width, ariaLabel });
  const old = buckets.filter(isOld).reduce((n, b) => n + b.count, 0);
  const label = (b: Bucket) => (isOld(b) ? `${formatCount(b.count)} · over 90 d` : formatCount(b.count));
  return drawPlot({
    document,
    width,
    height,
    marginTop: 28,
    ariaLabel,
    ariaDescription:
      `${ariaLabel}: ${formatCount(total)} open, ${formatCount(old)} of them open more than 90 days ` +
      `(${joinProse(buckets.map((b) => `${formatCount(b.count)} at ${b.bucket} days`))}).`,
    x: { domain: buckets.map((b) => b.bucket), label: 'Days open', padding: 0.25 },
    y: { label: 'Openings', grid: true },
    marks: [
      Plot.barY(buckets, {
        x: 'bucket',
        y: 'count',
        fill: (b: Bucket) => (isOld(b) ? palette.watch : palette.primary),
        title: (b: Bucket) => `${b.bucket} days: ${formatCount(b.count)} open${isOld(b) ? ', over 90 days' : ''}`,
        tip: true,
        ariaDescription: 'buckets',
      }),
      Plot.text(buckets, { x: 'bucket', y: 'count', text: label, dy: -8, fill: '#222222', ariaDescription: 'count label' }),
      Plot.ruleY([0]),
    ],
  });
}
