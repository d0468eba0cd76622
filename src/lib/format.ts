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

/** Month key YYYY-MM as "Mar 2026" (UTC, locale-independent). */
export function monthLabel(key: string): string {
  const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const [year, month] = key.split('-');
  return `${names[Number(month) - 1] ?? month} ${year}`;
}
