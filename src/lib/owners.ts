/**
 * Owner views (issue 18) over the cubes, per recruiter or per hiring manager: the figures of `hirescope
 * owners` (pipelines/sql/owners/), from the cubes' owner columns after the filters. A rate on fewer than
 * minRateEvents events is "too few". Under privacy.owners "hide" the cubes hold no owner: no rows.
 */
import { addTo, filterRows, histogramSize, quantile, type Cube, type Histogram } from './cube.ts';
import type { SiteFilters } from './filters.ts';
import { stageKeys, type StageKey } from '../../pipelines/contract/stages.ts';
import { minRateEvents, unassignedOwner } from '../../pipelines/contract/ownerRules.ts';
import { wilson } from '../../pipelines/contract/wilson.ts';

export type OwnerKind = 'recruiter' | 'hiring_manager';

export interface OwnerRate {
  rate: number | null;
  tooFew: boolean;
}

export interface OwnerView {
  owner: string;
  openOpenings: number;
  hires: number;
  filled: number;
  medianTimeToFillDays: number | null;
  offerAcceptance: OwnerRate & { accepted: number; declined: number; ci95: [number, number] | null };
  passThrough: (OwnerRate & { stage: StageKey; reached: number; advanced: number })[];
  activeLoad: number;
}

export interface OwnerCubes {
  readonly open: Cube;
  readonly hires: Cube;
  readonly fills: Cube;
  readonly offers: Cube;
  readonly funnel: Cube;
}

/** A rate, or null and tooFew on fewer than minRateEvents events (as pipelines/owners rateOf). */
export function ownerRate(hits: number, events: number): OwnerRate {
  const tooFew = events < minRateEvents;
  return { rate: tooFew ? null : hits / events, tooFew };
}

const ownerAt = (cube: Cube, kind: OwnerKind, i: number) => {
  const value = cube.columns[kind]?.[i];
  return value === null || value === undefined ? unassignedOwner : String(value);
};

/** Per owner of this kind: the owner tables' figures under the filters, owners by name (Unassigned last). */
export function ownerViews(cubes: OwnerCubes, filters: SiteFilters, kind: OwnerKind, hidden: boolean): OwnerView[] {
  if (hidden) return [];
  const views = new Map<string, { open: number; hires: number; fills: Histogram; accepted: number; declined: number; reachedAt: number[]; active: number }>();
  const of = (owner: string) => {
    let view = views.get(owner);
    if (!view) views.set(owner, (view = { open: 0, hires: 0, fills: new Map(), accepted: 0, declined: 0, reachedAt: new Array(7).fill(0) as number[], active: 0 }));
    return view;
  };
  const { open, hires, fills, offers, funnel } = cubes;
  for (const i of filterRows(open, filters, { period: false })) of(ownerAt(open, kind, i)).open += Number(open.columns.count![i]);
  for (const i of filterRows(hires, filters)) of(ownerAt(hires, kind, i)).hires += Number(hires.columns.count![i]);
  for (const i of filterRows(fills, filters)) addTo(of(ownerAt(fills, kind, i)).fills, Number(fills.columns.days![i]), Number(fills.columns.count![i]));
  for (const i of filterRows(offers, filters)) {
    const status = offers.columns.status![i];
    if (status === 'accepted' || status === 'declined') of(ownerAt(offers, kind, i))[status] += Number(offers.columns.count![i]);
  }
  for (const i of filterRows(funnel, filters)) {
    const view = of(ownerAt(funnel, kind, i));
    view.reachedAt[Number(funnel.columns.furthest![i])]! += Number(funnel.columns.count![i]);
  }
  // active load is a current state: every applied month up to the data date, whatever the period
  for (const i of filterRows(funnel, filters, { period: false })) {
    if (funnel.columns.status![i] === 'active') of(ownerAt(funnel, kind, i)).active += Number(funnel.columns.count![i]);
  }
  return [...views.entries()]
    .sort(([a], [b]) => Number(a === unassignedOwner) - Number(b === unassignedOwner) || a.localeCompare(b))
    .map(([owner, v]) => {
      const reached = stageKeys.map((_, index) => v.reachedAt.slice(index + 1).reduce((a, b) => a + b, 0));
      const oar = ownerRate(v.accepted, v.accepted + v.declined);
      return {
        owner,
        openOpenings: v.open,
        hires: v.hires,
        filled: histogramSize(v.fills),
        medianTimeToFillDays: quantile(v.fills, 0.5),
        offerAcceptance: { accepted: v.accepted, declined: v.declined, ...oar, ci95: oar.tooFew ? null : wilson(v.accepted, v.accepted + v.declined) },
        passThrough: stageKeys.slice(0, -1).map((stage, index) => ({ stage, reached: reached[index]!, advanced: reached[index + 1]!, ...ownerRate(reached[index + 1]!, reached[index]!) })),
        activeLoad: v.active,
      };
    });
}
