/** Render a chart of the registry into an element of the given document (server: jsdom; browser: window). */
import { charts } from '../components/charts/index.ts';
import type { ChartId, ChartOutput } from './pages.ts';
import { toCsv } from '../../pipelines/lib/csvOut.ts';
import { shortText } from './format.ts';

export function renderChart(chart: ChartId, output: ChartOutput, document: Document, width = 640): Element {
  const draw = charts[chart] as (data: unknown, options: Record<string, unknown>) => Element;
  return draw(output.data, { ...output.options, document, width });
}

/** A `data:` URL of the chart's table as CSV (formula-injection safe), for the download link. */
export function csvHref(output: ChartOutput): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(toCsv(output.table.columns, output.table.rows))}`;
}

/** Characters of a table cell before it is cut (the CSV download keeps every value whole). */
const cellLimit = 60;

/** Table cells as text (numbers kept readable; ratios as they are; long names cut with an ellipsis). */
export function cellText(value: string | number | null): string {
  if (value === null) return '—';
  if (typeof value === 'number') return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(4);
  return shortText(value, cellLimit);
}

/** The title of a table cell: the whole text when cellText cut it, else none. */
export function cellTitle(value: string | number | null): string | undefined {
  return typeof value === 'string' && cellText(value) !== value ? value : undefined;
}
