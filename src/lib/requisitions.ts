/**
 * The Requisitions table in the browser: the filter bar's department, region and level (and the owner
 * filters, when the filter bar has them: `recruiter`, `hiringManager`) hide the rows that do not match, the
 * count and the CSV download follow; a click on a column header sorts. The rows themselves are rendered at
 * build time (src/pages/requisitions/index.astro), so the page works without JavaScript.
 */
import { toCsv } from '../../pipelines/contract/csv.ts';
import { requisitionColumns, requisitionCsvRow, type RequisitionsReport } from '../../pipelines/contract/requisitions.ts';
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

/** The CSV of the openings that pass the filters, as a data: URL (formula-safe: contract/csv.ts). */
export function requisitionsCsvHref(report: RequisitionsReport, filters: SiteFilters): string {
  const rows = report.requisitions.filter((r) =>
    rowMatches({ department: r.department ?? '', region: r.region, level: r.level ?? '', recruiter: r.recruiter ?? '', hiringManager: r.hiringManager ?? '' }, filters),
  );
  return `data:text/csv;charset=utf-8,${encodeURIComponent(toCsv(requisitionColumns, rows.map(requisitionCsvRow)))}`;
}

let report: Promise<RequisitionsReport> | undefined;

/** Show the rows that pass the filters (the row an alert linked to stays shown), update the count and the CSV. */
export async function filterRequisitions(filters: SiteFilters): Promise<void> {
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
  const link = document.querySelector<HTMLAnchorElement>('[data-requisitions-csv]');
  if (link?.dataset.source) {
    report ??= fetch(link.dataset.source).then((r) => {
      if (!r.ok) throw new Error(`requisitions.json: HTTP ${r.status}`);
      return r.json() as Promise<RequisitionsReport>;
    });
    link.href = requisitionsCsvHref(await report, filters);
  }
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
    });
  }
}
