/** Render a chart of the registry into an element of the given document (server: jsdom; browser: window). */
import { charts } from '../components/charts/index.ts';
import type { ChartId, ChartOutput } from './pages.ts';
import { toCsv } from '../../pipelines/contract/csv.ts';

export function renderChart(chart: ChartId, output: ChartOutput, document: Document, width = 640): Element {
  const draw = charts[chart] as (data: unknown, options: Record<string, unknown>) => Element;
  return draw(output.data, { ...output.options, document, width });
}

/** A `data:` URL of the chart's table as CSV (formula-injection safe), for the download link. */
export function csvHref(output: ChartOutput): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(toCsv(output.table.columns, output.table.rows))}`;
}
