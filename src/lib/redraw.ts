/**
 * Browser side of a filter change: load the cubes the page needs (once), recompute every chart of the
 * page and its table, CSV link and the KPI tiles. Text from the data is always set as text, never HTML.
 */
import { cubes as cubeSpecs, type CubeName } from '../../pipelines/contract/cubes.ts';
import type { Meta, PaySnapshot } from '../../pipelines/contract/snapshot.ts';
import { cubeFromIpc, type Cube } from './cube.ts';
import type { SiteFilters } from './filters.ts';
import { statusLabel } from '../../pipelines/contract/status.ts';
import { cubesFor, kpiTexts, overviewKpis, pageCharts, type ChartContext, type PageId } from './pages.ts';
import { csvHref, renderChart } from './render.ts';
import { cellText, cellTitle } from '../../pipelines/contract/format.ts';

const loadedCubes = new Map<CubeName, Promise<Cube>>();
let loadedMeta: Promise<Meta> | undefined;
let loadedPay: Promise<PaySnapshot> | undefined;

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** Everything a page needs to recompute its charts, fetched once per page load. */
export async function loadContext(page: PageId, base: string, filters: SiteFilters): Promise<ChartContext> {
  const names = cubesFor(page);
  for (const name of names) {
    if (!loadedCubes.has(name)) loadedCubes.set(name, fetchBytes(`${base}data/${cubeSpecs[name].file}`).then(cubeFromIpc));
  }
  loadedMeta ??= fetchJson<Meta>(`${base}data/meta.json`);
  const needsPay = pageCharts[page].some((c) => c.usesPay);
  if (needsPay) loadedPay ??= fetchJson<PaySnapshot>(`${base}data/pay.json`);
  const entries = await Promise.all(names.map(async (name) => [name, await loadedCubes.get(name)!] as const));
  return {
    cubes: Object.fromEntries(entries),
    meta: await loadedMeta,
    pay: needsPay ? await loadedPay : undefined,
    filters,
  };
}

function fillTable(table: HTMLTableElement, columns: readonly string[], rows: readonly (readonly (string | number | null)[])[]): void {
  const headRow = document.createElement('tr');
  for (const column of columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = column;
    headRow.append(th);
  }
  table.tHead?.replaceChildren(headRow);
  const body = document.createElement('tbody');
  for (const row of rows) {
    const tr = document.createElement('tr');
    for (const cell of row) {
      const td = document.createElement('td');
      td.textContent = cellText(cell);
      const title = cellTitle(cell);
      if (title !== undefined) td.title = title;
      tr.append(td);
    }
    body.append(tr);
  }
  table.tBodies[0]?.replaceWith(body);
}

/** Redraw every chart (and the KPI tiles) of the page for the context's filters. */
export function redraw(page: PageId, context: ChartContext): void {
  for (const def of pageCharts[page]) {
    const figure = document.querySelector<HTMLElement>(`figure[data-chart="${def.id}"]`);
    if (!figure) continue;
    const output = def.build(context);
    const body = figure.querySelector<HTMLElement>('[data-chart-body]')!;
    body.replaceChildren(renderChart(def.chart, output, document, figure.classList.contains('wide') ? 960 : 640));
    const table = figure.querySelector<HTMLTableElement>('[data-chart-table] table');
    if (table) fillTable(table, output.table.columns, output.table.rows);
    figure.querySelector<HTMLAnchorElement>('[data-chart-csv]')?.setAttribute('href', csvHref(output));
  }
  if (page === 'overview') {
    const texts = kpiTexts(overviewKpis(context));
    const tiles: [string, { value: string; detail: string; status: string }][] = [
      ['offer-acceptance', texts.oar],
      ['time-to-fill', texts.ttf],
      ['open-openings', texts.open],
      ['hires', texts.hires],
    ];
    for (const [kpi, text] of tiles) {
      const tile = document.querySelector<HTMLElement>(`[data-kpi="${kpi}"]`);
      if (!tile) continue;
      tile.dataset.status = text.status;
      tile.querySelector('[data-kpi-value]')!.textContent = text.value;
      tile.querySelector('[data-kpi-detail]')!.textContent = text.detail;
      tile.querySelector('[data-kpi-status]')!.textContent = text.status in statusLabel ? statusLabel[text.status as keyof typeof statusLabel] : '';
    }
  }
}
