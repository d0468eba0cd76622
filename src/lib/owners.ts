/**
 * Owner views (issue 18) over the owners cube (snapshot/cube_owners.sql), per recruiter or per hiring
 * manager: the figures of `hirescope owners` (pipelines/sql/owners/) after the filters. A rate on fewer
 * than minRateEvents events is "too few". Under privacy.owners "hide" the cube is empty: no rows.
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

/** Per owner of this kind: the owner table's figures under the filters, owners by name (Unassigned last). */
export function ownerViews(owners: Cube, filters: SiteFilters, kind: OwnerKind): OwnerView[] {
  const tallies = new Map<string, Tally>();
  const { measure, value, count } = owners.columns;
  for (const i of filterRows(owners, filters)) {
    const name = owners.columns[kind]![i];
    const owner = name === null || name === undefined ? unassignedOwner : String(name);
    let t = tallies.get(owner);
    if (!t) tallies.set(owner, (t = { open: 0, hires: 0, fills: new Map(), accepted: 0, declined: 0, reachedAt: new Array(7).fill(0) as number[], active: 0 }));
    const n = Number(count![i]);
    const v = Number(value![i]);
    switch (measure![i]) {
      case 'open': t.open += n; break;
      case 'hire': t.hires += n; break;
      case 'fill': addTo(t.fills, v, n); break;
      case 'accepted': t.accepted += n; break;
      case 'declined': t.declined += n; break;
      case 'reached': t.reachedAt[v]! += n; break;
      case 'active': t.active += n; break;
    }
  }
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
