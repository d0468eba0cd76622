/**
 * Job requisitions: who the company hires (department, level, office) and when each job opens. Jobs open
 * over the history window with a mild growth trend (more recent openings), and each job has 1-3 openings.
 */
import type { Department, LevelKey, Office, Source } from './company.ts';
import { DEPARTMENTS, LEVEL_PROFILES, LEVELS, OFFICES, SOURCES } from './company.ts';
import type { Rng } from './random.ts';
import { Choice } from './random.ts';

export interface JobPlan {
  id: string;
  /** Position in opening order; also seeds the job's own random stream. */
  index: number;
  department: Department;
  level: LevelKey;
  /** The level as the ATS spells it ("Sr.", "L5", "Mid-Level"...). */
  levelLabel: string;
  office: Office;
  title: string;
  openDay: number;
  openings: number;
  /** Application share per source for this job (index-aligned with SOURCES). */
  sourceWeights: readonly number[];
}

/** Openings per scale unit (DESIGN: scale 1 ~ 100 openings, ~2,000 applications). */
export const OPENINGS_PER_SCALE = 100;
/** Growth of the opening rate over the window: the last month opens (1 + GROWTH)x as many as the first. */
const GROWTH = 0.9;

const departmentChoice = new Choice(DEPARTMENTS.map((d) => [d, d.weight] as const));
const levelChoice = new Choice(LEVELS.map((k) => [k, LEVEL_PROFILES[k].jobWeight] as const));
const officeChoice = new Choice(OFFICES.map((o) => [o, o.weight] as const));
const openingsChoice = new Choice<number>([
  [1, 50],
  [2, 30],
  [3, 20],
]);
const spellingChoices = Object.fromEntries(
  LEVELS.map((k) => [k, new Choice(LEVEL_PROFILES[k].spellings)]),
) as Record<LevelKey, Choice<string>>;

export function spellLevel(level: LevelKey, rng: Rng): string {
  return spellingChoices[level].pick(rng);
}

/** A day in [startDay, endDay] drawn from a linearly rising density. */
function growingDay(startDay: number, endDay: number, rng: Rng): number {
  const u = rng.next();
  const x = (-1 + Math.sqrt(1 + 2 * GROWTH * u * (1 + GROWTH / 2))) / GROWTH;
  return Math.min(endDay, startDay + Math.floor(x * (endDay - startDay + 1)));
}

function titleFor(department: Department, level: LevelKey, rng: Rng): string {
  const prefix = rng.pick(LEVEL_PROFILES[level].titlePrefixes);
  if (level === 'executive') return `${prefix}${department.name}`;
  return `${prefix}${rng.pick(department.titles)}`;
}

function sourceWeightsFor(department: Department, level: LevelKey): number[] {
  const technical = department.family === 'engineering' || department.family === 'data';
  const seniority = LEVELS.indexOf(level);
  return SOURCES.map((s: Source) => {
    if (s.name === 'GitHub') return technical ? s.weight : 0;
    if (s.type === 'university') return s.weight * ([3, 1, 0.25, 0, 0, 0][seniority] ?? 0);
    if (s.type === 'agency') return s.weight * ([0.3, 0.8, 1.5, 1.8, 2, 2.5][seniority] ?? 1);
    return s.weight;
  });
}

/**
 * Plans jobs until `targetOpenings` openings exist, sorted by open day; ids follow that order.
 * `rng` is the planning stream only; each job later gets its own stream from its index.
 */
export function planJobs(targetOpenings: number, startDay: number, endDay: number, rng: Rng): JobPlan[] {
  const jobs: JobPlan[] = [];
  let openings = 0;
  while (openings < targetOpenings) {
    const department = departmentChoice.pick(rng);
    const level = levelChoice.pick(rng);
    const office = officeChoice.pick(rng);
    const count = Math.min(openingsChoice.pick(rng), targetOpenings - openings);
    openings += count;
    jobs.push({
      id: '',
      index: 0,
      department,
      level,
      levelLabel: spellLevel(level, rng),
      office,
      title: titleFor(department, level, rng),
      openDay: growingDay(startDay, endDay - 1, rng),
      openings: count,
      sourceWeights: sourceWeightsFor(department, level),
    });
  }
  jobs.sort((a, b) => a.openDay - b.openDay);
  jobs.forEach((job, i) => {
    job.index = i;
    job.id = `job-${String(i + 1).padStart(5, '0')}`;
  });
  return jobs;
}
