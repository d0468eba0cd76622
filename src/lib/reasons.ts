/**
 * Reasons views (issue 18 "Why") over the reasons cube: the funnel's drop-off and the offer declines split
 * by reason, over the period and per quarter. Each cube row already names a reason only when 3 candidates
 * or more share it (cube_reasons.sql), so every sum the filters make keeps the rule.
 */
import { filterRows, type Cube } from './cube.ts';
import type { SiteFilters } from './filters.ts';
import { stageKeys, type StageKey } from '../../pipelines/contract/stages.ts';
import { notGiven, otherReasons, type ReasonOutcome } from '../../pipelines/contract/reasons.ts';

export interface ReasonRow {
  /** YYYY-Qn, or null for the whole period. */
  quarter: string | null;
  stage: StageKey;
  outcome: ReasonOutcome;
  reason: string;
  count: number;
  /** Of its stage x outcome (x quarter). */
  share: number;
}

/** Does quarter YYYY-Qn overlap the months from..to (YYYY-MM)? A row without a quarter passes any period. */
export function quarterInPeriod(quarter: string | null, filters: SiteFilters): boolean {
  if (quarter === null) return true;
  const [year, q] = quarter.split('-Q');
  const first = `${year}-${String(3 * Number(q) - 2).padStart(2, '0')}`;
  const last = `${year}-${String(3 * Number(q)).padStart(2, '0')}`;
  return (!filters.from || last >= filters.from) && (!filters.to || first <= filters.to);
}

const outcomeOrder: readonly ReasonOutcome[] = ['rejected', 'withdrew', 'other', 'declined'];
const lastReasons = [otherReasons, notGiven];

/**
 * Reasons of the given outcomes under the filters: period totals (quarter null) first, then per quarter
 * (rows without a quarter count in the totals only); sorted by stage, outcome, then count (folded and
 * missing reasons last).
 */
export function reasonRows(cube: Cube, filters: SiteFilters, outcomes: readonly ReasonOutcome[]): ReasonRow[] {
  const { quarter, stage, outcome, reason, count } = cube.columns;
  const cells = new Map<string, ReasonRow>();
  const add = (q: string | null, i: number) => {
    const row = {
      quarter: q,
      stage: stageKeys[Number(stage![i]) - 1]!,
      outcome: String(outcome![i]) as ReasonOutcome,
      reason: String(reason![i]),
    };
    const key = JSON.stringify(row);
    const cell = cells.get(key) ?? { ...row, count: 0, share: 0 };
    cell.count += Number(count![i]);
    cells.set(key, cell);
  };
  for (const i of filterRows(cube, filters, { period: false })) {
    const q = quarter![i] === null ? null : String(quarter![i]);
    if (!outcomes.includes(String(outcome![i]) as ReasonOutcome) || !quarterInPeriod(q, filters)) continue;
    add(null, i);
    if (q !== null) add(q, i);
  }
  const rows = [...cells.values()];
  const totals = new Map<string, number>();
  const groupOf = (r: ReasonRow) => `${r.quarter}|${r.stage}|${r.outcome}`;
  for (const r of rows) totals.set(groupOf(r), (totals.get(groupOf(r)) ?? 0) + r.count);
  for (const r of rows) r.share = r.count / totals.get(groupOf(r))!;
  return rows.sort(
    (a, b) =>
      (a.quarter === null ? -1 : 0) - (b.quarter === null ? -1 : 0) ||
      (a.quarter ?? '').localeCompare(b.quarter ?? '') ||
      stageKeys.indexOf(a.stage) - stageKeys.indexOf(b.stage) ||
      outcomeOrder.indexOf(a.outcome) - outcomeOrder.indexOf(b.outcome) ||
      Number(lastReasons.includes(a.reason)) - Number(lastReasons.includes(b.reason)) ||
      b.count - a.count ||
      (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0),
  );
}
