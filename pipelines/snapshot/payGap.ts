/**
 * The Pay equity page's data (`pay_gap.json`, issue 19 Deliver 4): the engine's Article 9 report for the
 * whole company and for every region, department and region x department with workers at as-of — each
 * filtered then suppressed in SQL by the engine — then the nested views' secondary suppression
 * (pipelines/disclosure/payGapViews.ts). Aggregates only.
 */
import type { Config } from '../lib/config.ts';
import { sqlFile, type Warehouse } from '../lib/duckdb.ts';
import { payGapViews, UnknownCurrencyError } from '../paygap/index.ts';
import { publishPayGapViews, type ScopedReport } from '../disclosure/payGapViews.ts';
import { byKnownOrder, regionKeys } from '../contract/dimensions.ts';
import type { PayGapSnapshot } from '../contract/payGapSnapshot.ts';

/** The file name in the snapshot folder (and dist/data/). */
export const payGapFile = 'pay_gap.json';

/** Every published view of the pay-gap report at `asOf`, in the file's order. */
export async function publishedPayGap(warehouse: Warehouse, config: Config, asOf: string): Promise<PayGapSnapshot> {
  const { currency, minCell, standardHours } = config.payGap;
  const scoped: ScopedReport[] = [];
  try {
    // one population for every view (payGapViews), all views computed together, each filtered from it then
    // suppressed on its own, in SQL
    await payGapViews(warehouse, { asOf, currency, minCell, standardHours, config }, async (reports) => {
      // after the population was built, which loaded the reference tables (regions of countries) on this connection
      const filters = await warehouse.all<{ region: string | null; department: string | null }>(sqlFile('snapshot/pay_gap_views.sql'), { as_of: asOf });
      const views = [{ region: null, department: null }, ...filters];
      const computed = await reports(views.map(({ region, department }) => ({ region: region ?? undefined, department: department ?? undefined })));
      views.forEach(({ region, department }, at) => scoped.push({ region, department, report: computed[at]! }));
    });
  } catch (error) {
    // No rate for the report currency at as-of: the page says so; the rest of the dashboard is published.
    if (error instanceof UnknownCurrencyError) return { asOf, currency, minCell, unavailable: error.message, views: [] };
    throw error;
  }
  const byRegion = byKnownOrder(regionKeys);
  // company, regions, departments, then region x department; regions in their known order
  const kind = (v: { region: string | null; department: string | null }) => (v.region === null ? 0 : 1) + (v.department === null ? 0 : 2);
  const views = publishPayGapViews(scoped, minCell).sort(
    (a, b) =>
      kind(a) - kind(b) ||
      byRegion(a.region ?? '', b.region ?? '') ||
      (a.department ?? '').localeCompare(b.department ?? ''),
  );
  return { asOf, currency, minCell, unavailable: null, views };
}
