/**
 * Issue 19 Deliver 4, the attacker against the Pay equity page's data (in the spirit of attack.test.ts):
 * recover one person's pay by differencing two published views of the pay-gap report.
 *
 * The roster (test/fixtures/paygap-privacy), one category Analyst, department Data, 40 h a week, EUR:
 *   EU (DE): women 48,110 50,230 51,870 53,340 55,090; men 57,120 58,760 60,410 61,980 63,520 65,170
 *   US: one man, `target`, 71,234 — the person the attacker wants.
 * The company (= department Data) has 5 women and 7 men; the EU view (= EU x Data) 5 women and 6 men:
 * the two differ by exactly the target.
 *
 * The attack, from published figures only: in a view X made of one category whose mean annual gap g_X is
 * 5% or more, the cost to close is Nw x (0.95 Mm_X - Mw_X) and g_X = 1 - Mw_X / Mm_X, so
 *   Mw_X = cost_X / (Nw x (0.95 / (1 - g_X) - 1)),  Mm_X = Mw_X / (1 - g_X);
 * two nested views with the same women and Nm and Nm - 1 men then give the extra man's pay
 *   p = Nm x Mm_U - (Nm - 1) x Mm_V.
 * (By hand: EU women mean 258,640 / 5 = 51,728, men 366,960 / 6 = 61,160, gap 9,432 / 61,160 = 15.4%; the
 * company's men 438,194 / 7 = 62,599.14; 7 x 62,599.14 - 6 x 61,160 = 438,194 - 366,960 = 71,234.)
 *
 * Against what the engine gives for each view on its own (no secondary suppression) the attack recovers
 * the target's pay to the cent — the test shows it works. Against pay_gap.json as the snapshot writes it,
 * the EU view (1 man away from the company) is withheld — headline, its Analyst row and its cost — and the
 * attack finds nothing; every pair of nested views left differs by 0 or at least minCell women and men.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../pipelines/lib/config.ts';
import { openWarehouse, type Warehouse } from '../../pipelines/lib/duckdb.ts';
import { payGapReport } from '../../pipelines/paygap/index.ts';
import { writeSnapshot } from '../../pipelines/snapshot/index.ts';
import { contains, type ScopedReport } from '../../pipelines/disclosure/payGapViews.ts';
import { payGapSnapshotSchema, type PayGapSnapshot } from '../../pipelines/contract/payGapSnapshot.ts';
import { repoRoot, runCli, tempDir } from '../helpers/tmp.ts';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'paygap-privacy');
const asOf = '2026-06-30';
const minCell = 5;
const targetPay = 71_234;

interface Recovery {
  readonly from: string;
  readonly pay: number;
}

/** The men's and women's mean annual pay of a one-category view, from its cost to close and mean gap. */
function meansOf(view: ScopedReport): { women: number; men: number; nw: number; nm: number } | null {
  const { report } = view;
  const [category] = report.categories;
  const g = report.annual.meanGap;
  if (report.categories.length !== 1 || category!.suppressed || report.costToClose === null || g === null || g < 0.05) return null;
  const nw = category!.women!;
  const women = report.costToClose / (nw * (0.95 / (1 - g) - 1));
  return { women, men: women / (1 - g), nw, nm: category!.men! };
}

/** Every pair of nested views whose counts differ by one person of one sex: that person's pay. */
function differencingAttack(views: readonly ScopedReport[]): Recovery[] {
  const found: Recovery[] = [];
  for (const u of views) {
    for (const v of views) {
      if (!contains(u, v)) continue;
      const a = meansOf(u);
      const b = meansOf(v);
      if (!a || !b) continue;
      const name = `${u.region ?? '*'}/${u.department ?? '*'} - ${v.region ?? '*'}/${v.department ?? '*'}`;
      if (a.nw === b.nw && a.nm - b.nm === 1) found.push({ from: name, pay: a.nm * a.men - b.nm * b.men });
      if (a.nm === b.nm && a.nw - b.nw === 1) found.push({ from: name, pay: a.nw * a.women - b.nw * b.women });
    }
  }
  return found;
}

describe('differencing two published pay-gap views', () => {
  const tmp = tempDir('hs-paygap-attack-');
  const db = path.join(tmp.dir, 'w.duckdb');
  let warehouse: Warehouse;
  let published: PayGapSnapshot;
  let unprotected: ScopedReport[];
  let fileText: string;

  beforeAll(async () => {
    const run = runCli(['ingest', path.join(fixtures, 'fx_rates.csv'), path.join(fixtures, 'compensation.csv'), '--db', db, '--json']);
    expect(run.status, run.stderr).toBe(0);
    warehouse = await openWarehouse(db);
    const outDir = path.join(tmp.dir, 'snapshot');
    await writeSnapshot(warehouse, configSchema.parse({}), { asOf, outDir, refreshedAt: '2026-07-01T06:00:00Z' });
    fileText = readFileSync(path.join(outDir, 'pay_gap.json'), 'utf8');
    published = payGapSnapshotSchema.parse(JSON.parse(fileText));
    // The same views, each straight from the engine: what would be published without secondary suppression.
    unprotected = [];
    for (const { region, department } of published.views) {
      const report = await payGapReport(warehouse, { asOf, currency: 'EUR', minCell, ...(region ? { region } : {}), ...(department ? { department } : {}) });
      unprotected.push({ region, department, report });
    }
  }, 120_000);
  afterAll(() => {
    warehouse?.close();
    tmp.cleanup();
  });

  it('has the views the attacker needs: the company, EU, US, Data and their combinations', () => {
    expect(published.views.map((v) => `${v.region ?? '*'}/${v.department ?? '*'}`)).toEqual(['*/*', 'US/*', 'EU/*', '*/Data', 'US/Data', 'EU/Data']);
    // the engine alone publishes EU (5 women, 6 men) with its cost: 5 x (0.95 x 61,160 - 51,728) = 31,870
    const eu = unprotected.find((v) => v.region === 'EU' && v.department === null)!.report;
    expect(eu.costToClose).toBeCloseTo(5 * (0.95 * 61_160 - 51_728), 6);
  });

  it("recovers the target's pay from the engine's views published as they are (the attack works)", () => {
    const found = differencingAttack(unprotected);
    // company - EU and Data - EU x Data (and company - EU x Data, Data - EU) all isolate the target
    expect(found.length).toBeGreaterThanOrEqual(2);
    for (const recovery of found) expect(Math.abs(recovery.pay - targetPay), recovery.from).toBeLessThan(0.01);
  });

  it('recovers nothing from pay_gap.json as published', () => {
    const views: ScopedReport[] = published.views;
    expect(differencingAttack(views)).toEqual([]);
    const eu = published.views.find((v) => v.region === 'EU' && v.department === null)!;
    expect(eu.suppression).toBe('secondary');
    expect(eu.secondaryCategories).toEqual(['Analyst']);
    expect(eu.costWithheld).toBe(true);
    expect([eu.report.annual.meanGap, eu.report.hourly.meanGap, eu.report.costToClose]).toEqual([null, null, null]);
    // the company's own figures stay published
    expect(published.views[0]!.report.costToClose).not.toBeNull();
  });

  it('leaves no pair of published nested views 1 to minCell - 1 women or men apart', () => {
    const problems: string[] = [];
    for (const u of published.views) {
      for (const v of published.views) {
        if (!contains(u, v)) continue;
        const name = `${u.region ?? '*'}/${u.department ?? '*'} > ${v.region ?? '*'}/${v.department ?? '*'}`;
        const close = (a: number, b: number) => a - b > 0 && a - b < minCell;
        if (u.report.hourly.meanGap !== null && v.report.hourly.meanGap !== null) {
          if (close(u.report.workers.women, v.report.workers.women) || close(u.report.workers.men, v.report.workers.men)) problems.push(`${name}: headline`);
        }
        for (const c of v.report.categories) {
          const theirs = u.report.categories.find((x) => x.category === c.category);
          if (c.suppressed || !theirs || theirs.suppressed) continue;
          if (close(theirs.women!, c.women!) || close(theirs.men!, c.men!)) problems.push(`${name}: ${c.category}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("never writes the target's pay or anyone's into the file", () => {
    const salaries = readFileSync(path.join(fixtures, 'compensation.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(',')[3]!);
    expect(salaries.filter((s) => new RegExp(`(?<![0-9.])${s}(?![0-9])`).test(fileText))).toEqual([]);
  });
});
