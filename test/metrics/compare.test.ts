/**
 * "Compared with what" (issue 18, Deliver 5) on the tiny company of test/helpers/compare-company.ts:
 * the comparison periods, the four tiles against the previous period and a year earlier (one OAR change
 * significant, one not), per-department lines changing a status and an alert, and the CLI's JSON.
 */
import { describe, expect, it } from 'vitest';
import { comparisonPeriods, intervalsOverlap, shiftMonths } from '../../pipelines/contract/compare.ts';
import { linesFor } from '../../pipelines/contract/thresholds.ts';
import { kpiComparisonSchema } from '../../pipelines/contract/tiles.ts';
import { compareKpis } from '../../pipelines/metrics/compare.ts';
import { computeMetrics, metricsFor, prepareMetrics } from '../../pipelines/metrics/index.ts';
import { alertsFor, evaluateAlerts } from '../../pipelines/alerts/index.ts';
import { metricsSchema } from '../../pipelines/contract/metrics.ts';
import { compareAsOf, compareCompany, withCompareWarehouseFile } from '../helpers/compare-company.ts';
import { withLoadedWarehouse } from '../helpers/warehouse.ts';
import { runCli } from '../helpers/tmp.ts';

describe('comparison periods', () => {
  it('a period from the 1st of a month is measured in months', () => {
    // Apr..Jun = 3 months: the 3 months before (Jan..Mar) and Apr..Jun a year earlier
    expect(comparisonPeriods({ from: '2026-04-01', to: '2026-06-30' })).toEqual({
      unit: 'month',
      length: 3,
      current: { from: '2026-04-01', to: '2026-06-30' },
      previous: { from: '2026-01-01', to: '2026-03-31' },
      yearEarlier: { from: '2025-04-01', to: '2025-06-30' },
    });
    // to mid-month (asOf 2026-06-15): each comparison period ends on the 15th of its last month
    expect(comparisonPeriods({ from: '2026-04-01', to: '2026-06-15' })).toMatchObject({
      previous: { from: '2026-01-01', to: '2026-03-15' },
      yearEarlier: { from: '2025-04-01', to: '2025-06-15' },
    });
    // one month, February 2025 (28 days, its last day): January before it, February 2024 (29 days) a year earlier
    expect(comparisonPeriods({ from: '2025-02-01', to: '2025-02-28' })).toMatchObject({
      length: 1,
      previous: { from: '2025-01-01', to: '2025-01-31' },
      yearEarlier: { from: '2024-02-01', to: '2024-02-29' },
    });
  });

  it('any other period is measured in days', () => {
    // Apr 10..19 = 10 days: Mar 31..Apr 9 before it
    expect(comparisonPeriods({ from: '2026-04-10', to: '2026-04-19' })).toEqual({
      unit: 'day',
      length: 10,
      current: { from: '2026-04-10', to: '2026-04-19' },
      previous: { from: '2026-03-31', to: '2026-04-09' },
      yearEarlier: { from: '2025-04-10', to: '2025-04-19' },
    });
    // 29 February has no twin a year earlier: the 28th (the month's last day)
    expect(shiftMonths('2024-02-29', -12)).toBe('2023-02-28');
    expect(shiftMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(shiftMonths('2026-01-15', -3)).toBe('2025-10-15');
  });

  it('intervals overlap when they share a point', () => {
    expect(intervalsOverlap([0.1, 0.5], [0.5, 0.9])).toBe(true);
    expect(intervalsOverlap([0.1, 0.49], [0.5, 0.9])).toBe(false);
  });
});

describe('the tiles against the previous period and a year earlier (Sales, Apr-Jun 2026)', () => {
  it('computes each period and each change', async () => {
    const c = await withLoadedWarehouse(compareCompany(), (w, config) =>
      compareKpis(w, config, { asOf: compareAsOf, filters: { department: 'Sales', from: '2026-04-01' } }),
    );
    expect(c.unit).toBe('month');
    expect(c.periods.previous).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    // OAR now 18/20 = 0.9: Wilson 95% (z = 1.96): centre (0.9 + 3.8415/40) / (1 + 3.8415/20) = 0.996037 / 1.192073,
    // half 1.96 * sqrt(0.9*0.1/20 + 3.8415/1600) / 1.192073 = 0.162817 / 1.192073 -> [0.6990, 0.9721]
    expect(c.figures.current.offerAcceptance).toMatchObject({ accepted: 18, declined: 2, rate: 0.9 });
    expect(c.figures.current.offerAcceptance.ci95![0]).toBeCloseTo(0.699, 3);
    expect(c.figures.current.offerAcceptance.ci95![1]).toBeCloseTo(0.9721, 3);
    // previous 8/20 = 0.4: (0.4 + 0.096037 -+ 1.96 * sqrt(0.012 + 0.002401)) / 1.192073 = [0.2188, 0.6134]:
    // 0.6134 < 0.6990, no overlap -> +50 points, significant
    expect(c.figures.previous.offerAcceptance).toMatchObject({ accepted: 8, declined: 12, rate: 0.4 });
    expect(c.figures.previous.offerAcceptance.ci95![1]).toBeCloseTo(0.6134, 3);
    expect(c.change.previous.offerAcceptance.points).toBeCloseTo(50, 10);
    expect(c.change.previous.offerAcceptance.significant).toBe(true);
    // a year earlier 15/20 = 0.75: (0.75 + 0.096037 -+ 1.96 * sqrt(0.009375 + 0.002401)) / 1.192073 = [0.5313, 0.8881]:
    // 0.8881 >= 0.6990, the intervals overlap -> +15 points, not significant
    expect(c.figures.yearEarlier.offerAcceptance).toMatchObject({ accepted: 15, declined: 5, rate: 0.75 });
    expect(c.figures.yearEarlier.offerAcceptance.ci95![0]).toBeCloseTo(0.5313, 3);
    expect(c.figures.yearEarlier.offerAcceptance.ci95![1]).toBeCloseTo(0.8881, 3);
    expect(c.change.yearEarlier.offerAcceptance.points).toBeCloseTo(15, 10);
    expect(c.change.yearEarlier.offerAcceptance.significant).toBe(false);
    // time to fill: fills in Apr-Jun 2026 F1 30, F2 40, F3 50 -> median 40; Jan-Mar 2026 F4 50 -> -10;
    // Apr-Jun 2025 F5 60, F6 70 -> median 65 -> -25
    expect(c.figures.current).toMatchObject({ medianTimeToFillDays: 40, filled: 3 });
    expect(c.figures.previous).toMatchObject({ medianTimeToFillDays: 50, filled: 1 });
    expect(c.figures.yearEarlier).toMatchObject({ medianTimeToFillDays: 65, filled: 2 });
    expect(c.change.previous.medianTimeToFillDays).toBe(-10);
    expect(c.change.yearEarlier.medianTimeToFillDays).toBe(-25);
    // open at 2026-06-30: O2, O3 = 2; at 2026-03-31: O2 and F1 (filled 04-01) = 2 (O1 cancelled 02-15,
    // F4 filled 02-24); at 2025-06-30: O1 = 1 (F5, F6 filled before) -> 0 and +1
    expect([c.figures.current.openOpenings, c.figures.previous.openOpenings, c.figures.yearEarlier.openOpenings]).toEqual([2, 2, 1]);
    expect([c.change.previous.openOpenings, c.change.yearEarlier.openOpenings]).toEqual([0, 1]);
    // hires = accepted offers' days: 18, 8, 15 -> +10 (18/8 - 1 = +125%), +3 (18/15 - 1 = +20%)
    expect([c.figures.current.hires, c.figures.previous.hires, c.figures.yearEarlier.hires]).toEqual([18, 8, 15]);
    expect(c.change.previous).toMatchObject({ hires: 10, hiresRelative: 1.25 });
    expect(c.change.yearEarlier.hires).toBe(3);
    expect(c.change.yearEarlier.hiresRelative).toBeCloseTo(0.2, 10);
  });

  it('without a from, the period is the Overview default: from the data’s first month to asOf', async () => {
    const c = await withLoadedWarehouse(compareCompany(), (w, config) => compareKpis(w, config, { asOf: compareAsOf }));
    // the first event is F5 opened 2025-03-01: 2025-03-01..2026-06-30 = 16 months
    expect(c).toMatchObject({ unit: 'month', length: 16 });
    expect(c.periods.previous).toEqual({ from: '2023-11-01', to: '2025-02-28' });
    expect(c.periods.yearEarlier).toEqual({ from: '2024-03-01', to: '2025-06-30' });
    // every offer of the company: Sales 18+8+15 accepted, 2+12+5 declined; Support 8 and 2 -> 49 / 70
    expect(c.figures.current.offerAcceptance).toMatchObject({ accepted: 49, declined: 21 });
    // nothing before March 2025: no rate to compare with
    expect(c.figures.previous.offerAcceptance.rate).toBeNull();
    expect(c.change.previous.offerAcceptance).toEqual({ points: null, significant: null });
  });
});

describe('offer acceptance lines per department and region', () => {
  it('the most specific cell wins, and sets only the lines it names', () => {
    const lines = {
      healthy: 0.85,
      alarm: 0.75,
      minOffers: 10,
      cells: [
        { region: 'EU', healthy: 0.9 },
        { department: 'Support', healthy: 0.8, alarm: 0.7 },
        { department: 'Support', region: 'EU', minOffers: 5 },
      ],
    };
    expect(linesFor(lines, {})).toEqual({ healthy: 0.85, alarm: 0.75, minOffers: 10 });
    expect(linesFor(lines, { region: 'eu' })).toEqual({ healthy: 0.9, alarm: 0.75, minOffers: 10 });
    expect(linesFor(lines, { department: 'Support' })).toEqual({ healthy: 0.8, alarm: 0.7, minOffers: 10 });
    // department and region: the pair's cell, which names only minOffers
    expect(linesFor(lines, { department: 'Support', region: 'EU' })).toEqual({ healthy: 0.85, alarm: 0.75, minOffers: 5 });
  });

  it('a Support cell turns its 80% from watch into healthy, and its alert off', async () => {
    const request = { asOf: compareAsOf, filters: { department: 'Support' } };
    const cell = { offerAcceptance: { healthy: 0.85, alarm: 0.75, minOffers: 10, cells: [{ department: 'Support', healthy: 0.8, alarm: 0.7 }] } };
    // Support: 8 accepted / 10 = 0.8: default lines 0.75 <= 0.8 < 0.85 -> watch, and a watch alert
    const plain = await withLoadedWarehouse(compareCompany(), async (w, config) => ({
      metrics: await computeMetrics(w, config, request),
      alerts: await evaluateAlerts(w, config, request),
    }));
    expect(plain.metrics.offerAcceptance).toMatchObject({ rate: 0.8, status: 'watch', thresholds: { healthy: 0.85, alarm: 0.75 } });
    expect(plain.alerts.alerts.filter((a) => a.rule === 'offer-acceptance').map((a) => a.level)).toEqual(['watch']);
    // Support's lines 80% / 70%: 0.8 >= 0.8 -> healthy, no alert; Sales keeps the defaults ((18+8+15) / 60 = 0.683 -> alarm)
    const celled = await withLoadedWarehouse(
      compareCompany(),
      async (w, config) => ({
        metrics: await computeMetrics(w, config, request),
        alerts: await evaluateAlerts(w, config, request),
        sales: await computeMetrics(w, config, { asOf: compareAsOf, filters: { department: 'Sales' } }),
      }),
      cell,
    );
    expect(celled.metrics.offerAcceptance).toMatchObject({ status: 'healthy', thresholds: { healthy: 0.8, alarm: 0.7 } });
    expect(celled.alerts.alerts.filter((a) => a.rule === 'offer-acceptance')).toEqual([]);
    expect(celled.sales.offerAcceptance).toMatchObject({ accepted: 41, declined: 19, status: 'alarm', thresholds: { healthy: 0.85, alarm: 0.75 } });
  });
});

describe('the dashboard’s alerts judge each configured cell on its own lines', () => {
  it('a Support cell with a 90% healthy and 85% alarm line raises its own alarm beside the company’s', async () => {
    const config = { offerAcceptance: { healthy: 0.85, alarm: 0.75, minOffers: 10, cells: [{ department: 'Support', healthy: 0.9, alarm: 0.85 }] } };
    const { alerts, metrics } = await withLoadedWarehouse(
      compareCompany(),
      async (w, settings) => {
        const context = await prepareMetrics(w, settings, { asOf: compareAsOf });
        const report = await alertsFor(context, settings);
        // the snapshot reads the same populations after the alerts: the company's offers, not Support's
        return { alerts: report.alerts.filter((a) => a.rule === 'offer-acceptance'), metrics: await metricsFor(context, {}) };
      },
      config,
    );
    // company: (18+8+15+8) / (20+20+20+10) = 49 / 70 = 0.7 < 0.75 -> alarm on the default lines;
    // Support: 8 / 10 = 0.8 < 0.85 -> alarm on its own
    expect(alerts.map((a) => [a.level, a.subject, a.threshold, a.message])).toEqual([
      ['alarm', 'Offer acceptance rate', 0.75, 'Offer acceptance 70.0% (49 accepted, 21 declined) is below the 75% line'],
      ['alarm', 'Offer acceptance rate · Support', 0.85, 'Offer acceptance in Support 80.0% (8 accepted, 2 declined) is below the 85% line'],
    ]);
    expect(metrics.offerAcceptance).toMatchObject({ accepted: 49, declined: 21 });
  });
});

describe('hirescope metrics --compare --json', () => {
  it('prints the comparison block, zod-checked, beside the DESIGN §5 document', async () => {
    await withCompareWarehouseFile((db) => {
      const run = runCli(['metrics', '--compare', '--json', '--db', db, '--as-of', compareAsOf, '--department', 'sales', '--from', '2026-04-01']);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const document = metricsSchema.parse(JSON.parse(run.stdout));
      const comparison = kpiComparisonSchema.parse(document.comparison);
      expect(document.filters).toEqual({ department: 'Sales', from: '2026-04-01' });
      expect(comparison.periods).toEqual({
        current: { from: '2026-04-01', to: '2026-06-30' },
        previous: { from: '2026-01-01', to: '2026-03-31' },
        yearEarlier: { from: '2025-04-01', to: '2025-06-30' },
      });
      // the current figures are the document's own
      expect(comparison.figures.current.offerAcceptance.rate).toBe(document.offerAcceptance.rate);
      expect(comparison.figures.current.medianTimeToFillDays).toBe(document.timeToFill.medianDays);
      expect(comparison.figures.current.openOpenings).toBe(document.timeToFill.open);
      expect(comparison.figures.current.hires).toBe(document.timeToHire.hires);
      expect(comparison.change.previous).toMatchObject({ medianTimeToFillDays: -10, openOpenings: 0, hires: 10, offerAcceptance: { significant: true } });
      expect(comparison.change.yearEarlier).toMatchObject({ medianTimeToFillDays: -25, openOpenings: 1, hires: 3, offerAcceptance: { significant: false } });
      // a person's summary: one row per tile
      const human = runCli(['metrics', '--compare', '--db', db, '--as-of', compareAsOf, '--department', 'Sales', '--from', '2026-04-01']);
      expect(human.stdout).toContain('Compared with the previous 3 months (2026-01-01 – 2026-03-31) and a year earlier (2025-04-01 – 2025-06-30)');
      expect(human.stdout).toMatch(/Offer acceptance\s+90\.0%\s+\+50\.0 pts, significant\s+\+15\.0 pts, not significant/);
      expect(human.stdout).toMatch(/Hires\s+18\s+\+10 \(\+125%\)\s+\+3 \(\+20%\)/);
    });
  }, 120_000);
});
