/**
 * The snapshot's many views in one pass (payGapViews, pipelines/sql/paygap/views.sql): each view's report is
 * the report of its filters alone, a filter matches case-insensitively, and a view without workers gets
 * counts 0 and no figure. Real CSV files (test/fixtures/paygap, the roster of hand.test.ts), ingested into a
 * real DuckDB file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { payGapReport, payGapViews, type PayGapFilters } from '../../pipelines/paygap/index.ts';
import type { PayGapReport } from '../../pipelines/contract/payGap.ts';
import { repoRoot } from '../helpers/tmp.ts';
import { withLoadedWarehouse } from '../helpers/warehouse.ts';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'paygap');
const files = Object.fromEntries(['fx_rates.csv', 'compensation.csv'].map((name) => [name, readFileSync(path.join(fixtures, name), 'utf8')]));
const base = { asOf: '2026-06-30', currency: 'EUR', minCell: 5 };
const views: PayGapFilters[] = [{}, { department: 'Eng' }, { department: 'eng' }, { department: 'Sales' }, { department: 'Nobody' }, { region: 'EU', department: 'Eng' }];

describe('payGapViews: every view of one as-of in one pass', () => {
  let reports: PayGapReport[];
  let alone: PayGapReport[];
  let left: unknown[];

  beforeAll(async () => {
    await withLoadedWarehouse(files, async (warehouse) => {
      reports = await payGapViews(warehouse, base, (report) => report(views));
      left = await warehouse.all(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'pg_%'`);
      alone = [];
      for (const filters of views) alone.push(await payGapReport(warehouse, { ...base, ...filters }));
    });
  });

  it('gives each view exactly the report of its filters alone, and drops its tables', () => {
    expect(reports).toHaveLength(views.length);
    expect(reports).toEqual(alone);
    expect(left).toEqual([]);
  });

  it('counts each view by its own filters, case-insensitively', () => {
    // hand.test.ts: company 7 women, 8 men, 1 other (a12), 1 undisclosed (b05, Sales); Eng = category A:
    // a01-a05, a06-a11, a12; Sales = b01-b05; everyone is in DE (EU), so EU x Eng = Eng
    expect(reports.map((r) => r.workers)).toEqual([
      { women: 7, men: 8, other: 1, undisclosed: 1 },
      { women: 5, men: 6, other: 1, undisclosed: 0 },
      { women: 5, men: 6, other: 1, undisclosed: 0 },
      { women: 2, men: 2, other: 0, undisclosed: 1 },
      { women: 0, men: 0, other: 0, undisclosed: 0 },
      { women: 5, men: 6, other: 1, undisclosed: 0 },
    ]);
    expect(reports[2]).toEqual(reports[1]);
    expect(reports[5]).toEqual(reports[1]);
    // hand.test.ts, Eng: (29 - 24) / 29
    expect(reports[1]!.hourly.meanGap).toBeCloseTo(5 / 29, 12);
  });

  it('publishes nothing for a view without workers', () => {
    expect(reports[4]).toEqual({
      asOf: base.asOf,
      currency: 'EUR',
      workers: { women: 0, men: 0, other: 0, undisclosed: 0 },
      hourly: { meanGap: null, medianGap: null },
      annual: { meanGap: null, medianGap: null },
      variable: { meanGap: null, medianGap: null, shareWomen: null, shareMen: null },
      quartiles: [1, 2, 3, 4].map((band) => ({ band, women: null, men: null, shareWomen: null, shareMen: null })),
      categories: [],
      adjusted: { gap: null, low: null, high: null, controls: [] },
      costToClose: null,
    });
  });
});
