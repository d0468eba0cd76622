/**
 * Default level aliases (DESIGN §2): free-text levels -> canonical keys. Matching is case-insensitive;
 * each alias appears once regardless of case. "Intern" is deliberately not mapped (intern pay is not an
 * entry-level salary; an unmapped level is reported rather than silently mixed into the entry band).
 */
import { levelKeys, type LevelKey } from '../contract/dimensions.ts';

const DESIGN = 'hirescope default (DESIGN §2)';
const COMMON = 'hirescope default (common level name)';
const SEED =
  "Seed article 'How to Hire a Backend Engineer in 2026' (Staff/Principal row), filed under staff";
const SURVEY = 'ai-jobs.net salary survey experience_level code';
const L_LADDER = 'hirescope default (DESIGN §2, L3..L7 ladder)';
const IC_LADDER = 'hirescope default (DESIGN §2, IC1..IC6 ladder)';

export interface LevelRow {
  alias: string;
  level: LevelKey;
  source: string;
}

const row = (alias: string, level: LevelKey, source: string): LevelRow => ({ alias, level, source });

export const LEVEL_ROWS: readonly LevelRow[] = [
  // each key maps to itself
  ...levelKeys.map((k) => row(k, k, DESIGN)),

  row('Junior', 'entry', DESIGN),
  row('Jr', 'entry', COMMON),
  row('Jr.', 'entry', COMMON),
  row('Entry-Level', 'entry', COMMON),
  row('Entry Level', 'entry', COMMON),
  row('Associate', 'entry', COMMON),
  row('Graduate', 'entry', COMMON),
  row('New Grad', 'entry', COMMON),

  row('Mid-Level', 'mid', DESIGN),
  row('Mid Level', 'mid', COMMON),
  row('Intermediate', 'mid', COMMON),

  row('Sr.', 'senior', DESIGN),
  row('Sr', 'senior', COMMON),
  row('Snr', 'senior', COMMON),

  row('Staff/Principal', 'staff', SEED),
  row('Senior Staff', 'staff', COMMON),
  row('Lead', 'staff', COMMON),

  row('Distinguished', 'principal', COMMON),
  row('Fellow', 'principal', COMMON),

  row('Director', 'executive', COMMON),
  row('Senior Director', 'executive', COMMON),
  row('VP', 'executive', COMMON),
  row('Vice President', 'executive', COMMON),
  row('SVP', 'executive', COMMON),
  row('Head of', 'executive', COMMON),
  row('C-level', 'executive', COMMON),
  row('C-suite', 'executive', COMMON),
  row('CxO', 'executive', COMMON),

  row('L3', 'entry', L_LADDER),
  row('L4', 'mid', L_LADDER),
  row('L5', 'senior', L_LADDER),
  row('L6', 'staff', L_LADDER),
  row('L7', 'principal', L_LADDER),

  row('IC1', 'entry', IC_LADDER),
  row('IC2', 'mid', IC_LADDER),
  row('IC3', 'senior', IC_LADDER),
  row('IC4', 'staff', IC_LADDER),
  row('IC5', 'principal', IC_LADDER),
  row('IC6', 'principal', IC_LADDER),

  row('EN', 'entry', SURVEY),
  row('MI', 'mid', SURVEY),
  row('SE', 'senior', SURVEY),
  row('EX', 'executive', SURVEY),
];

/** The rows to publish, in declaration order. Throws on a case-insensitive duplicate alias. */
export function levelAliasRows(): LevelRow[] {
  const seen = new Set<string>();
  for (const r of LEVEL_ROWS) {
    const k = r.alias.toLowerCase();
    if (seen.has(k)) throw new Error(`level_aliases: duplicate alias (case-insensitive): ${r.alias}`);
    seen.add(k);
  }
  return [...LEVEL_ROWS];
}
