/**
 * The cubes of the site snapshot: file, SQL model and column types. No zod here: the browser imports it.
 */
/** Column types of a cube: dictionary-encoded text, small integers, counts. */
export type CubeColumnType = 'category' | 'int8' | 'int32';
export interface CubeSpec {
  readonly file: string;
  readonly sql: string;
  readonly columns: Readonly<Record<string, CubeColumnType>>;
}

/**
 * The job's owners (issue 18) are filter dimensions of every hiring cube: NULL under privacy.owners "hide"
 * (in SQL, `CASE WHEN $owners_shown`), so no name leaves the warehouse. Reasons do not split by owner: a
 * reason is named only in rows of 3 candidates or more, rows split by owner would name almost none, and a
 * second reasons cube by owner would let a difference of the two name a reason fewer than 3 candidates
 * share. Size at bench scale: README "Owners and reasons".
 */
const owners = { recruiter: 'category', hiring_manager: 'category' } as const;
const dims = { month: 'category', department: 'category', region: 'category', level: 'category', ...owners } as const;

export const cubes = {
  offers: { file: 'offers.arrow', sql: 'snapshot/cube_offers.sql', columns: { ...dims, source: 'category', status: 'category', within2: 'int8', count: 'int32' } },
  fills: { file: 'fills.arrow', sql: 'snapshot/cube_fills.sql', columns: { ...dims, days: 'int32', count: 'int32' } },
  km: { file: 'km.arrow', sql: 'snapshot/cube_km.sql', columns: { ...dims, days: 'int32', event: 'int8', count: 'int32' } },
  open: {
    file: 'open.arrow',
    sql: 'snapshot/cube_open.sql',
    columns: { department: 'category', region: 'category', level: 'category', ...owners, bucket: 'category', count: 'int32' },
  },
  /** Openings open at each month's end (asOf in its month): the open-openings tile's comparisons. */
  openMonths: { file: 'open-months.arrow', sql: 'snapshot/cube_open_months.sql', columns: { ...dims, count: 'int32' } },
  hires: { file: 'hires.arrow', sql: 'snapshot/cube_hires.sql', columns: { ...dims, days: 'int32', count: 'int32' } },
  funnel: {
    file: 'funnel.arrow',
    sql: 'snapshot/cube_funnel.sql',
    columns: { ...dims, furthest: 'int8', status: 'category', rejection_type: 'category', count: 'int32' },
  },
  stays: { file: 'stays.arrow', sql: 'snapshot/cube_stays.sql', columns: { ...dims, stage: 'category', days: 'int32', count: 'int32' } },
  sources: {
    file: 'sources.arrow',
    sql: 'snapshot/cube_sources.sql',
    columns: { ...dims, source: 'category', applications: 'int32', hires: 'int32', offers_accepted: 'int32', offers_declined: 'int32' },
  },
  // Quarters, not months (issue 18 "Why"): a reason is named only in rows of 3 candidates or more, and
  // coarser rows name more of them; the period filter keeps the quarters that overlap it.
  reasons: {
    file: 'reasons.arrow',
    sql: 'snapshot/cube_reasons.sql',
    columns: { quarter: 'category', department: 'category', region: 'category', level: 'category', stage: 'int8', outcome: 'category', reason: 'category', count: 'int32' },
  },
} as const satisfies Record<string, CubeSpec>;
export type CubeName = keyof typeof cubes;
