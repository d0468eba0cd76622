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
/** The width drawn at build time (first paint); the browser redraws at the container's measured width. */
export const defaultWidth = 640;
/** Below this width a chart draws its compact form: shorter labels beside bars, narrower margins. */
export const compactWidth = 520;
/** Pixels a character of the chart text (12 px system-ui) takes, a little generous: for margins that must hold a label. */
export const charWidth = 7;

/** Pixels a label of the chart text needs. */
export function textWidth(text: string): number {
  return Math.ceil([...text].length * charWidth);
}

/** A right margin that holds the longest of the labels drawn beside bars (plus their offset), never more than `max`. */
export function marginForText(labels: readonly string[], { dx = 8, min = 16, max = Infinity }: { dx?: number; min?: number; max?: number } = {}): number {
  const longest = labels.reduce((n, label) => Math.max(n, textWidth(label)), 0);
  return Math.min(max, Math.max(min, longest + dx + 6));
}

/**
 * Whole-number ticks for an axis of counts (openings, offers, candidates), at most about `count` of them:
 * a count axis never shows 0.5.
 */
export function countTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power);
  const ticks: number[] = [];
  for (let t = 0; t <= max + 1e-9; t += step) ticks.push(t);
  return ticks;
}

type PlotOptionsWithText = Plot.PlotOptions & { ariaLabel: string; ariaDescription: string };

/** Characters of an axis label (a department, a stage...) before it is cut with an ellipsis: what marginForLabels' widest margin holds. */
export const labelLimit = 26;

/**
 * Plot.plot with the house style; never a figure (no title, caption or legend inside the chart). Axis
 * labels longer than labelLimit are cut with an ellipsis, the full text in an SVG <title> (the tooltip).
 */
export function drawPlot(options: PlotOptionsWithText): Chart {
  const chart = Plot.plot({ ...options, style: chartStyle, figure: false });
  // Labels of the y axis hold in the left margin (narrow charts have a narrower one).
  const left = typeof options.marginLeft === 'number' ? Math.floor((options.marginLeft - 14) / charWidth) : labelLimit;
  const limits = { 'y-axis tick label': Math.max(6, Math.min(labelLimit, left)), 'x-axis tick label': labelLimit, 'fy-axis tick label': labelLimit, 'fx-axis tick label': labelLimit };
  for (const group of chart.querySelectorAll('g[aria-label$="tick label"]')) {
    const limit = limits[group.getAttribute('aria-label') as keyof typeof limits] ?? labelLimit;
    for (const text of group.querySelectorAll('text')) {
      const full = text.textContent ?? '';
      if (text.children.length > 0 || [...full].length <= limit) continue;
      const title = text.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'title');
      title.textContent = full;
      text.replaceChildren(title, shortText(full, limit));
    }
  }
  return chart;
}

/** A valid, empty chart that says so (no scales, so no NaN positions). */
export function drawEmpty({
  document,
  width = defaultWidth,
  height = 160,
  ariaLabel,
  text = noDataText,
}: { document?: Document | undefined; width?: number; height?: number; ariaLabel: string; text?: string }): Chart {
  return drawPlot({
    document,
    width,
    height,
    ariaLabel,
    ariaDescription: `${ariaLabel}: ${text === noDataText ? 'no data for this selection' : text}.`,
    marks: [Plot.text([text], { text: (d: string) => d, frameAnchor: 'middle', fill: '#555555', ariaDescription: 'no data', ...(text === noDataText ? {} : { lineWidth: Math.floor((width - 40) / 12) }) })],
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

/** Left margin wide enough for ordinal labels of about 7 px a character (labels beyond `max` are cut by drawPlot). */
export function marginForLabels(labels: readonly string[], min = 50, max = 200): number {
  const longest = labels.reduce((n, label) => Math.max(n, Math.min(label.length, labelLimit)), 0);
  return Math.min(max, Math.max(min, Math.ceil(longest * charWidth) + 20));
}

/** The left margin for ordinal labels in a chart `width` wide: at most a third of it on a narrow chart. */
export function leftMargin(labels: readonly string[], width: number): number {
  return marginForLabels(labels, 50, Math.min(200, Math.max(90, Math.round(width / 3))));
}
