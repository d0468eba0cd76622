/**
 * The changing exports of the soak: the small fixture company, exported whole every night (config
 * `fullExports: true`, so a table is exactly its latest file), with a few rows added, removed or changed
 * between nights, sometimes the very same files again, sometimes a new full export (every file rewritten in
 * another row order, so every file is new to the archive). Seeded: the same run number gives the same files.
 */
import type { Rng } from '../../pipelines/generate/random.ts';
import { fixtureCompany } from '../helpers/company.ts';

export const tables = ['jobs', 'openings', 'applications', 'stage_history', 'offers', 'compensation'] as const;
export type Table = (typeof tables)[number];

interface Csv {
  readonly header: string;
  rows: string[];
}

export type Variation = 'same' | 'tweak' | 'full';

/** A whole company as CSV rows per table; `mutate` moves it to the next night's export. */
export class Exports {
  readonly #csv: Record<Table, Csv>;
  #added = 0;

  constructor() {
    const files = fixtureCompany().files;
    this.#csv = Object.fromEntries(
      tables.map((table) => {
        const [header, ...rows] = files[`${table}.csv`]!.trimEnd().split('\n');
        return [table, { header: header!, rows }];
      }),
    ) as Record<Table, Csv>;
  }

  /** Rows per table as the manifest counts them (every fixture row is valid, none is quarantined). */
  counts(): Record<Table, number> {
    return Object.fromEntries(tables.map((t) => [t, this.#csv[t].rows.length])) as Record<Table, number>;
  }

  files(): Record<string, string> {
    return Object.fromEntries(tables.map((t) => [`${t}.csv`, `${[this.#csv[t].header, ...this.#csv[t].rows].join('\n')}\n`]));
  }

  /** Next night's export: `same` changes nothing; `tweak` 1 to 4 row changes; `full` one change and every file reordered. */
  mutate(rng: Rng, variation: Variation, run: number): void {
    if (variation === 'same') return;
    const changes = variation === 'full' ? 1 : rng.int(1, 4);
    for (let k = 0; k < changes; k++) this.#change(rng, `${run}-${k}`);
    if (variation === 'full') for (const t of tables) this.#csv[t].rows = shuffle(rng, this.#csv[t].rows);
  }

  #change(rng: Rng, tag: string): void {
    const { applications, stage_history: stages, offers, compensation } = this.#csv;
    const added = applications.rows.filter((row) => row.startsWith('app-s')).map((row) => row.split(',')[0]!);
    const kind = rng.pick(['add-application', 'add-application', 'remove-application', 'offer-salary', 'add-employee', 'remove-employee', 'salary']);
    if (kind === 'add-application' || (kind === 'remove-application' && added.length === 0)) {
      // A new applicant on one of the four jobs, two stages, a pending offer every other time.
      const app = `app-s${++this.#added}`;
      const job = `job-${rng.int(1, 4)}`;
      const day = String(rng.int(1, 28)).padStart(2, '0');
      applications.rows.push(`${app},${job},2026-06-${day}T09:00:00Z,cand-s${this.#added},,,Referral,inbound,active,,,,`);
      stages.rows.push(`${app},Application Review,2026-06-${day}T09:00:00Z,2026-06-${day}T15:00:00Z`);
      stages.rows.push(`${app},Recruiter Screen,2026-06-${day}T15:00:00Z,`);
      if (this.#added % 2 === 0) offers.rows.push(`ofr-s${this.#added},${app},pending,1,2026-06-${day}T16:00:00Z,,,,${150000 + rng.int(0, 9999)},USD`);
    } else if (kind === 'remove-application') {
      // A withdrawn record: the application, its stages and offers leave the export.
      const app = rng.pick(added);
      const mine = (row: string) => row.split(',')[0] === app || row.split(',')[1] === app;
      applications.rows = applications.rows.filter((row) => !row.startsWith(`${app},`));
      stages.rows = stages.rows.filter((row) => !row.startsWith(`${app},`));
      offers.rows = offers.rows.filter((row) => !mine(row));
    } else if (kind === 'offer-salary') {
      const i = rng.int(0, offers.rows.length - 1);
      offers.rows[i] = setField(offers.rows[i]!, 8, String(140000 + rng.int(0, 49999)));
    } else if (kind === 'add-employee') {
      compensation.rows.push(`emp-${tag},Senior,US,${150000 + rng.int(0, 29999)},USD,engineering,Engineering,2026-01-01`);
    } else if (kind === 'remove-employee' && compensation.rows.length > 20) {
      compensation.rows.splice(rng.int(0, compensation.rows.length - 1), 1);
    } else {
      const i = rng.int(0, compensation.rows.length - 1);
      compensation.rows[i] = setField(compensation.rows[i]!, 3, String(50000 + rng.int(0, 99999)));
    }
  }
}

function setField(row: string, index: number, value: string): string {
  const fields = row.split(',');
  fields[index] = value;
  return fields.join(',');
}

export function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** An offers.csv with an unterminated quote: refused whole ("broken quoting"), so the run publishes nothing. */
export function brokenOffers(): string {
  return 'offer_id,application_id,status,version,created_at,sent_at,resolved_at,start_date,base_salary,currency\nofr-x,"app-001,accepted,1,2026-06-01,,,,150000,USD\n';
}
