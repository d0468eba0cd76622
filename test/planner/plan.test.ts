/**
 * The planner (issue 18, Deliver 6) on Support of the tiny company (test/helpers/compare-company.ts):
 * rates and durations from SQL, the plan worked out by hand (volumes, ranges, weeks, start days), a date
 * too soon, a step without history, and `hirescope plan --json`.
 */
import { describe, expect, it } from 'vitest';
import { computePlan, type PlannerRates } from '../../pipelines/contract/plan.ts';
import { planDocumentSchema } from '../../pipelines/contract/planSchema.ts';
import { plannerHistory, windowStart } from '../../pipelines/planner/index.ts';
import { prepareMetrics } from '../../pipelines/metrics/index.ts';
import { compareAsOf, compareCompany, withCompareWarehouseFile } from '../helpers/compare-company.ts';
import { withLoadedWarehouse } from '../helpers/warehouse.ts';
import { runCli } from '../helpers/tmp.ts';

/**
 * Support's history, by hand from the fixture: 80 decided applications (the 2 active ones in Application
 * Review are left out of the first step) — 40 went on to a screen, 20 of those 40 to an onsite, 10 of those 20
 * to an offer, 8 of those 10 hired; every stay 3 (review), 4 (screen), 7 (onsite), 5 (offer) days, no technical.
 */
const support: PlannerRates = {
  department: 'Support',
  steps: { screen: { advanced: 40, decided: 80 }, onsite: { advanced: 20, decided: 40 }, offer: { advanced: 10, decided: 20 }, hire: { advanced: 8, decided: 10 } },
  durations: { applied: 3, screen: 4, technical: null, onsite: 7, offer: 5 },
};

describe('rates and durations from the warehouse', () => {
  it('counts decided applications per step and median stays per stage, over the last 6 months', async () => {
    // 2026-06-30 minus 6 months is 2025-12-31 (a month's last day stays one), the window starts the day after
    expect(windowStart(compareAsOf, 6)).toBe('2026-01-01');
    const history = await withLoadedWarehouse(compareCompany(), async (w, config) =>
      plannerHistory(await prepareMetrics(w, config, { asOf: compareAsOf }), 6),
    );
    expect(history).toMatchObject({ asOf: compareAsOf, months: 6, windowFrom: '2026-01-01' });
    expect(history.departments.map((d) => d.department)).toEqual([null, 'Sales', 'Support']);
    expect(history.departments.find((d) => d.department === 'Support')).toEqual(support);
    // Sales: the 40 applications of 2026 all reached an offer (8 + 18 accepted and hired, 12 + 2 declined);
    // 2025's are outside the window; no stage history, so no durations
    expect(history.departments.find((d) => d.department === 'Sales')).toEqual({
      department: 'Sales',
      steps: { screen: { advanced: 40, decided: 40 }, onsite: { advanced: 40, decided: 40 }, offer: { advanced: 40, decided: 40 }, hire: { advanced: 26, decided: 40 } },
      durations: { applied: null, screen: null, technical: null, onsite: null, offer: null },
    });
  });
});

describe('the plan, by hand', () => {
  it('6 Support hires by 2026-09-30: volumes, 95% ranges, weekly volumes and start days', () => {
    const plan = computePlan(support, { hires: 6, by: '2026-09-30', asOf: compareAsOf });
    // rates 40/80, 20/40, 10/20, 8/10 = 0.5, 0.5, 0.5, 0.8
    expect(plan.rates.map((r) => r.rate)).toEqual([0.5, 0.5, 0.5, 0.8]);
    // Wilson 95% (z^2 = 3.841459): 40/80 -> (0.524009 -+ 0.112165) / 1.048018 = [0.39297, 0.60703];
    // 20/40 -> (0.548018 -+ 0.162219) / 1.096036 = [0.35200, 0.64800]; 10/20 -> (0.596036 -+ 0.239251) / 1.192073
    // = [0.29930, 0.70070]; 8/10 -> (0.992073 -+ 0.313617) / 1.384146 = [0.49016, 0.94332]
    const bounds = plan.rates.map((r) => r.ci95!);
    [[0.39297, 0.60703], [0.352, 0.648], [0.2993, 0.7007], [0.49016, 0.94332]].forEach(([low, high], i) => {
      expect(bounds[i]![0]).toBeCloseTo(low!, 4);
      expect(bounds[i]![1]).toBeCloseTo(high!, 4);
    });
    // lead = 3 + 4 + 0 + 7 + 5 = 19 days; the plan starts 2026-07-01; applications on 07-01 .. 09-30 - 19 = 09-11:
    // 31 + 31 + 11 = 73 days -> 10 whole weeks
    expect(plan).toMatchObject({ startsOn: '2026-07-01', leadDays: 19, weeks: 10, feasible: true, missing: [] });
    // needed: hires 6, offers 6 / 0.8 = 7.5 -> 8, onsites 7.5 / 0.5 = 15, screens 30, applications 60;
    // per week over 10 weeks: 6, 3, 1.5, 0.75, 0.6
    // fewest (every rate at its upper bound): offers 6 / 0.94332 = 6.361 -> 7, onsites 6.361 / 0.7007 = 9.077 -> 10,
    //   screens 9.077 / 0.648 = 14.008 -> 15, applications 14.008 / 0.60703 = 23.08 -> 24
    // most (lower bounds): offers 6 / 0.49016 = 12.24 -> 13, onsites 12.24 / 0.2993 = 40.90 -> 41,
    //   screens 40.90 / 0.352 = 116.2 -> 117, applications 116.2 / 0.39297 = 295.7 -> 296
    // start days: applications 07-01, screens + 3 = 07-04, onsites + 3 + 4 + 0 = 07-08, offers + 14 = 07-15, hires + 19 = 07-20
    expect(plan.stages.map((s) => [s.stage, s.needed, s.low, s.high, s.startsOn, s.daysIn])).toEqual([
      ['applications', 60, 24, 296, '2026-07-01', 0],
      ['screens', 30, 15, 117, '2026-07-04', 3],
      ['onsites', 15, 10, 41, '2026-07-08', 7],
      ['offers', 8, 7, 13, '2026-07-15', 14],
      ['hires', 6, 6, 6, '2026-07-20', 19],
    ]);
    expect(plan.stages.map((s) => s.perWeek)).toEqual([6, 3, 1.5, 0.75, 0.6]);
    expect(plan.stages[0]!.perWeekLow).toBeCloseTo(2.308, 3);
    expect(plan.stages[0]!.perWeekHigh).toBeCloseTo(29.57, 2);
  });

  it('a date too soon says when the earliest is', () => {
    // 07-01 .. 07-20 - 19 = 07-01: one day of applications, no whole week; 07-01 + 19 + 6 = 07-26 gives one
    const plan = computePlan(support, { hires: 6, by: '2026-07-20', asOf: compareAsOf });
    expect(plan).toMatchObject({ weeks: 0, feasible: false, earliestBy: '2026-07-26' });
    expect(plan.stages[0]!.perWeek).toBeNull();
    expect(computePlan(support, { hires: 6, by: '2026-07-26', asOf: compareAsOf })).toMatchObject({ weeks: 1, feasible: true });
  });

  it('a step nobody was decided at gives no plan; one nobody passed gives no upper bound', () => {
    const none = computePlan({ ...support, steps: { ...support.steps, offer: { advanced: 0, decided: 0 } } }, { hires: 2, by: '2026-12-31', asOf: compareAsOf });
    expect(none).toMatchObject({ feasible: false, missing: ['offer'] });
    // 0 of 20 onsites got an offer: rate 0, Wilson [0, 0.161]: needed = 2 / 0 -> unbounded
    const zero = computePlan({ ...support, steps: { ...support.steps, offer: { advanced: 0, decided: 20 } } }, { hires: 2, by: '2026-12-31', asOf: compareAsOf });
    expect(zero.stages.find((s) => s.stage === 'onsites')!.high).toBeNull();
  });
});

describe('hirescope plan', () => {
  it('prints the plan as JSON (zod-checked) and for a person; --months narrows the history', async () => {
    await withCompareWarehouseFile((db) => {
      const args = ['plan', '--db', db, '--as-of', compareAsOf, '--department', 'support', '--hires', '6', '--by', '2026-09-30'];
      const json = runCli([...args, '--json']);
      expect(json.stderr).toBe('');
      expect(json.status).toBe(0);
      const document = planDocumentSchema.parse(JSON.parse(json.stdout));
      expect(document).toMatchObject({ months: 6, windowFrom: '2026-01-01', plan: { department: 'Support', weeks: 10, leadDays: 19 } });
      expect(document.plan.stages.map((s) => s.needed)).toEqual([60, 30, 15, 8, 6]);
      const human = runCli(args);
      expect(human.stdout).toContain('Plan for 6 hires in Support by 2026-09-30 (from 2026-07-01; rates of applications since 2026-01-01, 6 months)');
      expect(human.stdout).toMatch(/applications\s+60\s+24–296\s+6\.0\s+2\.3–29\.6\s+2026-07-01/);
      // 2 months: since 2026-05-01 Support has only its 2 active applications, decided nowhere
      const narrow = runCli([...args, '--months', '2', '--json']);
      expect(JSON.parse(narrow.stdout)).toMatchObject({ months: 2, windowFrom: '2026-05-01', plan: { feasible: false, missing: ['screen', 'onsite', 'offer', 'hire'] } });
      // usage errors exit 2
      expect(runCli(['plan', '--db', db, '--department', 'Support', '--hires', '0', '--by', '2026-09-30']).status).toBe(2);
      expect(runCli(['plan', '--db', db, '--as-of', compareAsOf, '--department', 'Support', '--hires', '2', '--by', '2026-06-01']).status).toBe(2);
      expect(runCli(['plan', '--db', db, '--department', 'Suport', '--hires', '2', '--by', '2026-09-30']).stderr).toContain('did you mean Support?');
    });
  }, 120_000);
});
