/**
 * Issue 18 "Owner views", worked out by hand on the tiny company with owners (test/owners/company.ts): the
 * owner tables of `hirescope owners` and of the site's hiring cubes (equal, figure for figure), "too few"
 * under 5 events, a filter by recruiter reproducing a hand count, and no owner name in the cubes under
 * privacy.owners "hide".
 */
import { describe, expect, it } from 'vitest';
import { withLoadedWarehouse } from '../helpers/warehouse.ts';
import { fixtureAsOf } from '../helpers/company.ts';
import { computeMetrics, prepareMetrics } from '../../pipelines/metrics/index.ts';
import { ownersFor } from '../../pipelines/owners/index.ts';
import { checkFilters } from '../../pipelines/commands/filters.ts';
import { paramsFor, sqlFile, type Warehouse } from '../../pipelines/lib/duckdb.ts';
import type { Config } from '../../pipelines/lib/config.ts';
import { cubes, type CubeName } from '../../pipelines/contract/cubes.ts';
import { wilson } from '../../pipelines/contract/wilson.ts';
import { ownerViews } from '../../src/lib/owners.ts';
import { filterRows, type Column, type Cube } from '../../src/lib/cube.ts';
import type { SiteFilters } from '../../src/lib/filters.ts';
import { ownedCompany } from './company.ts';

const asOf = fixtureAsOf; // 2026-06-30
const files = ownedCompany();
const all = (rate: number) => ['applied', 'screen', 'technical', 'onsite'].map((stage) => ({ stage, rate, tooFew: false }));

/** The site's hiring cubes of the fixture, as the snapshot writes them (pipelines/sql/snapshot/cube_*.sql). */
async function siteCubes(warehouse: Warehouse, config: Config): Promise<Record<CubeName, Cube>> {
  const context = await prepareMetrics(warehouse, config, { asOf });
  const out: Partial<Record<CubeName, Cube>> = {};
  for (const [name, spec] of Object.entries(cubes) as [CubeName, (typeof cubes)[CubeName]][]) {
    const sql = sqlFile(spec.sql);
    const columns = (await warehouse.columns(sql, paramsFor(sql, context.params)))() as Record<string, Column>;
    out[name] = { length: Object.values(columns)[0]!.length, columns };
  }
  return out as Record<CubeName, Cube>;
}

describe('owner tables', () => {
  it('gives per recruiter open openings, hires, median days to fill, OAR with its interval, pass-through and active load', async () => {
    const report = await withLoadedWarehouse(files, async (w, config) => ownersFor(await prepareMetrics(w, config, { asOf }), {}));
    const [rita, sam, tess, unassigned] = report.recruiters;
    expect(report.recruiters.map((r) => r.owner)).toEqual(['Rita Recruiter', 'Sam Sourcer', 'Tess Tiny', 'Unassigned']);
    // Rita: job-1 + job-2: open 2 + 2 = 4; hires 43 + 16 = 59, each filling an opening; offers 59 accepted, 7 + 4 = 11 declined.
    expect(rita).toMatchObject({ openOpenings: 4, hires: 59, filled: 59, activeLoad: 0 });
    expect(rita!.offerAcceptance).toEqual({ accepted: 59, declined: 11, rate: 59 / 70, ci95: wilson(59, 70), tooFew: false });
    // Sam: job-3 (Marketing), 14 fills. Opening i (0..13) opened 2025-12-(1+i), filled when its offer was
    // accepted on 2026-(1 + i%6)-20: days = 50 - i + (0, 31, 59, 90, 120, 151)[i % 6] ->
    // 50 80 107 137 166 196 44 74 101 131 160 190 38 68; sorted the 7th and 8th are 101 and 107: median 104.
    // Offers 14 / 20 = 0.7. Every application reached the offer (its offer row): pass-through 1 up to onsite,
    // offer -> hired 14 / 20.
    expect(sam).toEqual({
      owner: 'Sam Sourcer', openOpenings: 2, hires: 14, filled: 14, medianTimeToFillDays: 104,
      offerAcceptance: { accepted: 14, declined: 6, rate: 0.7, ci95: wilson(14, 20), tooFew: false },
      passThrough: [
        ...all(1).map((p) => ({ ...p, reached: 20, advanced: 20 })),
        { stage: 'offer', reached: 20, advanced: 14, rate: 0.7, tooFew: false },
      ],
      activeLoad: 0,
    });
    // Tess: job-5, 2 applications: 1 hire (opening 2026-02-01 -> offer accepted 2026-03-20: 28 + 19 = 47 days),
    // 1 declined: 2 resolved offers < 5 -> "too few" (no rate, no interval); every pass-through on 2 < 5 too.
    expect(tess).toEqual({
      owner: 'Tess Tiny', openOpenings: 1, hires: 1, filled: 1, medianTimeToFillDays: 47,
      offerAcceptance: { accepted: 1, declined: 1, rate: null, ci95: null, tooFew: true },
      passThrough: [
        ...['applied', 'screen', 'technical', 'onsite'].map((stage) => ({ stage, reached: 2, advanced: 2, rate: null, tooFew: true })),
        { stage: 'offer', reached: 2, advanced: 1, rate: null, tooFew: true },
      ],
      activeLoad: 0,
    });
    // Unassigned: job-4 (Design) 3 accepted / 2 declined: exactly 5 events is a rate, 3 / 5 = 0.6; fills
    // i = 0, 1, 2: 50, 80, 107 days -> median 80.
    expect(unassigned).toMatchObject({ openOpenings: 2, hires: 3, filled: 3, medianTimeToFillDays: 80 });
    expect(unassigned!.offerAcceptance).toEqual({ accepted: 3, declined: 2, rate: 0.6, ci95: wilson(3, 5), tooFew: false });
    // Hiring managers: Hank job-1 + job-5 (hires 43 + 1, offers 44 / 52, open 2 + 1); Mona job-2 + job-3 (30 / 40, open 4).
    expect(report.hiringManagers.map((m) => [m.owner, m.hires, m.offerAcceptance.accepted, m.offerAcceptance.declined, m.openOpenings])).toEqual([
      ['Hank Manager', 44, 44, 8, 3],
      ['Mona Manager', 30, 30, 10, 4],
      ['Unassigned', 3, 3, 2, 2],
    ]);
  });

  it('filters every metric by recruiter: --recruiter "sam sourcer" reproduces the hand count of job-3', async () => {
    const m = await withLoadedWarehouse(files, async (w, config) => {
      const filters = await checkFilters(w, config, { recruiter: 'sam sourcer' }, asOf);
      expect(filters).toEqual({ recruiter: 'Sam Sourcer' }); // the warehouse's spelling
      await expect(checkFilters(w, config, { hiringManager: 'Zed' }, asOf)).rejects.toThrow(
        'unknown hiring manager "Zed"; known: Hank Manager, Mona Manager',
      );
      return computeMetrics(w, config, { asOf, filters });
    });
    // job-3 only: 14 accepted, 6 declined; 14 fills, median 104 days (above); 2 open; 20 applications.
    expect(m.offerAcceptance).toMatchObject({ accepted: 14, declined: 6, rate: 0.7 });
    expect(m.timeToFill).toMatchObject({ filled: 14, medianDays: 104, open: 2 });
    expect(m.funnel[0]).toMatchObject({ stage: 'applied', reached: 20 });
    expect(m.filters).toEqual({ recruiter: 'Sam Sourcer' });
  });

  it("gives the same owner tables from the site's hiring cubes as hirescope owners, and filters them by recruiter", async () => {
    const { views, managers, report } = await withLoadedWarehouse(files, async (w, config) => {
      const site = await siteCubes(w, config);
      return {
        views: ownerViews(site, {}, 'recruiter'),
        managers: ownerViews(site, {}, 'hiring_manager'),
        report: await ownersFor(await prepareMetrics(w, config, { asOf }), {}),
      };
    });
    // as the SQL above: Rita 59 / 11, Sam 14 / 6 (median 104), Tess too few, Unassigned 3 / 5
    expect(views.map((v) => [v.owner, v.openOpenings, v.hires, v.medianTimeToFillDays, v.offerAcceptance.rate, v.offerAcceptance.tooFew])).toEqual([
      ['Rita Recruiter', 4, 59, expect.any(Number), 59 / 70, false],
      ['Sam Sourcer', 2, 14, 104, 0.7, false],
      ['Tess Tiny', 1, 1, 47, null, true],
      ['Unassigned', 2, 3, 80, 0.6, false],
    ]);
    expect(views[2]!.passThrough.every((p) => p.tooFew && p.rate === null)).toBe(true);
    // every figure of both tables equals the CLI's (pipelines/sql/owners/), computed apart from the cubes
    expect(views).toEqual(report.recruiters);
    expect(managers).toEqual(report.hiringManagers);
    // the recruiter filter on the cubes: the hiring managers of Sam's jobs only (job-3: Mona, 14 hires)
    const cubesOfSam = await withLoadedWarehouse(files, async (w, config) => ownerViews(await siteCubes(w, config), { recruiter: 'Sam Sourcer' }, 'hiring_manager'));
    expect(cubesOfSam.map((v) => [v.owner, v.hires])).toEqual([['Mona Manager', 14]]);
  });

  it('refuses an owner filter on the reasons cube, which does not split by owner', async () => {
    const site = await withLoadedWarehouse(files, async (w, config) => siteCubes(w, config));
    expect(() => filterRows(site.reasons, { recruiter: 'Sam Sourcer' })).toThrow('an owner filter on a cube that does not split by owner');
    // 20 applications of job-3 in the funnel cube (50 + 20 + 20 + 5 + 2 = 97 in all)
    const applications = (filters: SiteFilters) => filterRows(site.funnel, filters).reduce((n, i) => n + Number(site.funnel.columns.count![i]), 0);
    expect([applications({}), applications({ recruiter: 'Sam Sourcer' })]).toEqual([97, 20]);
  });

  it('writes no owner name in any cube under privacy.owners "hide"', async () => {
    const hidden = await withLoadedWarehouse(files, async (w, config) => siteCubes(w, config), { privacy: { owners: 'hide' } });
    for (const [name, cube] of Object.entries(hidden)) {
      if (name === 'reasons') continue; // no owner columns at all
      expect(cube.length, name).toBeGreaterThan(0);
      expect(new Set([...cube.columns.recruiter!, ...cube.columns.hiring_manager!]), name).toEqual(new Set([null]));
    }
  });
});
