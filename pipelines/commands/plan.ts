/**
 * `hirescope plan --department X --hires N --by DATE [--months 6]`: the applications, screens, onsites and
 * offers needed per week to make N hires by DATE, from the department's last N months (README "Planner").
 */
import type { Config } from '../lib/config.ts';
import type { Warehouse } from '../lib/duckdb.ts';
import { formatTable, UsageError, type Output } from '../lib/output.ts';
import { isIsoDate } from '../lib/time.ts';
import { defaultAsOf, newestEvent } from '../metrics/asOf.ts';
import { prepareMetrics } from '../metrics/index.ts';
import { plannerHistory } from '../planner/index.ts';
import { checkFilters } from './filters.ts';
import { computePlan, type Plan } from '../contract/plan.ts';
import { planDocumentSchema } from '../contract/planSchema.ts';
import { formatPercent } from '../contract/format.ts';

export interface PlanArgs {
  department?: string | undefined;
  hires?: string | undefined;
  by?: string | undefined;
  months?: string | undefined;
  'as-of'?: string | undefined;
}

const wholeNumber = (text: string, option: string, max: number) => {
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max) throw new UsageError(`${option} must be a whole number from 1 to ${max}, got "${text}"`);
  return Number(text);
};

const oneDecimal = (value: number | null) => (value === null ? '—' : (Math.round(value * 10) / 10).toFixed(1));

/** The plan as a person reads it. */
export function formatPlan(plan: Plan, months: number, windowFrom: string): string {
  const lines = [
    `Plan for ${plan.hires} hire${plan.hires === 1 ? '' : 's'} in ${plan.department} by ${plan.by} (from ${plan.startsOn}; rates of applications since ${windowFrom}, ${months} months)`,
    `Application to hire takes ${plan.leadDays} days (median stays: ${Object.entries(plan.durations)
      .map(([stage, days]) => `${stage} ${days ?? '— (0)'}`)
      .join(', ')}).`,
    '',
    formatTable(
      ['step', 'advanced / decided', 'rate', '95% interval'],
      plan.rates.map((r) => [`to ${r.step}`, `${r.advanced} / ${r.decided}`, r.rate === null ? '—' : formatPercent(r.rate, 1), r.ci95 ? `${formatPercent(r.ci95[0], 1)}–${formatPercent(r.ci95[1], 1)}` : '—']),
    ),
    '',
  ];
  if (plan.missing.length) {
    lines.push(`No plan: no application of the last ${months} months was decided at ${plan.missing.join(', ')}.`);
    return lines.join('\n');
  }
  if (!plan.feasible) lines.push(`Too soon: applications must start ${plan.leadDays} days before the hires; the earliest date with a week of applications is ${plan.earliestBy}.`, '');
  lines.push(
    formatTable(
      ['stage', 'needed', 'range (95%)', 'per week', 'range per week', 'from'],
      plan.stages.map((s) => [
        s.stage,
        s.needed,
        `${s.low}–${s.high ?? '∞'}`,
        oneDecimal(s.perWeek),
        s.perWeekLow === null ? '—' : `${oneDecimal(s.perWeekLow)}–${s.perWeekHigh === null ? '∞' : oneDecimal(s.perWeekHigh)}`,
        s.startsOn,
      ]),
    ),
    '',
    `${plan.feasible ? `over ${plan.weeks} week${plan.weeks === 1 ? '' : 's'}; ` : ''}ranges take every rate at its interval's bound together.`,
  );
  return lines.join('\n');
}

export async function planCommand(warehouse: Warehouse, config: Config, args: PlanArgs, out: Output): Promise<number> {
  if (!args.department) throw new UsageError('--department X is required');
  if (!args.hires) throw new UsageError('--hires N is required');
  if (!args.by) throw new UsageError('--by YYYY-MM-DD is required');
  const hires = wholeNumber(args.hires, '--hires', 10_000);
  const months = args.months === undefined ? config.planner.months : wholeNumber(args.months, '--months', 60);
  for (const key of ['by', 'as-of'] as const) {
    const value = args[key];
    if (value !== undefined && !isIsoDate(value)) throw new UsageError(`--${key} must be a date YYYY-MM-DD, got "${value}"`);
  }
  const newest = await newestEvent(warehouse); // also sets up the warehouse's schema and macros
  const asOf = args['as-of'] ?? defaultAsOf(newest, config);
  if (args.by <= asOf) throw new UsageError(`--by ${args.by} is not after the as-of date ${asOf}: plan for a later date`);
  const { department } = await checkFilters(warehouse, config, { department: args.department }, asOf);
  const history = await plannerHistory(await prepareMetrics(warehouse, config, { asOf }), months);
  const rates = history.departments.find((d) => d.department === department);
  if (!rates) throw new Error(`no application in ${department} was made since ${history.windowFrom} (the last ${months} months): no rates to plan from (try --months)`);
  const plan = computePlan(rates, { hires, by: args.by, asOf });
  const document = planDocumentSchema.parse({ months, windowFrom: history.windowFrom, plan });
  if (out.isJson) out.json(document);
  else out.info(formatPlan(plan, months, history.windowFrom));
  return 0;
}
