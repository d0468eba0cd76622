/** Number formatting for the site: one place, so tiles, tables and charts agree. */

export const percent = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined || !Number.isFinite(value) ? '—' : `${(value * 100).toFixed(digits)}%`;

export const days = (value: number | null | undefined, digits = 0) =>
  value === null || value === undefined || !Number.isFinite(value) ? '—' : `${value.toFixed(digits)} d`;

export const integer = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : Math.round(value).toLocaleString('en-US');

export const dollars = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : `$${Math.round(value).toLocaleString('en-US')}`;

export const statusLabel = {
  healthy: 'Healthy',
  watch: 'Watch',
  alarm: 'Alarm',
  'insufficient-data': 'Too few offers',
} as const;

/**
 * Names from the exports (departments, sources, stages...) as shown in filters, tables and alerts: cut
 * to `limit` characters with an ellipsis, so one very long name cannot widen every page (issue 16); the
 * full text goes into a title attribute beside it.
 */
export const nameLimit = 40;
export function shortText(text: string, limit = nameLimit): string {
  const chars = [...text];
  return chars.length <= limit ? text : `${chars.slice(0, limit - 1).join('').trimEnd()}…`;
}

/**
 * A sentence naming things from the exports (an alert): each unbroken run longer than `limit` cut as
 * shortText does, and the whole to `total` characters.
 */
export function shortSentence(text: string, limit = nameLimit, total = 240): string {
  return shortText(text.replace(new RegExp(`\\S{${limit + 1},}`, 'gu'), (word) => shortText(word, limit)), total);
}

/** Month key YYYY-MM as "Mar 2026" (UTC, locale-independent). */
export function monthLabel(key: string): string {
  const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const [year, month] = key.split('-');
  return `${names[Number(month) - 1] ?? month} ${year}`;
}
