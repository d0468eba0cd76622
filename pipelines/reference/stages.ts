/**
 * Default vendor stage name -> canonical stage key mapping (DESIGN §2). Matching is case-insensitive, so
 * each name appears once regardless of case. Names are written as a human would type them.
 *
 * Deliberately NOT mapped: "Culture Chat" (our example of an unmapped stage), and outcome states that
 * are not stages ("Rejected", "Archived", "Disqualified", "Withdrawn"): vendor adapters turn those into
 * application status / rejection_type instead.
 */

import { stageKeys, stageLabels, type StageKey } from '../contract/stages.ts';

export const STAGE_KEYS = stageKeys;
export type { StageKey };
export const STAGE_DISPLAY = stageLabels;

const DESIGN = 'hirescope default (DESIGN §2)';
const vendor = (v: string): string => `hirescope default (common ${v} stage name)`;
const LEVER = vendor('Lever');
const ASHBY = vendor('Ashby');
const WORKABLE = vendor('Workable');
const LEVER_ASHBY = vendor('Lever/Ashby');
const GREENHOUSE_LEVER = vendor('Greenhouse/Lever');
const GREENHOUSE = vendor('Greenhouse');
/** Names in wide use across ATS pipelines that are not tied to one vendor's default template. */
const ATS = vendor('ATS');

export interface StageRow {
  name: string;
  stage: StageKey;
  source: string;
}

const row = (name: string, stage: StageKey, source: string): StageRow => ({ name, stage, source });

export const STAGE_ROWS: readonly StageRow[] = [
  // applied: the key, its display name, sourcing ("lead") stages and application review.
  row('Applied', 'applied', DESIGN), // the key itself (also Workable's first stage)
  row('Application Review', 'applied', DESIGN),
  row('New Applicant', 'applied', LEVER),
  row('New Lead', 'applied', LEVER_ASHBY),
  row('Lead', 'applied', ASHBY),
  row('Reached Out', 'applied', LEVER_ASHBY),
  row('Responded', 'applied', LEVER),
  row('Replied', 'applied', ASHBY),
  row('Sourced', 'applied', WORKABLE),
  row('Application', 'applied', ATS),
  row('Resume Review', 'applied', ATS),
  row('CV Review', 'applied', ATS),

  // screen
  row('Screen', 'screen', DESIGN),
  row('Preliminary Phone Screen', 'screen', DESIGN),
  row('Recruiter Screen', 'screen', DESIGN),
  row('Phone Screen', 'screen', WORKABLE),
  row('Phone Interview', 'screen', GREENHOUSE_LEVER),
  row('Recruiter Phone Screen', 'screen', ATS),
  row('Preliminary Screen', 'screen', ATS),
  row('Initial Screen', 'screen', ATS),
  row('Screening', 'screen', ATS),
  row('Screening Call', 'screen', ATS),
  row('Intro Call', 'screen', ATS),
  row('Hiring Manager Screen', 'screen', ATS),
  row('Hiring Manager Review', 'screen', ATS),
  row('Hiring Manager Interview', 'screen', ATS),

  // technical
  row('Technical', 'technical', DESIGN),
  row('Take Home Test', 'technical', DESIGN),
  row('Coding Interview', 'technical', DESIGN),
  row('Take-Home Test', 'technical', ATS),
  row('Take Home Assignment', 'technical', ATS),
  row('Take-Home Assignment', 'technical', ATS),
  row('Technical Interview', 'technical', ATS),
  row('Technical Screen', 'technical', ATS),
  row('Technical Phone Screen', 'technical', ATS),
  row('Technical Assessment', 'technical', ATS),
  row('Assessment', 'technical', WORKABLE),
  row('Skills Assessment', 'technical', ATS),
  row('Online Assessment', 'technical', ATS),
  row('Coding Challenge', 'technical', ATS),
  row('Coding Exercise', 'technical', ATS),
  row('Pair Programming', 'technical', ATS),

  // onsite: the final interview loop, including reference checks (they happen after the loop and
  // before the offer).
  row('Onsite', 'onsite', DESIGN),
  row('Face to Face', 'onsite', DESIGN),
  row('Final Interview', 'onsite', DESIGN),
  row('System Design', 'onsite', DESIGN),
  row('Face-to-Face', 'onsite', ATS),
  row('On-site', 'onsite', ATS),
  row('Onsite Interview', 'onsite', ATS),
  row('On-site Interview', 'onsite', LEVER),
  row('Virtual Onsite', 'onsite', ATS),
  row('Panel Interview', 'onsite', ATS),
  row('Final Round', 'onsite', ATS),
  row('Team Interview', 'onsite', ATS),
  row('Executive Interview', 'onsite', ATS),
  row('Interview', 'onsite', WORKABLE),
  row('Reference Check', 'onsite', GREENHOUSE),
  row('Reference Checks', 'onsite', LEVER),

  // offer
  row('Offer', 'offer', DESIGN),
  row('Offer Extended', 'offer', ATS),
  row('Offer Sent', 'offer', ATS),
  row('Offer Approval', 'offer', ATS),
  row('Offer Accepted', 'offer', ATS),

  // hired
  row('Hired', 'hired', DESIGN),
];

/** The rows to publish, in stage order then declaration order. Throws on a case-insensitive duplicate. */
export function stageMapRows(): StageRow[] {
  const seen = new Set<string>();
  const out: StageRow[] = [];
  for (const key of STAGE_KEYS) {
    for (const r of STAGE_ROWS) {
      if (r.stage !== key) continue;
      const k = r.name.toLowerCase();
      if (seen.has(k)) throw new Error(`stage_map: duplicate name (case-insensitive): ${r.name}`);
      seen.add(k);
      out.push(r);
    }
  }
  return out;
}
