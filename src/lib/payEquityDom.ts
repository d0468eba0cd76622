/**
 * Browser side of the Pay equity page (issue 19 Deliver 4): after a filter change, set the scope line,
 * headline tiles, categories table, adjusted gap, cost to close and the CSV link from payEquityParts —
 * every value as text, never HTML (category names come from the exports).
 */
import type { ChartContext } from './pages.ts';
import { payEquityParts } from './payEquity.ts';

export function drawPayEquity(context: ChartContext): void {
  const parts = payEquityParts(context.payGap, context.filters);
  const scope = document.querySelector<HTMLElement>('[data-pay-gap-scope]');
  if (scope) scope.textContent = parts.scope;
  const csv = document.querySelector<HTMLAnchorElement>('[data-pay-gap-csv]');
  if (csv) {
    csv.href = parts.csvHref;
    csv.download = parts.csvName;
  }
  for (const figure of parts.headline) {
    const tile = document.querySelector<HTMLElement>(`[data-gap="${figure.key}"]`);
    if (!tile) continue;
    tile.dataset.status = figure.status;
    tile.querySelector('[data-gap-value]')!.textContent = figure.text;
    tile.querySelector('[data-gap-detail]')!.textContent = figure.detail;
  }
  const body = document.querySelector<HTMLElement>('[data-pay-gap-categories]');
  if (body) {
    body.replaceChildren(
      ...parts.categories.map((row) => {
        const tr = document.createElement('tr');
        tr.dataset.category = row.category;
        tr.dataset.suppressed = String(row.suppressed);
        tr.dataset.joint = String(row.joint);
        for (const cell of row.cells) {
          const td = document.createElement('td');
          td.textContent = cell;
          tr.append(td);
        }
        return tr;
      }),
    );
    const empty = document.querySelector<HTMLElement>('[data-pay-gap-categories-empty]');
    if (empty) empty.hidden = parts.categories.length > 0;
  }
  for (const [key, text] of Object.entries(parts.adjusted)) {
    const element = document.querySelector<HTMLElement>(`[data-pay-gap-adjusted="${key}"]`);
    if (element) element.textContent = text;
  }
}
