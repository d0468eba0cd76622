/** Render a chart of the registry into an element of the given document (server: jsdom; browser: window). */
import { charts } from '../components/charts/index.ts';
import type { ChartId, ChartOutput } from './pages.ts';
import { toCsv } from '../../pipelines/contract/csv.ts';
import { columnKind, roundedCell } from '../../pipelines/contract/format.ts';

export function renderChart(chart: ChartId, output: ChartOutput, document: Document, width = 640): Element {
  const draw = charts[chart] as (data: unknown, options: Record<string, unknown>) => Element;
  return draw(output.data, { ...output.options, document, width });
}

/** A `data:` URL of the chart's table as CSV (formula-injection safe, numbers rounded as their column's kind says), for the download link. */
export function csvHref(output: ChartOutput): string {
  const kinds = output.table.columns.map(columnKind);
  const rows = output.table.rows.map((row) => row.map((cell, i) => roundedCell(cell, kinds[i])));
  return `data:text/csv;charset=utf-8,${encodeURIComponent(toCsv(output.table.columns, rows))}`;
}
