/**
 * Filters that say what they do (issue 17): a value the warehouse does not know, or a period that ends
 * before it starts, is a usage error naming the value and the known ones — never a silent empty result.
 * A value in another case matches (the SQL filters compare case-insensitively) and is echoed in the
 * warehouse's spelling: `--department sales` reads as Sales.
 */
import type { Config } from '../lib/config.ts';
import { sqlFile, type Warehouse } from '../lib/duckdb.ts';
import { nearest, UsageError } from '../lib/output.ts';
import { loadReference } from '../metrics/reference.ts';
import { levelKeys, regionKeys } from '../contract/dimensions.ts';
import type { Filters } from '../contract/metrics.ts';

type Dimension = 'department' | 'region' | 'level' | 'source' | 'recruiter' | 'hiringManager';

/** The known values per dimension (regions and levels: the canonical ones first, in their order). */
export async function knownFilterValues(warehouse: Warehouse, config: Config): Promise<Record<Dimension | 'level-alias', string[]>> {
  await loadReference(warehouse, config);
  const rows = await warehouse.all<{ dimension: Dimension | 'level-alias'; value: string }>(sqlFile('filters/known_values.sql'));
  const of = (dimension: string) => rows.filter((r) => r.dimension === dimension).map((r) => r.value);
  const dataLevels = of('level').filter((l) => !(levelKeys as readonly string[]).includes(l));
  return {
    department: of('department'),
    region: [...regionKeys],
    level: [...levelKeys, ...dataLevels],
    source: of('source'),
    recruiter: of('recruiter'),
    hiringManager: of('hiring_manager'),
    'level-alias': of('level-alias'),
  };
}

const listed = (values: readonly string[], most = 20) =>
  values.length === 0 ? '(none in the warehouse)' : values.length <= most ? values.join(', ') : `${values.slice(0, most).join(', ')} … (${values.length - most} more)`;

/** Check the attribute filters and the period; returns the filters in the warehouse's spelling. */
export async function checkFilters(warehouse: Warehouse, config: Config, filters: Filters, asOf: string): Promise<Filters> {
  if (filters.from && filters.to && filters.from > filters.to) {
    throw new UsageError(`--from ${filters.from} is after --to ${filters.to}: the period is empty (give the earlier date first)`);
  }
  if (filters.from && filters.from > asOf) {
    throw new UsageError(`--from ${filters.from} is after the as-of date ${asOf}: nothing is known after it (give --as-of, or an earlier --from)`);
  }
  const known = await knownFilterValues(warehouse, config);
  const checked: Filters = { ...filters };
  for (const dimension of ['department', 'region', 'level', 'source', 'recruiter', 'hiringManager'] as const) {
    const given = filters[dimension];
    if (given === undefined) continue;
    const key = given.trim().toLowerCase();
    const match = known[dimension].find((v) => v.toLowerCase() === key);
    if (match !== undefined) {
      checked[dimension] = match;
      continue;
    }
    // a level alias (E5, "Senior II"...) is resolved by the filters themselves
    if (dimension === 'level' && known['level-alias'].includes(key)) continue;
    const guess = nearest(given, known[dimension]);
    throw new UsageError(
      `unknown ${dimension === 'hiringManager' ? 'hiring manager' : dimension} "${given}"${guess ? ` (did you mean ${guess}?)` : ''}; known: ${listed(known[dimension])}`,
    );
  }
  return checked;
}
