/**
 * The Planner page's texts (issue 18, Deliver 6), shared by the build (the rates table, the worked example)
 * and the form island, which plans in the browser with the same module as `hirescope plan`
 * (pipelines/contract/plan.ts).
 */
import { addDays, computePlan, stepRates, type Plan, type PlannerRates } from '../../pipelines/contract/plan.ts';
import { percent } from '../../pipelines/contract/format.ts';

export interface PlannerData {
  readonly asOf: string;
  readonly months: number;
  readonly windowFrom: string;
  readonly departments: readonly PlannerRates[];
}

/** The departments one can plan for (the company's row, department null, is left out). */
export const plannable = (data: PlannerData) => data.departments.filter((d): d is PlannerRates & { department: string } => d.department !== null);

/**
 * The worked example: 5 hires 13 weeks after asOf, in the department with the most decided offers (ties:
 * by name), so the example rests on the most history.
 */
export function exampleRequest(data: PlannerData): { department: string; hires: number; by: string } | null {
  const [first] = [...plannable(data)].sort((a, b) => b.steps.hire.decided - a.steps.hire.decided || (a.department < b.department ? -1 : 1));
  return first ? { department: first.department, hires: 5, by: addDays(data.asOf, 91) } : null;
}

export function planFor(data: PlannerData, request: { department: string; hires: number; by: string }): Plan | null {
  const history = data.departments.find((d) => d.department === request.department);
  return history ? computePlan(history, { hires: request.hires, by: request.by, asOf: data.asOf }) : null;
}

/** One department's rates as table cells: per step "k / n · rate (low–high)". */
export function rateCells(history: PlannerRates): string[] {
  return stepRates(history).map((r) => (r.rate === null ? 'no decided application' : `${percent(r.rate)} (${r.advanced} / ${r.decided}; 95% ${percent(r.ci95![0])}–${percent(r.ci95![1])})`));
}

/** Median days as a cell ("—" when no stay finished: counted as 0 in the lead time). */
export const durationCell = (days: number | null) => (days === null ? '—' : `${Math.round(days * 10) / 10} d`);

/** Per-week figures as the page writes them: one decimal. */
export const perWeekText = (value: number | null) => (value === null ? '—' : (Math.round(value * 10) / 10).toFixed(1));
