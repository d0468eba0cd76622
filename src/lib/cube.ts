/**
 * Cubes in memory: Arrow IPC bytes -> plain column arrays, filtering by the global filters, and exact
 * statistics over day histograms (the same definitions as the SQL: quantile_cont, mean).
 */
import { CompressionType, compressionRegistry, tableFromIPC } from 'apache-arrow';
import { decompress } from 'fzstd';
import type { SiteFilters } from './filters.ts';

export type Column = readonly (string | number | null)[];
export interface Cube {
  readonly length: number;
  readonly columns: Readonly<Record<string, Column>>;
}

// Cubes are written with Zstandard body compression; fzstd (a few KB, pure JS) decodes them in the
// browser and at build time. A codec already registered (the snapshot writer's) is left in place.
if (!compressionRegistry.get(CompressionType.ZSTD)?.decode) {
  compressionRegistry.set(CompressionType.ZSTD, { decode: (data) => decompress(data) });
}

/** Decode an Arrow IPC file into column arrays (dictionary columns become strings). */
export function cubeFromIpc(bytes: Uint8Array): Cube {
  const table = tableFromIPC(bytes);
  const columns: Record<string, Column> = {};
  for (const field of table.schema.fields) {
    const vector = table.getChild(field.name)!;
    columns[field.name] = Array.from(vector.toArray() as ArrayLike<string | number | null>, (v) => (v === undefined ? null : v));
  }
  return { length: table.numRows, columns };
}

export interface RowFilterOptions {
  /** Apply the period to the `month` column (false for current-state cubes). */
  readonly period?: boolean;
}

/** Does this cube split by the job's owners (every hiring cube does; reasons do not)? */
function hasOwners(cube: Cube): boolean {
  return 'recruiter' in cube.columns && 'hiring_manager' in cube.columns;
}

/**
 * Indexes of the rows that pass the filters; a NULL month (a current state) passes any period. An owner
 * filter on a cube without owners throws: its rows would be every owner's, shown as one owner's.
 */
export function filterRows(cube: Cube, filters: SiteFilters, { period = true }: RowFilterOptions = {}): number[] {
  const { month, department, region, level, recruiter, hiring_manager: hiringManager } = cube.columns;
  if ((filters.recruiter || filters.hiringManager) && !hasOwners(cube)) throw new Error('an owner filter on a cube that does not split by owner');
  const rows: number[] = [];
  for (let i = 0; i < cube.length; i++) {
    if (filters.department && department?.[i] !== filters.department) continue;
    if (filters.region && region?.[i] !== filters.region) continue;
    if (filters.level && level?.[i] !== filters.level) continue;
    if (filters.recruiter && recruiter![i] !== filters.recruiter) continue;
    if (filters.hiringManager && hiringManager![i] !== filters.hiringManager) continue;
    if (period && month) {
      const m = month[i];
      if (m !== null && m !== undefined) {
        if (filters.from && String(m) < filters.from) continue;
        if (filters.to && String(m) > filters.to) continue;
      }
    }
    rows.push(i);
  }
  return rows;
}

/** A multiset of whole numbers as value -> count. */
export type Histogram = Map<number, number>;

export function addTo(histogram: Histogram, value: number, count: number): void {
  histogram.set(value, (histogram.get(value) ?? 0) + count);
}

export function histogramSize(histogram: Histogram): number {
  let n = 0;
  for (const count of histogram.values()) n += count;
  return n;
}

/** quantile_cont over a histogram: linear interpolation at position (n - 1) * q of the sorted values. */
export function quantile(histogram: Histogram, q: number): number | null {
  const n = histogramSize(histogram);
  if (n === 0) return null;
  const position = (n - 1) * q;
  const lowIndex = Math.floor(position);
  const highIndex = Math.ceil(position);
  const sorted = [...histogram.entries()].sort((a, b) => a[0] - b[0]);
  let seen = 0;
  let low: number | null = null;
  let high: number | null = null;
  for (const [value, count] of sorted) {
    if (low === null && lowIndex < seen + count) low = value;
    if (highIndex < seen + count) {
      high = value;
      break;
    }
    seen += count;
  }
  return low! + (high! - low!) * (position - lowIndex);
}

export function mean(histogram: Histogram): number | null {
  let n = 0;
  let sum = 0;
  for (const [value, count] of histogram) {
    n += count;
    sum += value * count;
  }
  return n === 0 ? null : sum / n;
}
