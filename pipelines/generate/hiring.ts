/**
 * Hiring data for one job at a time: its openings, applications, stage history and offers, written
 * straight to the CSV writers so memory stays flat at any scale. Each opening's story is decided first
 * (filled after a regional time to fill, or cancelled), then told through its candidates, then censored
 * at the end of the history window: anything after `end` has not happened yet.
 */
import type { Source } from './company.ts';
import {
  CANCEL_REASONS,
  FILL_MEDIAN_DAYS,
  FX_USD_PER_UNIT,
  LEVEL_PROFILES,
  PAY_BANDS_USD,
  SOURCES,
} from './company.ts';
import type { Application, CloseKind, InterviewPlan, OfferAttempt, OfferTerms } from './candidates.ts';
import {
  buildOfferAttempt,
  firstOfferCreated,
  makePlan,
  newApplication,
  placeAttempt,
  routeThrough,
  settleAttempt,
  simulateApplicant,
} from './candidates.ts';
import { csvField } from './csv.ts';
import type { CsvWriter } from './csv.ts';
import type { JobPlan } from './jobs.ts';
import { declineReasonsFor, ownersFor } from './owners.ts';
import type { Rng } from './random.ts';
import { Choice, rngFor } from './random.ts';
import { atWork, dayOf, formatDay, formatInstant, formatMaybe, workDaysAfter } from './time.ts';

export interface HiringWriters {
  jobs: CsvWriter;
  openings: CsvWriter;
  applications: CsvWriter;
  stages: CsvWriter;
  offers: CsvWriter;
}

/** Running id counters shared by all jobs (ids are sequential in output order). */
export interface HiringCounters {
  opening: number;
  application: number;
  offer: number;
  candidate: number;
}

export interface HiringWindow {
  endDay: number;
  /** First minute after the window (exclusive bound). */
  endT: number;
}

interface Opening {
  opened: number;
  closed: number;
  reason: string;
  hire: Application | null;
}

const CANCEL_RATE = 0.11;
/** Share of filled openings' offer attempts rescinded by the company (failed checks and the like). */
const RESCIND_RATE = 0.015;
const MAX_ATTEMPTS = 5;
const REPEAT_CANDIDATE_RATE = 0.05;
const cancelReasons = new Choice(CANCEL_REASONS);

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function offerTermsFor(job: JobPlan): OfferTerms {
  const [low, high] = PAY_BANDS_USD[job.level][job.office.region];
  const factor = job.office.payFactor * job.department.payFactor;
  return {
    region: job.office.region,
    currency: job.office.currency,
    usdPerUnit: FX_USD_PER_UNIT[job.office.currency] ?? 1,
    lowUsd: low * factor,
    highUsd: high * factor,
  };
}

class JobContext {
  readonly job: JobPlan;
  readonly rng: Rng;
  readonly plan: InterviewPlan;
  readonly terms: OfferTerms;
  readonly sources: Choice<Source>;
  readonly offerSources: Choice<Source>;
  readonly counters: HiringCounters;
  readonly firstCandidate: number;
  readonly repeatCandidates = new Set<number>();

  constructor(job: JobPlan, seed: number, counters: HiringCounters) {
    this.job = job;
    this.rng = rngFor(seed, 'job', job.index);
    this.plan = makePlan(job.department, this.rng);
    this.terms = offerTermsFor(job);
    this.sources = new Choice(SOURCES.map((s, i) => [s, job.sourceWeights[i] ?? 0] as const));
    this.offerSources = new Choice(SOURCES.map((s, i) => [s, (job.sourceWeights[i] ?? 0) * s.hireWeight] as const));
    this.counters = counters;
    this.firstCandidate = counters.candidate + 1;
  }

  /** A new candidate, or now and then one who applied to an earlier job. */
  candidate(): string {
    const rng = this.rng;
    if (this.firstCandidate > 1 && rng.chance(REPEAT_CANDIDATE_RATE)) {
      const earlier = rng.int(1, this.firstCandidate - 1);
      if (!this.repeatCandidates.has(earlier)) {
        this.repeatCandidates.add(earlier);
        return `cand-${pad(earlier, 7)}`;
      }
    }
    return `cand-${pad(++this.counters.candidate, 7)}`;
  }

  attempt(): OfferAttempt {
    const app = newApplication(this.candidate(), this.offerSources.pick(this.rng), -1);
    return buildOfferAttempt(app, this.plan, this.terms, this.rng);
  }
}

/** Decides one opening's story and creates its applications (still uncensored). */
function generateOpening(ctx: JobContext, openDay: number, window: HiringWindow, apps: Application[]): Opening {
  const { rng, job } = ctx;
  const opened = atWork(openDay, rng);
  const applicants = Math.max(4, Math.round(rng.logNormal(20.5, 0.3)));
  const attempts: OfferAttempt[] = [];
  let closeAt: number;
  let closeKind: CloseKind;
  let hire: Application | null = null;
  let reason: string;

  if (rng.chance(CANCEL_RATE)) {
    closeKind = 'cancelled';
    reason = cancelReasons.pick(rng);
    closeAt = workDaysAfter(opened, Math.min(200, Math.max(7, Math.round(rng.logNormal(40, 0.5)))), rng);
    if (rng.chance(0.22)) {
      // An offer was out when the req was cancelled: accepted ones are rescinded, others were declined earlier.
      const attempt = ctx.attempt();
      const rescind = attempt.accepts;
      const target = rescind ? dayOf(closeAt) : dayOf(closeAt) - rng.int(3, 20);
      if (placeAttempt(attempt, target, opened, false, rng)) {
        if (rescind) closeAt = Math.max(closeAt, attempt.resolved);
        settleAttempt(attempt, rescind ? 'rescinded' : 'declined', window.endT, rng);
        attempts.push(attempt);
      }
    }
  } else {
    closeKind = 'filled';
    reason = 'Hired';
    const hardToFill = rng.chance(0.08) ? 1.9 : 1;
    const days = Math.max(
      12,
      Math.round(FILL_MEDIAN_DAYS[job.office.region] * LEVEL_PROFILES[job.level].fillFactor * rng.logNormal(1, 0.3) * hardToFill),
    );
    const outcomes: ('accepted' | 'declined' | 'rescinded')[] = [];
    for (let k = 0; k < MAX_ATTEMPTS; k++) {
      const attempt = ctx.attempt();
      const lastChance = k === MAX_ATTEMPTS - 1;
      const outcome = !lastChance && rng.chance(RESCIND_RATE) ? 'rescinded' : attempt.accepts || lastChance ? 'accepted' : 'declined';
      attempts.push(attempt);
      outcomes.push(outcome);
      if (outcome === 'accepted') break;
    }
    // Place backward from the fill date: the accepted offer resolves then, earlier attempts before it.
    const last = attempts.length - 1;
    placeAttempt(attempts[last] as OfferAttempt, openDay + days, opened, true, rng);
    let first = 0;
    for (let k = last - 1; k >= 0; k--) {
      const next = attempts[k + 1] as OfferAttempt;
      const target = dayOf(firstOfferCreated(next)) - rng.int(0, 3);
      if (!placeAttempt(attempts[k] as OfferAttempt, target, opened, false, rng)) {
        first = k + 1;
        break;
      }
    }
    attempts.splice(0, first);
    outcomes.splice(0, first);
    attempts.forEach((a, k) => settleAttempt(a, outcomes[k] ?? 'declined', window.endT, rng));
    const accepted = attempts[attempts.length - 1] as OfferAttempt;
    hire = accepted.app;
    closeAt = accepted.resolved;
  }
  for (const a of attempts) apps.push(a.app);

  // Everyone else: applications arrive while the opening is open, front-loaded.
  const others = Math.max(1, applicants - attempts.length);
  const lastApply = closeAt - 2 * 1440 > opened + 1440 ? closeAt - 2 * 1440 : opened + Math.max(60, Math.floor((closeAt - opened) / 2));
  for (let i = 0; i < others; i++) {
    const applied = opened + Math.floor((lastApply - opened) * rng.next() ** 1.8);
    const app = newApplication(ctx.candidate(), ctx.sources.pick(rng), applied);
    simulateApplicant(app, routeThrough(ctx.plan, rng), closeAt, closeKind, rng);
    apps.push(app);
  }

  let closed = closeAt;
  if (hire) {
    closed = workDaysAfter(closeAt, rng.int(0, 3), rng);
    if (closed >= window.endT) closed = closeAt;
  }
  return { opened, closed, reason, hire };
}

/** Cuts an application at the end of the window; false when it had not even been submitted yet. */
function censorApplication(app: Application, endT: number, endDay: number): boolean {
  if (app.applied >= endT) return false;
  const stays = app.stays;
  let kept = 0;
  while (kept < stays.length && (stays[kept]?.entered ?? endT) < endT) kept++;
  stays.length = kept;
  const current = stays[kept - 1];
  if (current && current.exited >= endT) current.exited = -1;
  if (app.status !== 'active' && app.closedAt >= endT) {
    app.status = 'active';
    app.closedAt = -1;
    app.rejectionType = '';
    app.reason = '';
  }
  if (app.offers.length > 0) {
    app.offers = app.offers.filter((o) => o.created < endT);
    for (const offer of app.offers) {
      if (offer.sent >= endT) offer.sent = -1;
      if (offer.resolved >= endT) {
        offer.status = 'pending';
        offer.resolved = -1;
      }
      if (offer.status !== 'accepted' || offer.startDay > endDay) offer.startDay = -1;
    }
    // A first version is only "deprecated" once its replacement exists.
    const only = app.offers[0];
    if (app.offers.length === 1 && only && only.status === 'deprecated') only.status = 'pending';
  }
  return true;
}

/** Generates, censors and writes everything about one job. */
export function generateJob(job: JobPlan, seed: number, window: HiringWindow, writers: HiringWriters, counters: HiringCounters): void {
  const ctx = new JobContext(job, seed, counters);
  const rng = ctx.rng;
  const generated: Application[] = [];
  const openings: Opening[] = [];
  for (let o = 0; o < job.openings; o++) {
    const openDay = o === 0 ? job.openDay : Math.min(window.endDay, job.openDay + rng.int(0, 60));
    openings.push(generateOpening(ctx, openDay, window, generated));
  }

  const apps = generated.filter((a) => censorApplication(a, window.endT, window.endDay));
  apps.sort((a, b) => a.applied - b.applied);
  const offers: { appId: string; offer: Application['offers'][number]; reason: string }[] = [];
  for (const app of apps) {
    app.id = `app-${pad(++counters.application, 7)}`;
    for (const offer of app.offers) offers.push({ appId: app.id, offer, reason: app.reason });
    writers.applications.line(
      `${app.id},${job.id},${formatInstant(app.applied)},${app.candidate},${app.source.name},${app.source.type},${app.status},` +
        `${app.status === 'rejected' ? formatInstant(app.closedAt) : ''},${app.rejectionType},${csvField(app.reason)},` +
        `${app.status === 'hired' ? formatInstant(app.closedAt) : ''}`,
    );
    for (const stay of app.stays) {
      writers.stages.line(`${app.id},${csvField(stay.name)},${formatInstant(stay.entered)},${formatMaybe(stay.exited)}`);
    }
  }

  offers.sort((a, b) => a.offer.created - b.offer.created);
  const currency = job.office.currency;
  const declineReason = declineReasonsFor(seed, job.index);
  for (const { appId, offer, reason } of offers) {
    writers.offers.line(
      `ofr-${pad(++counters.offer, 7)},${appId},${offer.status},${offer.version},${formatInstant(offer.created)},` +
        `${formatMaybe(offer.sent)},${formatMaybe(offer.resolved)},${offer.startDay < 0 ? '' : formatDay(offer.startDay)},` +
        `${offer.salary},${currency},${offer.status === 'declined' ? csvField(declineReason(reason)) : ''}`,
    );
  }

  let open = false;
  let jobOpened = Infinity;
  let jobClosed = -1;
  for (const opening of openings) {
    const isOpen = opening.closed >= window.endT;
    open ||= isOpen;
    jobOpened = Math.min(jobOpened, opening.opened);
    jobClosed = Math.max(jobClosed, opening.closed);
    const hireId = !isOpen && opening.hire ? opening.hire.id : '';
    writers.openings.line(
      `opn-${pad(++counters.opening, 6)},${job.id},${formatInstant(opening.opened)},` +
        `${isOpen ? '' : formatInstant(opening.closed)},${isOpen ? '' : csvField(opening.reason)},${hireId}`,
    );
  }
  const owners = ownersFor(seed, job.index, job.department);
  writers.jobs.line(
    `${job.id},${csvField(job.title)},${csvField(job.department.name)},${job.department.family},${csvField(job.levelLabel)},` +
      `${csvField(job.office.city)},${job.office.country},${open ? 'open' : 'closed'},${formatInstant(jobOpened)},` +
      `${open ? '' : formatInstant(jobClosed)},${csvField(owners.recruiter)},${csvField(owners.hiringManager)}`,
  );
}
