/**
 * Owner views (issue 18) over the hiring cubes, per recruiter or per hiring manager: the figures of
 * `hirescope owners` (pipelines/sql/owners/) after the filters. A rate on fewer than minRateEvents events
 * is "too few". Under privacy.owners "hide" the cubes hold no owner name and the page shows no table.
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

/** A rate, or null and tooFew on fewer than minRateEvents events (as pipelines/owners rateOf). */
export function ownerRate(hits: number, events: number): OwnerRate {
  const tooFew = events < minRateEvents;
  return { rate: tooFew ? null : hits / events, tooFew };
}

interface Tally {
  open: number;
  hires: number;
  fills: Histogram;
  accepted: number;
  declined: number;
  reachedAt: number[];
  active: number;
}

/** The hiring cubes an owner table reads: each splits by recruiter and hiring manager (contract/cubes.ts). */
export interface OwnerCubes {
  readonly open: Cube;
  readonly fills: Cube;
  readonly hires: Cube;
  readonly offers: Cube;
  readonly funnel: Cube;
}

/**
 * Per owner of this kind: the owner table's figures under the filters, owners by name (Unassigned last),
 * from the hiring cubes, with the definitions of pipelines/sql/owners/: open openings at asOf (no period),
 * fills and hires dated in the period, offers accepted / declined by resolution month (a settled offer
 * without a date passes any period), applications of the period by furthest stage, and the active ones
 * whatever the period (a current load).
 */
export function ownerViews(cubes: OwnerCubes, filters: SiteFilters, kind: OwnerKind): OwnerView[] {
  const tallies = new Map<string, Tally>();
  const tally = (cube: Cube, i: number): Tally => {
    const name = cube.columns[kind]![i];
    const owner = name === null || name === undefined ? unassignedOwner : String(name);
    let t = tallies.get(owner);
    if (!t) tallies.set(owner, (t = { open: 0, hires: 0, fills: new Map(), accepted: 0, declined: 0, reachedAt: new Array(7).fill(0) as number[], active: 0 }));
    return t;
  };
  const counted = (cube: Cube, options: { period?: boolean }, add: (t: Tally, n: number, i: number) => void) => {
    const count = cube.columns.count!;
    for (const i of filterRows(cube, filters, options)) add(tally(cube, i), Number(count[i]), i);
  };
  counted(cubes.open, { period: false }, (t, n) => (t.open += n));
  counted(cubes.fills, {}, (t, n, i) => addTo(t.fills, Number(cubes.fills.columns.days![i]), n));
  counted(cubes.hires, {}, (t, n) => (t.hires += n));
  counted(cubes.offers, {}, (t, n, i) => {
    const status = cubes.offers.columns.status![i];
    if (status === 'accepted') t.accepted += n;
    else if (status === 'declined') t.declined += n;
  });
  counted(cubes.funnel, {}, (t, n, i) => (t.reachedAt[Number(cubes.funnel.columns.furthest![i])]! += n));
  counted(cubes.funnel, { period: false }, (t, n, i) => {
    if (cubes.funnel.columns.status![i] === 'active') t.active += n;
  });
  return [...tallies.entries()]
    .sort(([a], [b]) => Number(a === unassignedOwner) - Number(b === unassignedOwner) || a.localeCompare(b))
    .map(([owner, t]) => {
      const reached = stageKeys.map((_, index) => t.reachedAt.slice(index + 1).reduce((a, b) => a + b, 0));
      const oar = ownerRate(t.accepted, t.accepted + t.declined);
      return {
        owner,
        openOpenings: t.open,
        hires: t.hires,
        filled: histogramSize(t.fills),
        medianTimeToFillDays: quantile(t.fills, 0.5),
        offerAcceptance: { accepted: t.accepted, declined: t.declined, ...oar, ci95: oar.tooFew ? null : wilson(t.accepted, t.accepted + t.declined) },
        passThrough: stageKeys.slice(0, -1).map((stage, index) => ({ stage, reached: reached[index]!, advanced: reached[index + 1]!, ...ownerRate(reached[index + 1]!, reached[index]!) })),
        activeLoad: t.active,
      };
    });
}
