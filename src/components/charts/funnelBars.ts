import * as Plot from '@observablehq/plot';
import type { FunnelStageView } from '../../lib/views.ts';
import { palette } from './palette.ts';
import { defaultWidth, drawEmpty, drawPlot, joinProse, marginForLabels, type Chart, type ChartOptions } from './common.ts';
import { formatCount, formatPercent } from '../../../pipelines/contract/format.ts';

/** The parts of a stage's bar: who went on, and why the others stopped here. */
const parts = [
  { key: 'advanced', label: 'advanced', fill: palette.primary },
  { key: 'rejected', label: 'rejected', fill: palette.alarm },
  { key: 'withdrew', label: 'withdrew', fill: palette.watch },
  { key: 'other', label: 'other', fill: palette.neutral },
  { key: 'active', label: 'active', fill: palette.accent },
  { key: 'unclassified', label: 'other outcome', fill: '#DDDDDD' },
] as const;
type PartKey = (typeof parts)[number]['key'];

interface Segment {
  stage: string;
  part: PartKey;
  label: string;
  count: number;
  fill: string;
}

function segmentsOf(stage: FunnelStageView): Segment[] {
  // The last stage (hired) advances nowhere: the whole bar is "hired".
  const advanced = stage.advanced ?? stage.reached - stage.rejected - stage.withdrew - stage.other - stage.active;
  const counts: Record<PartKey, number> = {
    advanced: Math.max(0, advanced),
    rejected: stage.rejected,
    withdrew: stage.withdrew,
    other: stage.other,
    active: stage.active,
    unclassified: 0,
  };
  counts.unclassified = Math.max(0, stage.reached - counts.advanced - stage.rejected - stage.withdrew - stage.other - stage.active);
  return parts
    .filter((part) => counts[part.key] > 0)
    .map((part) => ({
      stage: stage.label,
      part: part.key,
      label: part.key === 'advanced' && stage.advanced === null ? stage.label.toLowerCase() : part.label,
      count: counts[part.key],
      fill: part.fill,
    }));
}

const stageText = (s: FunnelStageView) =>
  s.passThrough === null ? formatCount(s.reached) : `${formatCount(s.reached)} · ${formatPercent(s.passThrough)} advanced`;

/**
 * Funnel: one bar per stage (funnel order, top to bottom) as long as the candidates who reached it, split
 * into those who advanced and those who stopped there (rejected, withdrew, other, still active). The key
 * is drawn with marks inside the SVG, so the chart stays an `<svg>` (a Plot legend would make a figure).
 */
export function funnelBars(
  stages: readonly FunnelStageView[],
  { document, width = defaultWidth, height, ariaLabel = 'Hiring funnel' }: ChartOptions = {},
): Chart {
  if (stages.length === 0 || stages.every((s) => s.reached === 0)) return drawEmpty({ document, width, ariaLabel });
  const segments = stages.flatMap(segmentsOf);
  const marginTop = 34;
  const marginBottom = 36;
  const marginLeft = marginForLabels(stages.map((s) => s.label));
  // The key: a square and a word per part, laid out from the left edge of the frame (about 6.5 px a character).
  const used = parts.filter((part) => segments.some((s) => s.part === part.key));
  let offset = 0;
  const key = used.flatMap((part) => {
    const word = part.key === 'advanced' ? 'advanced / hired' : part.label;
    const marks = [
      Plot.dot([part.key], { frameAnchor: 'top-left', dx: offset + 5, dy: -18, symbol: 'square', r: 4.5, fill: part.fill, ariaDescription: `key ${part.label}` }),
      Plot.text([word], { text: (d: string) => d, frameAnchor: 'top-left', textAnchor: 'start', dx: offset + 13, dy: -18, fill: '#222222', ariaDescription: `key ${part.label}` }),
    ];
    offset += 13 + Math.ceil(word.length * 6.5) + 14;
    return marks;
  });
  const totals = (s: FunnelStageView) =>
    `${s.label}: ${formatCount(s.reached)} reached` +
    (s.passThrough === null ? '' : `, ${formatPercent(s.passThrough)} advanced`) +
    `; stopped here: ${s.rejected} rejected, ${s.withdrew} withdrew, ${s.other} other, ${s.active} active`;
  return drawPlot({
    document,
    width,
    height: height ?? marginTop + marginBottom + 32 * stages.length,
    marginTop,
    marginBottom,
    marginLeft,
    marginRight: 140,
    ariaLabel,
    ariaDescription: `${ariaLabel}: ${joinProse(stages.map(totals))}.`,
    x: { label: 'Candidates', zero: true, grid: true },
    y: { domain: stages.map((s) => s.label), label: null },
    marks: [
      Plot.barX(segments, {
        y: 'stage',
        x: 'count',
        fill: (s: Segment) => s.fill,
        z: 'part',
        order: parts.map((part) => part.key),
        insetTop: 4,
        insetBottom: 4,
        title: (s: Segment) => `${s.stage}: ${formatCount(s.count)} ${s.label}`,
        tip: true,
        ariaDescription: 'segments',
      }),
      Plot.text(stages, { y: 'label', text: stageText, frameAnchor: 'right', textAnchor: 'start', dx: 8, fill: '#222222', ariaDescription: 'stage label' }),
      Plot.ruleX([0]),
      ...key,
    ],
  });
}
