/**
 * Shared pieces of the chart functions: options, style and the "no data" chart. Number formats, status
 * words and sort orders come from the contract (pipelines/contract/).
 */
import * as Plot from '@observablehq/plot';
import { shortText } from '../../../pipelines/contract/format.ts';

/** Options every chart takes (Plot style: defaults destructured in place). */
export interface ChartOptions {
  /** The document to draw with: a jsdom document on the server, `window.document` in the browser. */
  document?: Document;
  width?: number;
  height?: number;
  /** The chart title, as the accessible name; the page shows the visible title. */
  ariaLabel?: string;
}

/**
 * What a chart function returns: Plot's element, always an `<svg>` here (every chart passes
 * `figure: false`), with Plot's `scale(name)` to read a scale back.
 */
export type Chart = ReturnType<typeof Plot.plot>;

export const chartStyle = { fontFamily: 'system-ui, sans-serif', fontSize: '12px' };
export const noDataText = 'No data for this selection';
export const defaultWidth = 640;

type PlotOptionsWithText = Plot.PlotOptions & { ariaLabel: string; ariaDescription: string };

/** Characters of an axis label (a department, a stage...) before it is cut with an ellipsis: what marginForLabels' widest margin holds. */
export const labelLimit = 26;

/**
 * Plot.plot with the house style; never a figure (no title, caption or legend inside the chart). Axis
 * labels longer than labelLimit are cut with an ellipsis, the full text in an SVG <title> (the tooltip).
 */
export function drawPlot(options: PlotOptionsWithText): Chart {
  const chart = Plot.plot({ ...options, style: chartStyle, figure: false });
  for (const text of chart.querySelectorAll('g[aria-label$="tick label"] text')) {
    const full = text.textContent ?? '';
    if (text.children.length > 0 || [...full].length <= labelLimit) continue;
    const title = text.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'title');
    title.textContent = full;
    text.replaceChildren(title, shortText(full, labelLimit));
  }
  return chart;
}

/** A valid, empty chart that says so (no scales, so no NaN positions). */
export function drawEmpty({
  document,
  width = defaultWidth,
  height = 160,
  ariaLabel,
}: { document?: Document | undefined; width?: number; height?: number; ariaLabel: string }): Chart {
  return drawPlot({
    document,
    width,
    height,
    ariaLabel,
    ariaDescription: `${ariaLabel}: no data for this selection.`,
    marks: [Plot.text([noDataText], { text: (d: string) => d, frameAnchor: 'middle', fill: '#555555', ariaDescription: 'no data' })],
  });
}

/** Every k-th label of an ordinal axis, so that labels of about `labelWidth` pixels do not overlap. */
export function thinTicks<T>(domain: readonly T[], plotWidth: number, labelWidth = 56): T[] {
  if (domain.length === 0) return [];
  const step = Math.max(1, Math.ceil((domain.length * labelWidth) / Math.max(plotWidth, 1)));
  return domain.filter((_, index) => (domain.length - 1 - index) % step === 0);
}

/**
 * Text anchoring for a label next to a vertical rule at `value` on an axis that ends near `end`: to the
 * right of the rule, or to its left in the last fifth of the axis so the label stays inside the chart.
 */
export function besideRule(value: number, end: number): { textAnchor: 'start' | 'end'; dx: number } {
  return end > 0 && value > 0.8 * end ? { textAnchor: 'end', dx: -4 } : { textAnchor: 'start', dx: 4 };
}

/** Distinct values, first occurrence order. */
export function distinct<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/** Numbers in a list joined as in prose: "a, b and c". */
export function joinProse(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** Left margin wide enough for ordinal labels of about 6.5 px a character. */
export function marginForLabels(labels: readonly string[], min = 50, max = 200): number {
  const longest = labels.reduce((n, label) => Math.max(n, Math.min(label.length, labelLimit)), 0);
  return Math.min(max, Math.max(min, Math.ceil(longest * 7) + 20));
}
