/**
 * One application's journey: the interview plan of its job, the stays it goes through, and — for the few
 * candidates who get that far — the offer. Times are minutes (see time.ts); -1 means "none".
 *
 * Two builders: applicants who never get an offer are simulated forward from their application until
 * they are rejected, withdraw, or the opening closes; offer candidates are built backward from the offer,
 * because the opening's fill date (drawn from the regional time-to-fill) fixes when the offer resolves.
 */
import type { Department, Region, Source, StageGroup } from './company.ts';
import { ACCEPT_BASE, DECLINE_REASONS, REJECT_REASONS, WITHDRAW_REASONS, roundSalary } from './company.ts';
import type { Rng } from './random.ts';
import { Choice } from './random.ts';
import { atWork, dayOf, workDaysAfter, workDaysBefore } from './time.ts';

export type StageKind = 'applied' | StageGroup | 'culture';

export interface StageNode {
  name: string;
  kind: StageKind;
  /** Chance to move on from this stay (before the candidate-quality adjustment). */
  pass: number;
  /** Of those who do not move on, the share who withdraw (the rest are rejected). */
  withdrawShare: number;
  medianDays: number;
  sigma: number;
  /** The last onsite round: only offer candidates move on from it. */
  final: boolean;
}

export interface InterviewPlan {
  nodes: readonly StageNode[];
  firstTechnical: number;
  firstOnsite: number;
  /** A technical round a few candidates are sent back to after their first onsite round. */
  backMove: StageNode | null;
}

export interface Stay {
  name: string;
  entered: number;
  exited: number;
}

export type ApplicationStatus = 'active' | 'rejected' | 'hired';
export type RejectionType = '' | 'rejected' | 'withdrew' | 'other';
export type OfferStatus = 'accepted' | 'declined' | 'pending' | 'rescinded' | 'deprecated';

export interface Offer {
  version: number;
  status: OfferStatus;
  created: number;
  sent: number;
  resolved: number;
  startDay: number;
  salary: number;
}

export interface Application {
  id: string;
  applied: number;
  candidate: string;
  source: Source;
  stays: Stay[];
  status: ApplicationStatus;
  /** rejected_at or hired_at. */
  closedAt: number;
  rejectionType: RejectionType;
  reason: string;
  offers: Offer[];
}

export type CloseKind = 'filled' | 'cancelled';

const CULTURE_CHAT: StageNode = {
  name: 'Culture Chat', kind: 'culture', pass: 0.95, withdrawShare: 0.5, medianDays: 2, sigma: 0.5, final: false,
};
/** About 2% of stays are the unmapped "Culture Chat" (DESIGN §2 keeps unmapped names and reports them). */
const CULTURE_CHAT_RATE = 0.04;
const SKIP_TECHNICAL_RATE = 0.03;
const BACK_MOVE_RATE = 0.02;

function node(name: string, kind: StageKind, round: number, final = false): StageNode {
  switch (kind) {
    case 'applied':
      return { name, kind, pass: 0.84, withdrawShare: 0.12, medianDays: 2, sigma: 0.8, final };
    case 'screen':
      return { name, kind, pass: round === 0 ? 0.88 : 0.93, withdrawShare: 0.3, medianDays: 2.5, sigma: 0.6, final };
    case 'technical':
      return { name, kind, pass: round === 0 ? 0.82 : 0.9, withdrawShare: 0.35, medianDays: 4, sigma: 0.5, final };
    default:
      return { name, kind, pass: 0.91, withdrawShare: final ? 0.15 : 0.3, medianDays: 2.5, sigma: 0.6, final };
  }
}

/** The job's interview plan: one screen, technical and onsite variant of its department. */
export function makePlan(department: Department, rng: Rng): InterviewPlan {
  const screen = rng.pick(department.plans.screen);
  const technical = rng.pick(department.plans.technical);
  const onsite = rng.pick(department.plans.onsite);
  const nodes: StageNode[] = [node('Application Review', 'applied', 0)];
  screen.forEach((n, i) => nodes.push(node(n, 'screen', i)));
  const firstTechnical = nodes.length;
  technical.forEach((n, i) => nodes.push(node(n, 'technical', i)));
  const firstOnsite = nodes.length;
  onsite.forEach((n, i) => nodes.push(node(n, 'onsite', i, i === onsite.length - 1)));
  const lastTechnical = technical[technical.length - 1];
  return {
    nodes,
    firstTechnical,
    firstOnsite,
    backMove: lastTechnical === undefined ? null : { ...node(lastTechnical, 'technical', 1), pass: 0.8 },
  };
}

/** One candidate's route through the plan: a few skip the technical stage, a few are sent back to it. */
export function routeThrough(plan: InterviewPlan, rng: Rng): StageNode[] {
  const route: StageNode[] = [];
  const skipTechnical = plan.firstOnsite > plan.firstTechnical && rng.chance(SKIP_TECHNICAL_RATE);
  for (let i = 0; i < plan.nodes.length; i++) {
    if (skipTechnical && i >= plan.firstTechnical && i < plan.firstOnsite) continue;
    if (i >= 2 && rng.chance(CULTURE_CHAT_RATE)) route.push(CULTURE_CHAT);
    route.push(plan.nodes[i] as StageNode);
    if (i === plan.firstOnsite && plan.backMove && rng.chance(BACK_MOVE_RATE)) route.push(plan.backMove);
  }
  return route;
}

const withdrawReasons = new Choice(WITHDRAW_REASONS);
const rejectReasons = {
  applied: new Choice(REJECT_REASONS.applied),
  screen: new Choice(REJECT_REASONS.screen),
  technical: new Choice(REJECT_REASONS.technical),
  onsite: new Choice(REJECT_REASONS.onsite),
  culture: new Choice(REJECT_REASONS.onsite),
} as const;
const declineReasons = new Choice(DECLINE_REASONS);

export function newApplication(candidate: string, source: Source, applied: number): Application {
  return {
    id: '',
    applied,
    candidate,
    source,
    stays: [],
    status: 'active',
    closedAt: -1,
    rejectionType: '',
    reason: '',
    offers: [],
  };
}

function close(app: Application, at: number, type: RejectionType, reason: string): void {
  app.status = 'rejected';
  app.closedAt = at;
  app.rejectionType = type;
  app.reason = reason;
}

/**
 * Forward simulation of an applicant who will not get an offer: stay by stay they move on, are rejected or
 * withdraw, by the source's quality; whoever is still in process when the opening closes is rejected then.
 */
export function simulateApplicant(
  app: Application,
  route: readonly StageNode[],
  closeAt: number,
  closeKind: CloseKind,
  rng: Rng,
): void {
  const quality = app.source.quality;
  let t = app.applied;
  for (const stage of route) {
    const days = Math.round(rng.logNormal(stage.medianDays, stage.sigma));
    const exit = workDaysAfter(t, days, rng);
    if (exit >= closeAt) {
      const at = Math.max(workDaysAfter(closeAt, rng.int(0, 2), rng), t + 1);
      app.stays.push({ name: stage.name, entered: t, exited: at });
      if (closeKind === 'filled') close(app, at, 'rejected', 'Position filled');
      else close(app, at, 'other', 'Position cancelled');
      return;
    }
    app.stays.push({ name: stage.name, entered: t, exited: exit });
    if (stage.kind === 'applied' && rng.chance(0.006)) return close(app, exit, 'other', 'Duplicate application');
    const pass = stage.final ? 0 : 1 - (1 - stage.pass) / quality;
    if (rng.next() < pass) {
      t = exit;
      continue;
    }
    if (rng.chance(stage.withdrawShare)) close(app, exit, 'withdrew', withdrawReasons.pick(rng));
    else close(app, exit, 'rejected', rejectReasons[stage.kind].pick(rng));
    return;
  }
}

/** What an offer for this job looks like: band in USD (location- and family-adjusted) and currency. */
export interface OfferTerms {
  region: Region;
  currency: string;
  usdPerUnit: number;
  lowUsd: number;
  highUsd: number;
}

export interface OfferAttempt {
  app: Application;
  route: StageNode[];
  /** End of the last onsite stay; the Offer stay starts here. */
  lastOnsiteExit: number;
  resolved: number;
  /** The candidate's decision (the opening may still override it: forced accept, rescind). */
  accepts: boolean;
  belowBand: boolean;
}

/**
 * An offer attempt on a relative clock (placeAttempt shifts it into place). Acceptance follows the seed
 * article: healthy near 85%, lower when the offer is sent more than 2 days after the final interview or
 * below the band; a renegotiated (version 2) offer is accepted a little more often.
 */
export function buildOfferAttempt(app: Application, plan: InterviewPlan, terms: OfferTerms, rng: Rng): OfferAttempt {
  const lastOnsiteExit = atWork(0, rng);
  const delay = rng.chance(0.74) ? rng.int(0, 2) : rng.int(3, 10);
  const twoVersions = rng.chance(0.15);
  const usd = ((terms.lowUsd + terms.highUsd) / 2) * rng.logNormal(0.97, 0.1);
  const belowBand = usd < terms.lowUsd;
  const salary = roundSalary(usd / terms.usdPerUnit);
  // Drafts are created shortly before they are sent (the delay is the recruiter's, not the paperwork's).
  const draft = (sent: number): number => Math.max(lastOnsiteExit + 1, sent - rng.int(10, 600));
  let finalSent: number;
  if (twoVersions) {
    const gap = rng.int(1, 4);
    const sent1 = workDaysAfter(lastOnsiteExit, Math.max(0, delay - gap), rng);
    const created1 = draft(sent1);
    const created2 = workDaysAfter(sent1, gap, rng);
    finalSent = created2 + rng.int(10, 240);
    const first = roundSalary(salary / rng.uniform(1.03, 1.08));
    app.offers.push({ version: 1, status: 'deprecated', created: created1, sent: sent1, resolved: -1, startDay: -1, salary: first });
    app.offers.push({ version: 2, status: 'pending', created: created2, sent: finalSent, resolved: -1, startDay: -1, salary });
  } else {
    finalSent = workDaysAfter(lastOnsiteExit, delay, rng);
    app.offers.push({ version: 1, status: 'pending', created: draft(finalSent), sent: finalSent, resolved: -1, startDay: -1, salary });
  }
  const speedDays = dayOf(finalSent) - dayOf(lastOnsiteExit);
  const p =
    ACCEPT_BASE[terms.region] +
    app.source.acceptShift +
    (speedDays <= 2 ? 0.03 : -0.12) +
    (belowBand ? -0.25 : 0) +
    (twoVersions ? 0.04 : 0);
  const accepts = rng.chance(Math.min(0.98, Math.max(0.2, p)));
  const responseDays = accepts
    ? Math.min(10, Math.round(rng.logNormal(2, 0.6)))
    : Math.min(14, Math.max(1, Math.round(rng.logNormal(4, 0.6))));
  const resolved = workDaysAfter(finalSent, responseDays, rng);
  const live = app.offers[app.offers.length - 1] as Offer;
  live.resolved = resolved;
  return { app, route: routeThrough(plan, rng), lastOnsiteExit, resolved, accepts, belowBand };
}

function shiftAttempt(attempt: OfferAttempt, minutes: number): void {
  attempt.lastOnsiteExit += minutes;
  attempt.resolved += minutes;
  for (const offer of attempt.app.offers) {
    offer.created += minutes;
    offer.sent += minutes;
    if (offer.resolved >= 0) offer.resolved += minutes;
  }
}

/** The earliest instant of the attempt's offer phase. */
export function firstOfferCreated(attempt: OfferAttempt): number {
  return (attempt.app.offers[0] as Offer).created;
}

/**
 * Moves the attempt so its offer resolves on `resolvedDay` and builds the interview stays backward from
 * the last onsite round, squeezed after `opened` when they would start before it. Returns false (and
 * leaves the attempt unusable) when the offer phase itself does not fit, unless `force`, which then moves
 * it later instead (a filled opening must keep its hire).
 */
export function placeAttempt(attempt: OfferAttempt, resolvedDay: number, opened: number, force: boolean, rng: Rng): boolean {
  let shiftDays = resolvedDay - dayOf(attempt.resolved);
  const earliest = dayOf(opened) + 2 - dayOf(attempt.lastOnsiteExit);
  if (shiftDays < earliest) {
    if (!force) return false;
    shiftDays = earliest;
  }
  shiftAttempt(attempt, shiftDays * 1440);
  const end = attempt.lastOnsiteExit;
  const stays: Stay[] = new Array<Stay>(attempt.route.length);
  let exit = end;
  for (let i = attempt.route.length - 1; i >= 0; i--) {
    const stage = attempt.route[i] as StageNode;
    const entered = workDaysBefore(exit, Math.round(rng.logNormal(stage.medianDays * 0.9, stage.sigma)), rng);
    stays[i] = { name: stage.name, entered, exited: exit };
    exit = entered;
  }
  const start = exit;
  const floor = opened + Math.min(1440, Math.max(30, Math.floor((end - opened) / 6)));
  if (start < floor) {
    // Squeeze the interview stays linearly into [floor, end]: order is kept, the process just ran faster.
    const factor = (end - floor) / (end - start);
    for (const stay of stays) {
      stay.entered = floor + Math.round((stay.entered - start) * factor);
      stay.exited = floor + Math.round((stay.exited - start) * factor);
    }
  }
  attempt.app.stays = stays;
  attempt.app.applied = (stays[0] as Stay).entered;
  return true;
}

/** Records the opening's final word on an attempt: the offer's status and the application's outcome. */
export function settleAttempt(attempt: OfferAttempt, outcome: 'accepted' | 'declined' | 'rescinded', endT: number, rng: Rng): void {
  const app = attempt.app;
  const live = app.offers[app.offers.length - 1] as Offer;
  live.status = outcome;
  live.resolved = attempt.resolved;
  let closedAt = attempt.resolved;
  if (outcome === 'accepted') {
    live.startDay = dayOf(attempt.resolved) + rng.int(14, 45);
    closedAt = workDaysAfter(attempt.resolved, rng.int(0, 1), rng);
    if (closedAt >= endT) closedAt = attempt.resolved;
    app.status = 'hired';
    app.closedAt = closedAt;
  } else if (outcome === 'declined') {
    const reason = attempt.belowBand && rng.chance(0.6) ? 'Compensation expectations' : declineReasons.pick(rng);
    close(app, closedAt, 'withdrew', reason);
  } else {
    close(app, closedAt, 'other', 'Offer rescinded');
  }
  app.stays.push({ name: 'Offer', entered: attempt.lastOnsiteExit, exited: closedAt });
}
