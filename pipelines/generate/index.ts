/**
 * `generate`: deterministic, realistic sample data in the canonical "hirescope CSV" format (DESIGN §2).
 * The same seed, scale and end give byte-identical files. Rows stream to disk job by job, so memory stays
 * flat even at the benchmark scale (500: ~1M applications, ~5M stage events).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_END, MAX_SCALE } from '../lib/config.ts';
import { CsvWriter } from './csv.ts';
import type { HiringCounters, HiringWriters } from './hiring.ts';
import { generateJob } from './hiring.ts';
import { OPENINGS_PER_SCALE, planJobs } from './jobs.ts';
import { EMPLOYEES_PER_SCALE, writeBenchmarks, writeFxRates, writeRoster } from './payroll.ts';
import { rngFor } from './random.ts';
import { MINUTES_PER_DAY, monthStart, parseDay } from './time.ts';

export interface GenerateOptions {
  /** Any integer; the same seed gives the same files. */
  seed: number;
  /** Size: 1 ~ 100 openings, 2,000 applications, 200 employees; everything scales linearly. */
  scale: number;
  outDir: string;
  /** Last day of the history, `YYYY-MM-DD` (default 2026-09-30); nothing is dated after it. */
  end?: string;
}

export interface GenerateResult {
  /** Data rows written per file name (header excluded). */
  files: Record<string, number>;
}

/** Months of history before `end` (the window starts on the first of the month). */
export const HISTORY_MONTHS = 18;

export const FILE_HEADERS = {
  'jobs.csv': ['job_id', 'title', 'department', 'role_family', 'level', 'office', 'country', 'status', 'opened_at', 'closed_at'],
  'openings.csv': ['opening_id', 'job_id', 'opened_at', 'closed_at', 'close_reason', 'hired_application_id'],
  'applications.csv': [
    'application_id', 'job_id', 'applied_at', 'candidate_id', 'source', 'source_type', 'status',
    'rejected_at', 'rejection_type', 'rejection_reason', 'hired_at',
  ],
  'stage_history.csv': ['application_id', 'stage', 'entered_at', 'exited_at'],
  'offers.csv': [
    'offer_id', 'application_id', 'status', 'version', 'created_at', 'sent_at', 'resolved_at', 'start_date',
    'base_salary', 'currency',
  ],
  'compensation.csv': [
    'employee_id', 'level', 'country', 'base_salary', 'currency', 'role_family', 'department', 'effective_date',
    // issue 19, drawn from the 'roster-equity' stream: the columns above are unchanged by them
    'gender', 'hours_per_week', 'fte', 'variable_pay', 'category', 'hire_date',
  ],
  'benchmarks.csv': ['source', 'level', 'region', 'currency', 'role_family', 'low', 'high', 'p10', 'p25', 'p50', 'p75', 'p90', 'as_of'],
  'fx_rates.csv': ['currency', 'usd_per_unit', 'as_of'],
} as const satisfies Record<string, readonly string[]>;

export type SampleFile = keyof typeof FILE_HEADERS;

/** Writes the sample data set into `outDir` (created if needed) and returns the row count per file. */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const { seed, scale, outDir } = options;
  if (!Number.isSafeInteger(seed)) throw new Error(`seed must be a whole number, got ${seed}`);
  if (!(Number.isFinite(scale) && scale > 0)) throw new Error(`scale must be a number greater than 0, got ${scale}`);
  if (scale > MAX_SCALE) throw new Error(`scale must be at most ${MAX_SCALE}, got ${scale}`);
  const endDay = parseDay(options.end ?? DEFAULT_END);
  const startDay = monthStart(endDay, -(HISTORY_MONTHS - 1));
  const window = { endDay, endT: (endDay + 1) * MINUTES_PER_DAY };

  mkdirSync(outDir, { recursive: true });
  const writers = new Map<SampleFile, CsvWriter>();
  const open = (name: SampleFile): CsvWriter => {
    const w = new CsvWriter(join(outDir, name), FILE_HEADERS[name]);
    writers.set(name, w);
    return w;
  };
  try {
    const hiring: HiringWriters = {
      jobs: open('jobs.csv'),
      openings: open('openings.csv'),
      applications: open('applications.csv'),
      stages: open('stage_history.csv'),
      offers: open('offers.csv'),
    };
    const compensation = open('compensation.csv');
    const benchmarks = open('benchmarks.csv');
    const fxRates = open('fx_rates.csv');

    const targetOpenings = Math.max(1, Math.round(OPENINGS_PER_SCALE * scale));
    const jobs = planJobs(targetOpenings, startDay, endDay, rngFor(seed, 'jobs'));
    const counters: HiringCounters = { opening: 0, application: 0, offer: 0, candidate: 0 };
    for (const job of jobs) generateJob(job, seed, window, hiring, counters);

    writeRoster(
      Math.max(1, Math.round(EMPLOYEES_PER_SCALE * scale)), endDay, rngFor(seed, 'roster'), compensation, rngFor(seed, 'roster-equity'),
    );
    writeBenchmarks(endDay, rngFor(seed, 'benchmarks'), benchmarks);
    writeFxRates(endDay, rngFor(seed, 'fx'), fxRates);

    const files: Record<string, number> = {};
    for (const [name, writer] of writers) {
      writer.close();
      files[name] = writer.rows;
    }
    return { files };
  } catch (error) {
    for (const writer of writers.values()) writer.abort();
    throw error;
  }
}
