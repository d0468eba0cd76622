/**
 * Issue 18: who owns each job (its recruiter and hiring manager) and why a declined offer was declined.
 * Owners are staff in their work role: a fixed pool of names per recruiting team and per department, so
 * the same people own many jobs (the owner tables have something to compare). Every draw comes from its
 * own labelled stream (`owners`, `decline-reasons`), so every column generated before them is unchanged.
 */
import type { Department } from './company.ts';
import type { Rng } from './random.ts';
import { Choice, rngFor } from './random.ts';

/** Recruiters by the departments their team hires for (weights: share of that team's jobs). */
const RECRUITING_TEAMS: readonly { departments: readonly string[]; recruiters: readonly (readonly [string, number])[] }[] = [
  {
    departments: ['Engineering', 'Data', 'Product', 'Design'],
    recruiters: [['Maya Chen', 35], ['Daniel Okafor', 30], ['Sofia Rossi', 20], ['Lukas Weber', 15]],
  },
  { departments: ['Sales', 'Marketing', 'Customer Success'], recruiters: [['Hannah Schmidt', 55], ['Carlos Mendoza', 45]] },
  { departments: ['People', 'Finance'], recruiters: [['Emma Johansson', 100]] },
];

/** Hiring managers per department (weights: share of the department's jobs). */
const HIRING_MANAGERS: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  Engineering: [['Priya Raman', 30], ['Tom Becker', 25], ['Aisha Bello', 25], ['Kenji Watanabe', 20]],
  Product: [['Laura Martins', 60], ['Oliver Grant', 40]],
  Design: [['Nina Petrova', 100]],
  Data: [['Rahul Mehta', 55], ['Claire Dubois', 45]],
  Sales: [['Marco Bianchi', 50], ['Jessica Park', 30], ['Ahmed Hassan', 20]],
  Marketing: [['Chloe Martin', 100]],
  'Customer Success': [['Diego Alvarez', 60], ['Grace Kim', 40]],
  People: [['Sarah OConnor', 100]],
  Finance: [['Michael Brandt', 100]],
};

const recruiterChoices = new Map(
  RECRUITING_TEAMS.flatMap((team) => team.departments.map((d) => [d, new Choice(team.recruiters)] as const)),
);
const managerChoices = new Map(Object.entries(HIRING_MANAGERS).map(([d, names]) => [d, new Choice(names)] as const));

export interface JobOwners {
  recruiter: string;
  hiringManager: string;
}

/** The recruiter and hiring manager of job number `index` (its own stream: the same for the same seed). */
export function ownersFor(seed: number, index: number, department: Department): JobOwners {
  const rng = rngFor(seed, 'owners', index);
  const recruiters = recruiterChoices.get(department.name);
  const managers = managerChoices.get(department.name);
  if (!recruiters || !managers) throw new Error(`no owners for department ${department.name}`);
  return { recruiter: recruiters.pick(rng), hiringManager: managers.pick(rng) };
}

/**
 * Decline reasons as an ATS's offer-decline list has them. The candidate's reason on the application
 * (generated with the decline) decides the category where it names one; "Personal reasons" there is
 * split among the reasons the application text does not distinguish.
 */
export const OFFER_DECLINE_REASONS = [
  'Compensation',
  'Competing offer',
  'Counter-offer',
  'Role or level',
  'Location or remote work',
  'Timing',
  'Personal reasons',
] as const;

const fromApplicationReason: ReadonlyMap<string, string> = new Map([
  ['Compensation expectations', 'Compensation'],
  ['Accepted another offer', 'Competing offer'],
  ['Counter-offer from current employer', 'Counter-offer'],
]);
const otherReasons = new Choice<string>([
  ['Role or level', 30],
  ['Location or remote work', 30],
  ['Timing', 20],
  ['Personal reasons', 20],
]);

/** The decline reasons of one job's declined offers, drawn in the order asked (stream `decline-reasons`). */
export function declineReasonsFor(seed: number, index: number): (applicationReason: string) => string {
  let rng: Rng | null = null;
  return (applicationReason) => {
    const known = fromApplicationReason.get(applicationReason);
    if (known) return known;
    rng ??= rngFor(seed, 'decline-reasons', index);
    return otherReasons.pick(rng);
  };
}
