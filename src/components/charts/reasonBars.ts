import * as Plot from '@observablehq/plot';
import { palette } from './palette.ts';
import { compactWidth, defaultWidth, distinct, drawEmpty, drawPlot, joinProse, leftMargin, type Chart, type ChartOptions } from './common.ts';
import { formatPercent } from '../../../pipelines/contract/format.ts';
import { notGiven, otherReasons } from '../../../pipelines/contract/reasons.ts';

/** One segment: a reason's count and share within its group (a stage and outcome, or a quarter). */
export interface ReasonSegment {
  group: string;
  reason: string;
  count: number;
  share: number;
}

// Okabe-Ito colours for named reasons; the folded and the missing ones in greys.
const named = [palette.primary, palette.watch, palette.healthy, palette.accent, palette.secondary, palette.alarm, '#F0E442', '#000000'];
const colourOf = (reasons: readonly string[]) => {
  let next = 0;
  return reasons.map((r) => (r === otherReasons ? '#BBBBBB' : r === notGiven ? '#DDDDDD' : named[next++ % named.length]!));
};

/** Each group's reasons as one bar stacked to 100%, the reason named inside its segment when it fits. */
export function reasonBars(
  segments: readonly ReasonSegment[],
  { document, width = defaultWidth, height, ariaLabel = 'Reasons', emptyText }: ChartOptions & { emptyText?: string | undefined } = {},
): Chart {
  if (segments.length === 0) return drawEmpty({ document, width, ariaLabel, text: emptyText });
  const groups = distinct(segments.map((s) => s.group));
  // named reasons by their total count, then the folded and the missing ones, last in every bar
  const totals = new Map<string, number>();
  for (const s of segments) totals.set(s.reason, (totals.get(s.reason) ?? 0) + s.count);
  const last = (r: string) => (r === otherReasons ? 1 : r === notGiven ? 2 : 0);
  const reasons = [...totals.keys()].sort((a, b) => last(a) - last(b) || totals.get(b)! - totals.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  const compact = width < compactWidth;
  const marginTop = 16;
  const marginBottom = 36;
  const label = (s: ReasonSegment) => `${s.reason} ${formatPercent(s.share)}`;
  // a segment is labelled when its share holds the text at about 7 px a character
  // room on the right for half of the last tick label, "100%", at 11 px and more
  const marginRight = 28;
  const plotWidth = width - leftMargin(groups, width) - marginRight;
  const fits = (s: ReasonSegment) => !compact && s.share * plotWidth > label(s).length * 7 + 8;
  // stacked by hand (reasons in their overall order), so labels sit in the middle of their own segment
  const placed = groups.flatMap((g) => {
    let x = 0;
    return segments
      .filter((s) => s.group === g)
      .sort((a, b) => reasons.indexOf(a.reason) - reasons.indexOf(b.reason))
      .map((s) => ({ ...s, x1: x, x2: (x += s.share) }));
  });
  return drawPlot({
    document,
    width,
    height: height ?? marginTop + marginBottom + 30 * groups.length,
    marginTop,
    marginBottom,
    marginLeft: leftMargin(groups, width),
    marginRight,
    ariaLabel,
    ariaDescription: `${ariaLabel}: ${groups
      .map((g) => `${g}: ${joinProse(segments.filter((s) => s.group === g).map((s) => `${s.reason} ${s.count} (${formatPercent(s.share)})`))}`)
      .join('; ')}.`,
    x: { domain: [0, 1], tickFormat: (d: number) => formatPercent(d), label: 'Share', grid: true, ticks: compact ? 3 : 5 },
    y: { domain: groups, label: null },
    color: { domain: reasons, range: colourOf(reasons) },
    marks: [
      Plot.barX(placed, {
        y: 'group',
        x1: 'x1',
        x2: 'x2',
        fill: 'reason',
        insetTop: 4,
        insetBottom: 4,
        title: (s: ReasonSegment) => `${s.group} — ${s.reason}: ${s.count} (${formatPercent(s.share)})`,
        tip: true,
        ariaDescription: 'reason share',
      }),
      Plot.text(placed.filter(fits), {
        y: 'group',
        x: (s: (typeof placed)[number]) => (s.x1 + s.x2) / 2,
        text: label,
        fill: '#111111',
        ariaDescription: 'reason label',
      }),
      Plot.ruleX([0]),
    ],
  });
}
