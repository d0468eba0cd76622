/**
 * Alerts (Rill-style): each rule is an SQL file returning breach rows; this module is the one loop that
 * runs them. Rules come from the config (defaults: OAR watch/alarm, region above benchmark, opening
 * open > 90 days, stage pass-through drop > 15 points).
 */
import { alertsReportSchema, type Alert, type AlertsReport } from '../contract/alerts.ts';
import { rateStatus, type RateLines } from '../contract/status.ts';
import { linesFor } from '../contract/thresholds.ts';
import { viewOf } from '../metrics/offerAcceptance.ts';
import type { AlertRule, Config } from '../lib/config.ts';
import { paramsFor, sqlFile } from '../lib/duckdb.ts';
import type { MetricContext } from '../metrics/metric.ts';
import { applyFilters, prepareMetrics, type MetricsRequest } from '../metrics/index.ts';
import type { Warehouse } from '../lib/duckdb.ts';
import { ownersVisible } from '../lib/privacy.ts';

const rank = { watch: 1, alarm: 2 } as const;

/** Stage funnels need their own comparison window: [from, to] against the same length just before. */
function periods(params: MetricContext['params'], periodDays: number): { current: [string, string]; previous: [string, string] } {
  const to = String(params.to);
  const day = 86_400_000;
  const toMs = Date.parse(`${to}T00:00:00Z`);
  const fromMs = params.from ? Date.parse(`${String(params.from)}T00:00:00Z`) : toMs - (periodDays - 1) * day;
  const length = Math.round((toMs - fromMs) / day) + 1;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { current: [iso(fromMs), to], previous: [iso(fromMs - length * day), iso(fromMs - day)] };
}

async function materialise(context: MetricContext, table: string, metric: string, overrides: Record<string, string> = {}) {
  const sql = sqlFile(`metrics/${metric}.sql`).trim().replace(/;\s*$/, '');
  // `table` is one of the fixed names below, never input.
  await context.warehouse.run(`CREATE OR REPLACE TEMP TABLE ${table} AS ${sql}`, paramsFor(sql, { ...context.params, ...overrides }));
}

/** The offer acceptance breach of the offers in f_offers on these lines, if any; `cell` names a configured cell. */
async function offerAcceptanceBreach(context: MetricContext, lines: RateLines, cell: string | null): Promise<Alert[]> {
  await materialise(context, 'm_offer_acceptance', 'offer_acceptance');
  const counts = await context.warehouse.maybeOne<{ accepted: number; declined: number }>('SELECT accepted, declined FROM m_offer_acceptance');
  const status = rateStatus(counts!.accepted, counts!.declined, lines);
  if (status !== 'watch' && status !== 'alarm') return [];
  const sql = sqlFile('alerts/offer_acceptance.sql');
  const params = { ...context.params, level: status, threshold: status === 'alarm' ? lines.alarm : lines.healthy, cell };
  return context.warehouse.all<Alert>(sql, paramsFor(sql, params));
}

async function runRule(context: MetricContext, rule: AlertRule, config: Config): Promise<Alert[]> {
  const run = async (file: string, extra: Record<string, string | number | boolean>) => {
    const sql = sqlFile(`alerts/${file}.sql`);
    return context.warehouse.all<Alert>(sql, paramsFor(sql, { ...context.params, ...extra }));
  };
  switch (rule.rule) {
    case 'offer-acceptance': {
      // the view on the lines of its department / region cell (config offerAcceptance.cells), as the metric's status
      const view = viewOf(context);
      const breaches = await offerAcceptanceBreach(context, linesFor(config.offerAcceptance, view), null);
      // the company view (the dashboard's alerts): each configured cell is judged on its own lines too
      const cells = view.department === null && view.region === null ? (config.offerAcceptance.cells ?? []) : [];
      for (const cell of cells) {
        const scope = { department: cell.department ?? null, region: cell.region ?? null };
        await applyFilters(context.warehouse, { ...context.params, ...scope }, ['f_offers']);
        breaches.push(...(await offerAcceptanceBreach(context, linesFor(config.offerAcceptance, scope), [cell.department, cell.region].filter(Boolean).join(', '))));
      }
      if (cells.length) await applyFilters(context.warehouse, context.params, ['f_offers']); // the view's offers again
      return breaches;
    }
    case 'region-time-to-fill':
      await materialise(context, 'm_regions', 'regions');
      return run('region_time_to_fill', { level: rule.level });
    case 'opening-age':
      return run('opening_age', { level: rule.level, max_days: rule.maxDays, owners_shown: ownersVisible(config) });
    case 'stage-pass-through-drop': {
      const { current, previous } = periods(context.params, rule.periodDays);
      await materialise(context, 'm_funnel_current', 'funnel', { from: current[0], to: current[1] });
      await materialise(context, 'm_funnel_previous', 'funnel', { from: previous[0], to: previous[1] });
      return run('stage_pass_through_drop', { level: rule.level, max_drop: rule.maxDropPoints, min_reached: 10 });
    }
  }
}

/** Evaluate every enabled rule; breaches sorted alarm first. */
export async function evaluateAlerts(warehouse: Warehouse, config: Config, request: MetricsRequest = {}): Promise<AlertsReport> {
  return alertsFor(await prepareMetrics(warehouse, config, request), config);
}

/** Evaluate the rules on populations already prepared (the snapshot reuses its context). */
export async function alertsFor(context: MetricContext, config: Config): Promise<AlertsReport> {
  const alerts: Alert[] = [];
  for (const rule of config.alerts) if (rule.enabled) alerts.push(...(await runRule(context, rule, config)));
  alerts.sort((a, b) => rank[b.level] - rank[a.level]);
  const highest = alerts[0]?.level ?? null;
  return alertsReportSchema.parse({ asOf: String(context.params.as_of), alerts, highest });
}

/** True when a breach at or above `level` exists (for `--fail-on`). */
export function breachesAtOrAbove(report: AlertsReport, level: 'watch' | 'alarm'): boolean {
  return report.alerts.some((a) => rank[a.level] >= rank[level]);
}
