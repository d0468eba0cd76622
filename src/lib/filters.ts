/**
 * The dashboard's global filters (DESIGN §6): period by month, department, region, level. They live in the
 * URL query string so a view can be shared and survives a reload.
 */
export interface SiteFilters {
  /** First month of the period, YYYY-MM (inclusive); undefined = from the beginning. */
  from?: string | undefined;
  /** Last month of the period, YYYY-MM (inclusive); undefined = up to asOf. */
  to?: string | undefined;
  department?: string | undefined;
  region?: string | undefined;
  level?: string | undefined;
}

export const filterKeys = ['from', 'to', 'department', 'region', 'level'] as const;
const month = /^\d{4}-\d{2}$/;

/** Read filters from a query string; unknown keys and malformed months are ignored. */
export function parseFilters(search: string): SiteFilters {
  const params = new URLSearchParams(search);
  const filters: SiteFilters = {};
  for (const key of filterKeys) {
    const value = params.get(key)?.trim();
    if (!value) continue;
    if ((key === 'from' || key === 'to') && !month.test(value)) continue;
    filters[key] = value;
  }
  return filters;
}

/** The query string of filters (stable key order), without the leading `?`. */
export function serializeFilters(filters: SiteFilters): string {
  const params = new URLSearchParams();
  for (const key of filterKeys) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params.toString();
}

export function isEmptyFilters(filters: SiteFilters): boolean {
  return filterKeys.every((key) => !filters[key]);
}
