/** Server-side chart rendering: Plot draws into a jsdom document at build time (first paint needs no JS). */
import { JSDOM } from 'jsdom';
import type { ChartId, ChartOutput } from './pages.ts';
import { renderChart } from './render.ts';

const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;

/** The chart as SVG/HTML markup. */
export function chartMarkup(chart: ChartId, output: ChartOutput, width = 640): string {
  return renderChart(chart, output, document as unknown as Document, width).outerHTML;
}
