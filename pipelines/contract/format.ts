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

/** A count with its noun, singular or plural: (1, 'offer') -> "1 offer", (2, 'offer') -> "2 offers", grouped. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
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

/** Characters of a table cell before it is cut (the CSV download keeps every value whole). */
const cellLimit = 60;

/**
 * What a column of a table view (and its CSV download) holds, by its name: counts are whole numbers,
 * rates (shares, ratios, intervals) have 4 decimals, money is whole units (USD), days have 1 decimal.
 * A column not named here is text (a number in it is shown as it is).
 */
export type ColumnKind = 'text' | 'count' | 'rate' | 'money' | 'days';
export const columnKinds: Readonly<Record<string, ColumnKind>> = {
  offers: 'count', accepted: 'count', declined: 'count', reached: 'count', advanced: 'count', rejected: 'count',
  withdrew: 'count', other: 'count', active: 'count', openings: 'count', filled: 'count', at_risk: 'count',
  censored: 'count', stays: 'count', applications: 'count', hires: 'count', offers_accepted: 'count',
  offers_declined: 'count', n: 'count', below: 'count', within: 'count', above: 'count',
  count: 'count', share: 'rate', open_openings: 'count', active_load: 'count',
  pass_applied: 'rate', pass_screen: 'rate', pass_technical: 'rate', pass_onsite: 'rate', pass_offer: 'rate',
  rate: 'rate', ci_low: 'rate', ci_high: 'rate', pass_through: 'rate', still_unfilled: 'rate', hire_rate: 'rate',
  compa_ratio: 'rate', median_penetration: 'rate',
  p10: 'money', p25: 'money', p50: 'money', p75: 'money', p90: 'money', market_low: 'money', market_high: 'money', market_midpoint: 'money',
  days: 'days', median_days: 'days', benchmark_low: 'days', benchmark_high: 'days',
};
export function columnKind(column: string): ColumnKind {
  return columnKinds[column] ?? 'text';
}

/** Decimals a number of each kind is rounded to, in tables and CSV files alike. */
const decimals: Record<Exclude<ColumnKind, 'text'>, number> = { count: 0, rate: 4, money: 0, days: 1 };

/** A number of a column rounded as its kind says (for the CSV download: no 17-digit floats). */
export function roundedCell(value: string | number | null, kind: ColumnKind = 'text'): string | number | null {
  if (typeof value !== 'number' || kind === 'text' || !Number.isFinite(value)) return value;
  const factor = 10 ** decimals[kind];
  return Math.round(value * factor) / factor;
}

/**
 * A table cell as text: counts and money grouped whole ("1,234"), rates to 4 decimals ("0.5000", "1.0000"),
 * days to 1 ("24.5"), "—" for none, long names cut. In a text column a whole number is grouped, another to 4 decimals.
 */
export function cellText(value: string | number | null, kind: ColumnKind = 'text'): string {
  if (value === null) return '—';
  if (typeof value === 'number') {
    if (kind === 'text') return Number.isInteger(value) ? formatCount(value) : value.toFixed(4);
    if (kind === 'rate' || kind === 'days') return (roundedCell(value, kind) as number).toFixed(decimals[kind]);
    return formatCount(Math.round(value));
  }
  return shortText(value, cellLimit);
}

/** The title of a table cell: the whole text when cellText cut it, else none. */
export function cellTitle(value: string | number | null): string | undefined {
  return typeof value === 'string' && cellText(value) !== value ? value : undefined;
}
