/**
 * The site's pay views (pay.json: one per department, and all) are exactly what `metrics --publish` gives
 * with that department filter (the disclosure rules of issue 15 applied in SQL, the same for both). The snapshot computes every view in one pass; this
 * pins it to the definition (DESIGN §4) that filters one department at a time — including a department
 * spelled two ways, which the case-insensitive filter treats as one: both spellings get the same view.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../pipelines/lib/config.ts';
import { openWarehouse } from '../../pipelines/lib/duckdb.ts';
import { ingest } from '../../pipelines/ingest/index.ts';
import { computeMetrics } from '../../pipelines/metrics/index.ts';
import { writeSnapshot } from '../../pipelines/snapshot/index.ts';
import { repoRoot, tempDir } from '../helpers/tmp.ts';

describe('pay views of the snapshot', () => {
  it('equal the published metrics with each department filter', async () => {
    const tmp = tempDir('hs-payviews-');
    const inbox = path.join(tmp.dir, 'in');
    cpSync(path.join(repoRoot, 'data', 'sample'), inbox, { recursive: true });
    // 12 more employees in "data" (lower case): the sample's "Data" view and this one both hold all 40.
    const extra = ['employee_id,level,country,base_salary,currency,role_family,department,effective_date'];
    for (let i = 0; i < 12; i++) extra.push(`dx-${i},Senior,US,${150000 + i * 5000},USD,data,data,2026-01-01`);
    writeFileSync(path.join(inbox, 'compensation-extra.csv'), `${extra.join('\n')}\n`);
    const config = configSchema.parse({});
    const warehouse = await openWarehouse(path.join(tmp.dir, 'w.duckdb'));
    try {
      await ingest(warehouse, [inbox]);
      const asOf = '2026-06-30';
      const outDir = path.join(tmp.dir, 'snapshot');
      await writeSnapshot(warehouse, config, { asOf, outDir, refreshedAt: asOf });
      const pay = JSON.parse(readFileSync(path.join(outDir, 'pay.json'), 'utf8')) as {
        views: { department: string | null; payBands: Record<string, unknown>[]; offersVsBands: unknown }[];
      };
      // all + the 9 sample departments + "data"
      expect(pay.views.map((v) => v.department)).toEqual([
        null,
        'Customer Success',
        'Data',
        'Design',
        'Engineering',
        'Finance',
        'Marketing',
        'People',
        'Product',
        'Sales',
        'data',
      ]);
      for (const view of pay.views) {
        const metrics = await computeMetrics(warehouse, config, {
          asOf,
          filters: view.department === null ? {} : { department: view.department },
          publish: true,
        });
        expect(view.payBands, `payBands of ${view.department}`).toEqual(metrics.payBands);
        expect(view.offersVsBands, `offersVsBands of ${view.department}`).toEqual(metrics.offersVsBands);
      }
      // The rules hold in every view of the sample (issue 15): at least minCell people, figures on the cell's
      // grid, compa-ratios of the published figures to 2 decimals, nested published cells 0 or >= minCell apart.
      type Band = { roleFamily: string; level: string; region: string; suppressed: boolean; n: number | null; roundedTo?: number; compaRatio: number | null; market: { midpoint: number } | null } & Record<'p10' | 'p25' | 'p50' | 'p75' | 'p90', number | null>;
      const published = pay.views.flatMap((v) => (v.payBands as Band[]).filter((b) => !b.suppressed).map((b) => ({ ...b, department: v.department })));
      expect(published.length).toBeGreaterThan(20);
      expect(published.some((b) => b.department !== null)).toBe(true);
      for (const b of published) {
        expect(b.n).toBeGreaterThanOrEqual(5);
        expect(b.roundedTo).toBe(b.n! < 20 ? 1000 : 100);
        for (const field of ['p10', 'p25', 'p50', 'p75', 'p90'] as const) if (b[field] !== null) expect(b[field]! % b.roundedTo!).toBe(0);
        if (b.market) expect(b.compaRatio).toBe(Math.round((b.p50! / b.market.midpoint) * 100) / 100);
      }
      const pairs = published.flatMap((child) =>
        published
          .filter((parent) => parent !== child && parent.level === child.level && parent.region === child.region)
          .filter((parent) => (parent.department === null || parent.department === child.department) && (parent.roleFamily === 'all' || parent.roleFamily === child.roleFamily))
          .map((parent) => parent.n! - child.n!),
      );
      expect(pairs.length).toBeGreaterThan(10);
      expect(pairs.filter((difference) => difference > 0 && difference < 5)).toEqual([]);
      // offers against bands: a published group holds 5 or more offers; median penetrations have 2 decimals
      type Offers = { overall: { offers: number; unbanded: number; suppressed: boolean; medianPenetration: number | null }; cells: { offers: number; suppressed: boolean; medianPenetration: number | null }[] };
      const groups = pay.views.flatMap((v) => {
        const o = v.offersVsBands as Offers;
        return [{ offers: o.overall.offers - o.overall.unbanded, suppressed: o.overall.suppressed, medianPenetration: o.overall.medianPenetration }, ...o.cells];
      });
      expect(groups.filter((g) => !g.suppressed).length).toBeGreaterThan(0);
      for (const g of groups.filter((x) => !x.suppressed)) {
        expect(g.offers).toBeGreaterThanOrEqual(5);
        if (g.medianPenetration !== null) expect(Math.round(g.medianPenetration * 100) / 100).toBe(g.medianPenetration);
      }
      const byName = new Map(pay.views.map((v) => [v.department, v]));
      expect(byName.get('data')).toEqual({ ...byName.get('Data'), department: 'data' });
    } finally {
      warehouse.close();
      tmp.cleanup();
    }
  }, 120_000);
});
