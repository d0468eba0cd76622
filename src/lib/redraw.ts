/**
 * Browser side of a filter change: load the cubes the page needs (once), recompute every chart of the
 * page and its table, CSV link and the KPI tiles. Text from the data is always set as text, never HTML.
 */
import { cubes as cubeSpecs, type CubeName } from '../../pipelines/contract/cubes.ts';
import type { Meta, PaySnapshot } from '../../pipelines/contract/snapshot.ts';
import type { PayGapSnapshot } from '../../pipelines/contract/payGapSnapshot.ts';
import { drawPayEquity } from './payEquityDom.ts';
import { cubeFromIpc, type Cube } from './cube.ts';
import type { SiteFilters } from './filters.ts';
import { statusLabel } from '../../pipelines/contract/status.ts';
import { compaRows, cubesFor, kpiTexts, overviewKpis, pageCharts, type ChartContext, type ChartDef, type KpiText, type PageId } from './pages.ts';
import { defaultWidth } from '../components/charts/common.ts';
import { csvHref, renderChart } from './render.ts';
import { cellText, cellTitle, columnKind } from '../../pipelines/contract/format.ts';

const loadedCubes = new Map<CubeName, Promise<Cube>>();
let loadedMeta: Promise<Meta> | undefined;
let loadedPay: Promise<PaySnapshot> | undefined;
let loadedPayGap: Promise<PayGapSnapshot> | undefined;

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
  const needsPayGap = pageCharts[page].some((c) => c.usesPayGap);
  if (needsPayGap) loadedPayGap ??= fetchJson<PayGapSnapshot>(`${base}data/pay_gap.json`);
  const entries = await Promise.all(names.map(async (name) => [name, await loadedCubes.get(name)!] as const));
  return {
    cubes: Object.fromEntries(entries),
    meta: await loadedMeta,
    pay: needsPay ? await loadedPay : undefined,
    payGap: needsPayGap ? await loadedPayGap : undefined,
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
  const kinds = columns.map(columnKind);
  for (const row of rows) {
    const tr = document.createElement('tr');
    for (const [i, cell] of row.entries()) {
      const td = document.createElement('td');
      td.textContent = cellText(cell, kinds[i]);
      const title = cellTitle(cell);
      if (title !== undefined) td.title = title;
      tr.append(td);
    }
    body.append(tr);
  }
  table.tBodies[0]?.replaceWith(body);
}

/** The width a chart is drawn at: its container's, measured (the build-time drawing is `defaultWidth` wide). */
function measuredWidth(body: HTMLElement): number {
  const width = Math.floor(body.clientWidth);
  return width > 0 ? width : defaultWidth;
}

/** Draw one chart of the page (SVG, table view, CSV link) at its container's width. */
function drawFigure(def: ChartDef, figure: HTMLElement, context: ChartContext): void {
  const output = def.build(context);
  const body = figure.querySelector<HTMLElement>('[data-chart-body]')!;
  const width = measuredWidth(body);
  body.replaceChildren(renderChart(def.chart, output, document, width));
  body.dataset.width = String(width);
  const table = figure.querySelector<HTMLTableElement>('[data-chart-table] table');
  if (table) fillTable(table, output.table.columns, output.table.rows);
  figure.querySelector<HTMLAnchorElement>('[data-chart-csv]')?.setAttribute('href', csvHref(output));
}

let drawn: { page: PageId; context: ChartContext } | undefined;
let resizes: ResizeObserver | undefined;

/**
 * Charts follow their container's width: a chart whose container changed width is drawn again at the
 * new width (text stays 12 px instead of a scaled drawing shrinking it), once per animation frame.
 */
function watchWidths(page: PageId): void {
  if (resizes || typeof ResizeObserver === 'undefined') return;
  const pending = new Set<HTMLElement>();
  let frame = 0;
  resizes = new ResizeObserver((entries) => {
    for (const entry of entries) pending.add(entry.target as HTMLElement);
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const bodies = [...pending];
      pending.clear();
      if (!drawn) return;
      for (const body of bodies) {
        if (body.dataset.width === String(measuredWidth(body))) continue;
        const figure = body.closest<HTMLElement>('figure[data-chart]');
        const def = pageCharts[drawn.page].find((d) => d.id === figure?.dataset.chart);
        if (figure && def) drawFigure(def, figure, drawn.context);
      }
    });
  });
  for (const def of pageCharts[page]) {
    const body = document.querySelector<HTMLElement>(`figure[data-chart="${def.id}"] [data-chart-body]`);
    if (body) resizes.observe(body);
  }
}

/** Redraw every chart (and the KPI tiles) of the page for the context's filters, at their containers' widths. */
export function redraw(page: PageId, context: ChartContext): void {
  drawn = { page, context };
  for (const def of pageCharts[page]) {
    const figure = document.querySelector<HTMLElement>(`figure[data-chart="${def.id}"]`);
    if (figure) drawFigure(def, figure, context);
  }
  watchWidths(page);
  if (page === 'pay-equity') drawPayEquity(context);
  const compa = document.querySelector<HTMLElement>('[data-compa-body]');
  if (compa) {
    const rows = compaRows(context);
    compa.replaceChildren(
      ...rows.map((row) => {
        const tr = document.createElement('tr');
        tr.dataset.suppressed = String(row.suppressed);
        for (const [i, cell] of row.cells.entries()) {
          const td = document.createElement('td');
          td.textContent = cell;
          if (i === 6) td.className = 'muted';
          tr.append(td);
        }
        return tr;
      }),
    );
    document.querySelector<HTMLElement>('[data-compa-empty]')!.hidden = rows.length > 0;
  }
  // The Requisitions page filters its build-time rows (no chart): src/lib/requisitions.ts.
  if (page === 'requisitions') void import('./requisitions.ts').then(({ filterRequisitions }) => filterRequisitions(context.filters));
  if (page === 'overview') {
    const texts = kpiTexts(overviewKpis(context));
    const tiles: [string, KpiText][] = [
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
      const parts = (detail: KpiText['detail']) =>
        detail.map((part) => {
          if (typeof part === 'string') return document.createTextNode(part);
          const span = document.createElement('span');
          span.dataset.metric = part[0];
          span.textContent = part[1];
          return span;
        });
      tile.querySelector('[data-kpi-detail]')!.replaceChildren(...parts(text.detail));
      tile.querySelector('[data-kpi-compare]')?.replaceChildren(
        ...text.compare.map((line) => {
          const item = document.createElement('li');
          item.append(...parts(line));
          return item;
        }),
      );
      tile.querySelector('[data-kpi-status]')!.textContent = text.status in statusLabel ? statusLabel[text.status as keyof typeof statusLabel] : '';
    }
  }
}
