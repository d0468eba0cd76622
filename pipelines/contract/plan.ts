/**
 * The recruiting planner (issue 18, Deliver 6; Ashby's Recruiting Planner): from a department's
 * pass-through rates and stage durations, the applications, screens, onsites and offers needed per week
 * to make N hires by a date. Pure arithmetic, shared by `hirescope plan` and the Planner page's form
 * (the browser runs this same module). No DuckDB, no zod here (the rates come from
 * pipelines/sql/planner/*.sql; the schemas are in contract/planSchema.ts).
 *
 * The method (README "Planner"):
 * - Steps: application -> screen -> onsite (through technical) -> offer -> hire. Each step's rate is
 *   advanced / decided over the applications applied in the last N months that reached the step's stage:
 *   advanced = went on to the next planned stage or further (skips count as passed, DESIGN §3);
 *   decided = advanced + those that stopped there and are no longer active (still-active applications
 *   have no outcome yet and are left out, so recent applications do not drag the rates down).
 * - Needed at a stage = hires / (product of the rates of the steps after it), rounded up to whole people.
 * - Uncertainty: each rate's 95% Wilson interval; the range of needed volumes takes every rate at its
 *   upper bound (fewest people: `low`) and every rate at its lower bound (most people: `high`) together —
 *   a conservative range (the rates' errors are treated as moving together). A lower bound of 0 (a step
 *   nobody passed) leaves `high` unbounded (null).
 * - Timing: median days in each stage (Application Review, Screen, Technical, Onsite, Offer; a stage with
 *   no finished stay counts 0). An application made on day x is hired on day x + lead, lead = the sum,
 *   rounded up. The plan starts the day after asOf (S); applications can be taken on days S..by - lead,
 *   in whole weeks W = floor((by - lead - S + 1) / 7); each stage's window is the applications' window
 *   shifted by the days before it (its start week), and its weekly volume is needed / W.
 * - W < 1: the date is too soon (`feasible: false`, `earliestBy` = S + lead + 6, the first date with one week).
 */
import { wilson } from './wilson.ts';
import { stageKeys, type StageKey } from './stages.ts';

/** The planned steps, each named after the stage it leads to. */
export const planSteps = ['screen', 'onsite', 'offer', 'hire'] as const;
export type PlanStep = (typeof planSteps)[number];

/** The stages whose median duration makes the lead time, in order. */
export type PlanDuration = Exclude<StageKey, 'hired'>;
export const planDurations = stageKeys.filter((s): s is PlanDuration => s !== 'hired');

/** The planned stages a person is counted at: the step's stage, and applications first. */
export const planStages = ['applications', 'screens', 'onsites', 'offers', 'hires'] as const;
export type PlanStage = (typeof planStages)[number];

/** One department's history (the snapshot's planner.json and `plan --json` carry it). */
export interface PlannerRates {
  /** null = the whole company. */
  readonly department: string | null;
  /** Per step: advanced and decided counts. */
  readonly steps: Readonly<Record<PlanStep, { readonly advanced: number; readonly decided: number }>>;
  /** Median days in each stage over finished stays; null when none finished. */
  readonly durations: Readonly<Record<PlanDuration, number | null>>;
}

export interface PlanRequest {
  readonly hires: number;
  /** The date the hires must be made by (YYYY-MM-DD). */
  readonly by: string;
  /** The last known day; the plan starts the day after. */
  readonly asOf: string;
}

export interface StepRate {
  readonly step: PlanStep;
  readonly advanced: number;
  readonly decided: number;
  readonly rate: number | null;
  readonly ci95: readonly [number, number] | null;
}

export interface PlanRow {
  readonly stage: PlanStage;
  /** People needed in all, rounded up; range from the rates' intervals (high null: unbounded). */
  readonly needed: number;
  readonly low: number;
  readonly high: number | null;
  /** Exact need / weeks (null when infeasible); range likewise. */
  readonly perWeek: number | null;
  readonly perWeekLow: number | null;
  readonly perWeekHigh: number | null;
  /** The first day people enter this stage (the start of its first week). */
  readonly startsOn: string;
  /** Days from the plan's start to this stage (rounded up cumulative medians). */
  readonly daysIn: number;
}

export interface Plan {
  readonly department: string | null;
  readonly hires: number;
  readonly by: string;
  readonly asOf: string;
  readonly startsOn: string;
  /** Days from application to hire (sum of the stages' medians, rounded up). */
  readonly leadDays: number;
  readonly weeks: number;
  readonly feasible: boolean;
  /** The earliest `by` with at least one week of applications. */
  readonly earliestBy: string;
  readonly rates: readonly StepRate[];
  readonly durations: Readonly<Record<PlanDuration, number | null>>;
  readonly stages: readonly PlanRow[];
  /** Why there is no plan: a step with no decided application (no rate). */
  readonly missing: readonly PlanStep[];
}

const dayMs = 86_400_000;
const ms = (date: string) => Date.parse(`${date}T00:00:00Z`);
export const addDays = (date: string, days: number) => new Date(ms(date) + days * dayMs).toISOString().slice(0, 10);
export const daysBetween = (from: string, to: string) => Math.round((ms(to) - ms(from)) / dayMs);

// Floating error (0.1 * 3 = 0.30000000000000004) must not add a person: round up what is over by more than this.
const ceil = (value: number) => Math.max(0, Math.ceil(value - 1e-9));

/** The planner's rates with their intervals. */
export function stepRates(history: PlannerRates): StepRate[] {
  return planSteps.map((step) => {
    const { advanced, decided } = history.steps[step];
    return { step, advanced, decided, rate: decided ? advanced / decided : null, ci95: wilson(advanced, decided) };
  });
}

/** Plan `request.hires` hires by `request.by` from a department's history (method above). */
export function computePlan(history: PlannerRates, request: PlanRequest): Plan {
  const rates = stepRates(history);
  const missing = rates.filter((r) => r.rate === null).map((r) => r.step);
  // days before each planned stage: applied -> screen -> (technical) -> onsite -> offer -> hire
  const d = (key: PlanDuration) => history.durations[key] ?? 0;
  const cumulative = [0, d('applied'), d('applied') + d('screen') + d('technical'), d('applied') + d('screen') + d('technical') + d('onsite')];
  const leadExact = cumulative[3]! + d('offer');
  const daysIn = [...cumulative, leadExact].map(ceil);
  const leadDays = daysIn[4]!;
  const startsOn = addDays(request.asOf, 1);
  const weeks = Math.max(0, Math.floor((daysBetween(startsOn, request.by) - leadDays + 1) / 7));
  const feasible = weeks >= 1 && missing.length === 0;
  // needed at stage i = hires / product of the rates of steps i.. (stage i is before step i)
  const after = (i: number, pick: (r: StepRate) => number) => rates.slice(i).reduce((product, r) => product * pick(r), 1);
  const stages: PlanRow[] = planStages.map((stage, i) => {
    const exact = missing.length ? null : request.hires / after(i, (r) => r.rate!);
    const fewest = missing.length ? null : request.hires / after(i, (r) => r.ci95![1]);
    const mostProduct = missing.length ? 0 : after(i, (r) => r.ci95![0]);
    const most = mostProduct > 0 ? request.hires / mostProduct : null;
    const perWeek = (value: number | null) => (feasible && value !== null ? value / weeks : null);
    return {
      stage,
      needed: exact === null ? 0 : ceil(exact),
      low: fewest === null ? 0 : ceil(fewest),
      high: most === null ? null : ceil(most),
      perWeek: perWeek(exact),
      perWeekLow: perWeek(fewest),
      perWeekHigh: perWeek(most),
      startsOn: addDays(startsOn, daysIn[i]!),
      daysIn: daysIn[i]!,
    };
  });
  return {
    department: history.department,
    hires: request.hires,
    by: request.by,
    asOf: request.asOf,
    startsOn,
    leadDays,
    weeks,
    feasible,
    earliestBy: addDays(startsOn, leadDays + 6),
    rates,
    durations: history.durations,
    stages,
    missing,
  };
}
