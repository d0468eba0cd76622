/**
 * Offer acceptance lines per cell (issue 18, Deliver 5): config `offerAcceptance.cells` overrides the
 * default 85% / 75% lines (and minOffers) for a department, a region, or both. The metric's status, the
 * alert and the site's tile all ask `linesFor` with the view's department and region filters.
 * No DuckDB here (the site imports it).
 */
import type { RateLines } from './status.ts';

/** A cell of config `offerAcceptance.cells` (zod: contract/tiles.ts). */
export interface RateCell {
  readonly department?: string | undefined;
  readonly region?: string | undefined;
  readonly healthy?: number | undefined;
  readonly alarm?: number | undefined;
  readonly minOffers?: number | undefined;
}

export interface CellLines extends RateLines {
  readonly cells?: readonly RateCell[] | undefined;
}

const same = (a: string | undefined, b: string | null | undefined) => a !== undefined && b !== undefined && b !== null && a.toLowerCase() === b.toLowerCase();

/**
 * The lines of a view: the most specific cell that matches its filters wins — department and region,
 * then department, then region — over the defaults; a cell sets only the lines it names. A view without a
 * department (or region) filter is the whole company (or every region): cells naming one do not apply.
 */
export function linesFor(lines: CellLines, view: { department?: string | null | undefined; region?: string | null | undefined }): RateLines {
  const cells = lines.cells ?? [];
  const pick =
    cells.find((c) => c.department !== undefined && c.region !== undefined && same(c.department, view.department) && same(c.region, view.region)) ??
    cells.find((c) => c.region === undefined && same(c.department, view.department)) ??
    cells.find((c) => c.department === undefined && same(c.region, view.region));
  const healthy = pick?.healthy ?? lines.healthy;
  const alarm = pick?.alarm ?? lines.alarm;
  // a cell that raises only `alarm` above the default healthy line keeps the order by moving healthy up
  return { healthy: Math.max(healthy, alarm), alarm, minOffers: pick?.minOffers ?? lines.minOffers };
}
