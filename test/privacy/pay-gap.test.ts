/**
 * Issue 19 Deliver 4, the attacker against the Pay equity page's data (in the spirit of attack.test.ts):
 * recover one person's pay by differencing two published groups of the pay-gap report — two nested views,
 * or a view's headline and one of its categories.
 *
 * The roster (test/fixtures/paygap-privacy), department Data, 40 h a week (hourly gaps = annual gaps), EUR:
 *   EU (DE), category Analyst: women 48,110 50,230 51,870 53,340 55,090; men 57,120 58,760 60,410 61,980 63,520 65,170
 *   EU (DE), category Lead: one man, `lead`, 83,417
 *   US, category Analyst: one man, `target`, 71,234
 * The company (= department Data) has 5 women and 8 men, its Analysts 5 and 7; the EU view (= EU x Data) 5
 * women and 7 men, its Analysts 5 and 6. Lead (0 women) is suppressed everywhere, so a cost to close is the
 * Analysts' alone.
 *
 * The attack, from published figures only. In a view X whose cost to close is carried by one category c
 * (mean gap g >= 5%, every other category suppressed): cost = Nw x (0.95 Mm - Mw) and g = 1 - Mw / Mm, so
 *   Mw_c = cost / (Nw x (0.95 / (1 - g) - 1)),  Mm_c = Mw_c / (1 - g).
 * (1) Two nested views, same women, men Nm and Nm - 1 in c: the extra man earns Nm x Mm_c(U) - (Nm - 1) x Mm_c(V).
 *     By hand: EU Analysts, women 258,640 / 5 = 51,728, men 366,960 / 6 = 61,160 (gap 15.4%); company
 *     Analysts' men 438,194 / 7; 438,194 - 366,960 = 71,234, the target.
 * (2) A view's headline (annual mean gap G, M men) against c (Nm = M - 1 men, the same women): the men's
 *     mean of the view is Mw_c / (1 - G), and the one man outside c earns M x Mm - Nm x Mm_c.
 *     By hand, in the company: (438,194 + 83,417) - 438,194 = 83,417, the lead.
 *
 * Against what the engine gives for each view on its own (no secondary suppression) both attacks recover
 * those salaries to the cent — the test shows they work. Against pay_gap.json as the snapshot writes it,
 * the groups one man apart are withheld (EU's headline, every Analyst row, hence every cost to close) and
 * the attacks find nothing; every pair of published groups that nest differs by 0 or at least minCell
 * women and men.
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
const leadPay = 83_417;

interface Recovery {
  readonly from: string;
  readonly pay: number;
}

const nameOf = (v: ScopedReport) => `${v.region ?? '*'}/${v.department ?? '*'}`;

/** The category carrying a view's cost to close and its women's and men's mean annual pay, or null. */
function carrier(view: ScopedReport): { women: number; men: number; nw: number; nm: number } | null {
  const { report } = view;
  const shown = report.categories.filter((c) => !c.suppressed);
  const c = shown[0];
  if (shown.length !== 1 || report.costToClose === null || c!.basicMeanGap === null || c!.basicMeanGap < 0.05) return null;
  const g = c!.basicMeanGap;
  const women = report.costToClose / (c!.women! * (0.95 / (1 - g) - 1));
  return { women, men: women / (1 - g), nw: c!.women!, nm: c!.men! };
}

/** (1) Nested views one man apart in the cost's category, and (2) a headline one man away from that category. */
function differencingAttack(views: readonly ScopedReport[]): Recovery[] {
  const found: Recovery[] = [];
  for (const u of views) {
    const a = carrier(u);
    if (!a) continue;
    const { workers, annual } = u.report;
    if (annual.meanGap !== null && workers.women === a.nw && workers.men - a.nm === 1) {
      found.push({ from: `${nameOf(u)} headline - its category`, pay: workers.men * ((a.women / (1 - annual.meanGap))) - a.nm * a.men });
    }
    for (const v of views) {
      const b = contains(u, v) ? carrier(v) : null;
      if (!b) continue;
      if (a.nw === b.nw && a.nm - b.nm === 1) found.push({ from: `${nameOf(u)} - ${nameOf(v)}`, pay: a.nm * a.men - b.nm * b.men });
      if (a.nm === b.nm && a.nw - b.nw === 1) found.push({ from: `${nameOf(u)} - ${nameOf(v)}`, pay: a.nw * a.women - b.nw * b.women });
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
    // the engine alone publishes EU (5 women, 7 men) with its cost, the Analysts': 5 x (0.95 x 61,160 - 51,728) = 31,870
    const eu = unprotected.find((v) => v.region === 'EU' && v.department === null)!.report;
    expect(eu.workers).toMatchObject({ women: 5, men: 7 });
    expect(eu.costToClose).toBeCloseTo(5 * (0.95 * 61_160 - 51_728), 6);
  });

  it("recovers the target's and the lead's pay from the engine's views published as they are (the attacks work)", () => {
    const found = differencingAttack(unprotected);
    // (1) company - EU, company - EU x Data, Data - EU, Data - EU x Data: the target
    const nested = found.filter((f) => !f.from.includes('headline'));
    expect(nested.length).toBeGreaterThanOrEqual(2);
    for (const recovery of nested) expect(Math.abs(recovery.pay - targetPay), recovery.from).toBeLessThan(0.01);
    // (2) the company's (and Data's) headline against its Analysts: the lead; EU's the same way
    const inView = found.filter((f) => f.from.includes('headline'));
    expect(inView.map((f) => f.from)).toEqual(expect.arrayContaining(['*/* headline - its category', 'EU/* headline - its category']));
    for (const recovery of inView) expect(Math.abs(recovery.pay - leadPay), recovery.from).toBeLessThan(0.01);
  });

  it('recovers nothing from pay_gap.json as published', () => {
    const views: ScopedReport[] = published.views;
    expect(differencingAttack(views)).toEqual([]);
    const eu = published.views.find((v) => v.region === 'EU' && v.department === null)!;
    expect(eu.suppression).toBe('secondary');
    expect(eu.secondaryCategories).toEqual(['Analyst']);
    expect(eu.costWithheld).toBe(true);
    expect([eu.report.annual.meanGap, eu.report.hourly.meanGap, eu.report.costToClose]).toEqual([null, null, null]);
    // the company keeps its headline gaps (5 women, 8 men) but not its Analyst row (5 / 7: one man short) nor its cost
    const company = published.views[0]!;
    expect(company.suppression).toBe('none');
    expect(company.report.annual.meanGap).not.toBeNull();
    expect(company.secondaryCategories).toEqual(['Analyst']);
    expect(company.report.costToClose).toBeNull();
  });

  it('leaves no pair of published groups that nest 1 to minCell - 1 women or men apart', () => {
    // a group: a view's headline (when its gaps are published) or one of its published categories
    const groups = published.views.flatMap((v) => [
      ...(v.report.hourly.meanGap === null ? [] : [{ v, category: null as string | null, women: v.report.workers.women, men: v.report.workers.men }]),
      ...v.report.categories.filter((c) => !c.suppressed).map((c) => ({ v, category: c.category as string | null, women: c.women!, men: c.men! })),
    ]);
    const nests = (a: (typeof groups)[number], b: (typeof groups)[number]) =>
      a !== b &&
      (a.v === b.v || contains(a.v, b.v)) &&
      (a.category === null || a.category === b.category || (b.category === null && b.v.report.categories.length === 1 && b.v.report.categories[0]!.category === a.category));
    const close = (x: number, y: number) => x - y > 0 && x - y < minCell;
    const problems = groups.flatMap((a) =>
      groups.filter((b) => nests(a, b) && (close(a.women, b.women) || close(a.men, b.men))).map((b) => `${nameOf(a.v)} ${a.category ?? 'headline'} > ${nameOf(b.v)} ${b.category ?? 'headline'}`),
    );
    expect(problems).toEqual([]);
    // and something is left to check: the company's headline, Data's (the same people: a difference of 0)
    expect(groups.length).toBeGreaterThanOrEqual(2);
  });

  it("never writes the target's pay or anyone's into the file", () => {
    const salaries = readFileSync(path.join(fixtures, 'compensation.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(',')[3]!);
    expect(salaries.filter((s) => new RegExp(`(?<![0-9.])${s}(?![0-9])`).test(fileText))).toEqual([]);
  });
});
