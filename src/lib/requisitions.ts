/**
 * The Requisitions table in the browser: the filter bar's department, region and level (and the owner
 * filters, when the filter bar has them: `recruiter`, `hiringManager`) hide the rows that do not match, the
 * count and the CSV download follow; a click on a column header sorts (the CSV follows the order too). The rows themselves are rendered at
 * build time (src/pages/requisitions/index.astro), so the page works without JavaScript.
 */
import type { SiteFilters } from './filters.ts';

/** Row attribute per filter key (owner keys: the hook for the recruiter / hiring manager filters). */
const filterAttributes = { department: 'department', region: 'region', level: 'level', recruiter: 'recruiter', hiringManager: 'hiringManager' } as const;

/** Whether a row's values (data-* attributes) pass the filters; the period does not apply (a current state). */
export function rowMatches(values: Readonly<Record<string, string | undefined>>, filters: SiteFilters): boolean {
  const given = filters as Readonly<Record<string, string | undefined>>;
  return Object.entries(filterAttributes).every(([key, attribute]) => {
    const wanted = given[key];
    return !wanted || (values[attribute] ?? '').toLowerCase() === wanted.toLowerCase();
  });
}

/** The CSV lines of the page (header first, then one per row in build order: tr[data-index]), from its JSON script. */
function csvLines(): string[] {
  const script = document.querySelector('script[data-requisitions-csv-lines]');
  return script ? (JSON.parse(script.textContent ?? '[]') as string[]) : [];
}

/** Show the rows that pass the filters (the row an alert linked to stays shown); the count and the CSV follow. */
export function filterRequisitions(filters: SiteFilters): void {
  const rows = [...document.querySelectorAll<HTMLTableRowElement>('tr[data-requisition]')];
  const target = document.querySelector('tr[data-requisition]:target')?.id ?? decodeURIComponent(window.location.hash.slice(1));
  let shown = 0;
  for (const row of rows) {
    const visible = rowMatches(row.dataset, filters) || (target !== '' && row.id === target);
    row.hidden = !visible;
    if (visible) shown += 1;
  }
  const count = document.querySelector('[data-requisitions-count]');
  if (count) count.textContent = String(shown);
  const empty = document.querySelector<HTMLElement>('[data-requisitions-empty]');
  if (empty) empty.hidden = shown > 0;
  updateCsv();
}

/** The download holds the shown rows in the order shown (lines built and made formula-safe at build time). */
function updateCsv(): void {
  const link = document.querySelector<HTMLAnchorElement>('[data-requisitions-csv]');
  const [header, ...lines] = csvLines();
  if (!link || header === undefined) return;
  const shown = [...document.querySelectorAll<HTMLTableRowElement>('tr[data-requisition]:not([hidden])')].map((row) => lines[Number(row.dataset.index)]);
  link.href = `data:text/csv;charset=utf-8,${encodeURIComponent([header, ...shown].join('\n') + '\n')}`;
}

/** Sort the table by a column when its header button is clicked (numbers by value, text in code-point order). */
export function sortableTable(table: HTMLTableElement): void {
  const headers = [...table.querySelectorAll<HTMLTableCellElement>('th[data-sort]')];
  for (const [index, th] of headers.entries()) {
    th.querySelector('button')?.addEventListener('click', () => {
      const descending = th.getAttribute('aria-sort') === 'ascending';
      for (const other of headers) other.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      const numeric = th.dataset.sort === 'number';
      const body = table.tBodies[0]!;
      const key = (row: HTMLTableRowElement) => row.cells[index]?.dataset.value ?? row.cells[index]?.textContent ?? '';
      const sorted = [...body.rows].sort((a, b) => {
        const [x, y] = [key(a), key(b)];
        // empty values (no date, no owner) last in both directions
        if (x === '' || y === '') return x === y ? 0 : x === '' ? 1 : -1;
        const order = numeric ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
        return descending ? -order : order;
      });
      body.append(...sorted);
      updateCsv();
    });
  }
}
