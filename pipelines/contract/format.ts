/**
 * Number formats of everything a person reads (site tiles, tables, charts, the CLI's tables): one
 * place, so they agree. Deterministic: never the runtime locale, so the server and the browser draw
 * the same text.
 */

const missing = (value: number | null | undefined): value is null | undefined => value === null || value === undefined || !Number.isFinite(value);

/** 0.834 -> "83%" (digits after the point as asked). */
export function formatPercent(rate: number, digits = 0): string {
  return `${(rate * 100).toFixed(digits)}%`;
}

/** 12345 -> "12,345", whatever the locale. */
export function formatCount(value: number): string {
  const [whole = '0', fraction] = Math.abs(value).toFixed(Number.isInteger(value) ? 0 : 1).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** 123456 -> "$123,456". */
export function formatUsd(value: number): string {
  return `${value < 0 ? '-' : ''}$${formatCount(Math.round(Math.abs(value)))}`;
}

/** Axis ticks in thousands of dollars: 120000 -> "$120k". */
export function formatUsdThousands(value: number): string {
  return `$${formatCount(Math.round(value / 1000))}k`;
}

/** Days as shown next to marks: 45.5 -> "45.5 d", 45 -> "45 d". */
export function formatDays(days: number): string {
  return `${formatCount(Math.round(days * 10) / 10)} d`;
}

// Tiles and tables: the same, with "—" for a missing value.

export const percent = (value: number | null | undefined, digits = 1) => (missing(value) ? '—' : formatPercent(value, digits));

export const days = (value: number | null | undefined, digits = 0) => (missing(value) ? '—' : `${value.toFixed(digits)} d`);

export const integer = (value: number | null | undefined) => (value === null || value === undefined ? '—' : formatCount(Math.round(value)));

export const dollars = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `$${formatCount(Math.round(value))}`);

/** Month key YYYY-MM as "Mar 2026" (UTC, locale-independent). */
export function monthLabel(key: string): string {
  const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const [year, month] = key.split('-');
  return `${names[Number(month) - 1] ?? month} ${year}`;
}

/**
 * Names from the exports (departments, sources, stages...) as the site shows them in filters, tables,
 * charts and alerts: cut to `limit` characters with an ellipsis, so one very long name cannot widen every
 * page (issue 16); the full text goes into a title attribute beside it.
 */
export const nameLimit = 40;
export function shortText(text: string, limit = nameLimit): string {
  const chars = [...text];
  return chars.length <= limit ? text : `${chars.slice(0, limit - 1).join('').trimEnd()}…`;
}

/** A sentence naming things from the exports (an alert): each unbroken run cut as shortText does, and the whole to `total`. */
export function shortSentence(text: string, limit = nameLimit, total = 240): string {
  return shortText(text.replace(new RegExp(`\\S{${limit + 1},}`, 'gu'), (word) => shortText(word, limit)), total);
}

/** Characters of a table cell on the site before it is cut (the CSV download keeps every value whole). */
const cellLimit = 60;

/** A table cell as text: whole numbers grouped, other numbers to 4 decimals, "—" for none, long text cut. */
export function cellText(value: string | number | null): string {
  if (value === null) return '—';
  if (typeof value === 'number') return Number.isInteger(value) ? formatCount(value) : value.toFixed(4);
  return shortText(value, cellLimit);
}

/** The title of a table cell: the whole text when cellText cut it, else none. */
export function cellTitle(value: string | number | null): string | undefined {
  return typeof value === 'string' && cellText(value) !== value ? value : undefined;
}
