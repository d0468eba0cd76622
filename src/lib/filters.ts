import { levelKeys, regionKeys } from '../../pipelines/contract/dimensions.ts';

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
  /** The job's owners (issue 18); not offered on the pay pages nor when config privacy.owners is "hide". */
  recruiter?: string | undefined;
  hiringManager?: string | undefined;
}

export const filterKeys = ['from', 'to', 'department', 'region', 'level', 'recruiter', 'hiringManager'] as const;
const month = /^\d{4}-\d{2}$/;

/** Read filters from a query string; unknown keys are ignored, values are checked by resolveFilters. */
export function parseFilters(search: string): SiteFilters {
  const params = new URLSearchParams(search);
  const filters: SiteFilters = {};
  for (const key of filterKeys) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
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

/** The values a filter can take (the snapshot's meta: the categories present in the cubes). */
export interface FilterOptions {
  readonly months: readonly string[];
  readonly departments: readonly string[];
  readonly regions: readonly string[];
  readonly levels: readonly string[];
  /** Empty when owners are hidden. */
  readonly recruiters: readonly string[];
  readonly hiringManagers: readonly string[];
}

/** What is wrong with one filter of the URL: shown next to the dropdowns, never a silent empty page. */
export interface FilterProblem {
  readonly key: (typeof filterKeys)[number];
  readonly value: string;
  readonly message: string;
}

/**
 * The values each dropdown offers, as the CLI knows them (pipelines/commands/filters.ts knownFilterValues):
 * regions and levels are the canonical ones in their order, then any other the data holds; departments
 * and months are the data's.
 */
export function knownValues(options: FilterOptions): FilterOptions {
  const withCanonical = (canonical: readonly string[], data: readonly string[]) => [...canonical, ...data.filter((v) => !canonical.includes(v))];
  return {
    months: options.months,
    departments: options.departments,
    regions: withCanonical(regionKeys, options.regions),
    levels: withCanonical(levelKeys, options.levels),
    recruiters: options.recruiters,
    hiringManagers: options.hiringManagers,
  };
}

const known = (options: FilterOptions, key: (typeof filterKeys)[number]): readonly string[] => {
  const all = knownValues(options);
  return key === 'from' || key === 'to'
    ? all.months
    : key === 'department'
      ? all.departments
      : key === 'region'
        ? all.regions
        : key === 'recruiter'
          ? all.recruiters
          : key === 'hiringManager'
            ? all.hiringManagers
            : all.levels;
};

const listed = (values: readonly string[], most = 12) =>
  values.length <= most ? values.join(', ') : `${values.slice(0, most).join(', ')} … (${values.length - most} more)`;

/**
 * Filters as the CLI reads them (pipelines/commands/filters.ts checkFilters): a value in another case
 * matches and takes the data's spelling (`sales` reads as Sales); a value the data does not know, a month
 * outside the data and a period that ends before it starts stay applied — the page is empty — and each
 * comes back as a problem that says so.
 */
export function resolveFilters(filters: SiteFilters, options: FilterOptions): { filters: SiteFilters; problems: FilterProblem[] } {
  const resolved: SiteFilters = { ...filters };
  const problems: FilterProblem[] = [];
  for (const key of ['department', 'region', 'level', 'recruiter', 'hiringManager'] as const) {
    const given = filters[key];
    if (given === undefined) continue;
    const values = known(options, key);
    const match = values.find((v) => v.toLowerCase() === given.trim().toLowerCase());
    if (match !== undefined) resolved[key] = match;
    else problems.push({ key, value: given, message: `Unknown ${key === 'hiringManager' ? 'hiring manager' : key} "${given}": nothing matches it. Known: ${listed(values)}.` });
  }
  for (const key of ['from', 'to'] as const) {
    const given = filters[key];
    if (given !== undefined && !month.test(given)) {
      // not applied: a string compared with months would cut the period at random
      delete resolved[key];
      problems.push({ key, value: given, message: `${key === 'from' ? 'From' : 'To'} "${given}" is not a month (YYYY-MM): ignored.` });
    } else if (given !== undefined && !options.months.includes(given)) {
      const first = options.months[0];
      const last = options.months.at(-1);
      problems.push({ key, value: given, message: `${key === 'from' ? 'From' : 'To'} ${given} is outside the data (${first ?? '—'} to ${last ?? '—'}).` });
    }
  }
  if (resolved.from && resolved.to && resolved.from > resolved.to) {
    problems.push({ key: 'to', value: resolved.to, message: `The period is empty: From ${resolved.from} is after To ${resolved.to} (give the earlier month first).` });
  }
  return { filters: resolved, problems };
}
