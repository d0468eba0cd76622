/**
 * The canonical entities of DESIGN §2: their columns, types, required columns and keys.
 * This table is the allow-list every generated SQL identifier comes from.
 */

export type ColumnType =
  | 'id' // trimmed text, never empty when required
  | 'text' // trimmed free text
  | 'timestamp' // ISO 8601 (date, date-time, with or without offset) or epoch milliseconds -> TIMESTAMPTZ
  | 'timestamp_utc' // the same, but a date-time without an offset is UTC (vendor exports), not the organisation's zone
  | 'boolean' // true/false, t/f, yes/no, 1/0 -> BOOLEAN
  | 'date' // ISO 8601 date (a date-time is accepted and truncated) -> DATE
  | 'money' // non-negative decimal number -> DOUBLE
  | 'rate' // strictly positive decimal number -> DOUBLE
  | 'fraction' // decimal number with 0 < x <= 1 (a full-time equivalent) -> DOUBLE
  | 'integer' // whole number >= 0 -> INTEGER
  | 'enum' // one of `values`, case-insensitive -> lower-case VARCHAR
  | 'currency' // ISO 4217 code with a known exchange rate -> upper-case VARCHAR
  | 'currency_code'; // any three-letter code (defines a currency: fx_rates) -> upper-case VARCHAR

export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType;
  readonly required?: boolean;
  readonly values?: readonly string[];
  /** Other header names that feed this column (vendor exports spell some columns more than one way). */
  readonly aliases?: readonly string[];
}

/** A check across columns; `when` is SQL over the raw values `r_<column>` (fixed text, never input). */
export interface RowCheck {
  readonly column: string;
  readonly when: string;
  readonly message: string;
}

/** A table a CSV file is loaded into: a canonical entity, or a vendor export's raw table (pipelines/vendors). */
export interface TableSpec {
  /** `applications`, or `greenhouse:applications` for a vendor table (the ledger's `kind`). */
  readonly name: string;
  /** Table in the warehouse. */
  readonly table: string;
  readonly columns: readonly ColumnSpec[];
  /** Rows with the same key are the same thing: a later file replaces them, a repeat within a file is rejected. */
  readonly key: readonly string[];
  /** Load order within one ingest call: currencies before the rows that use them. */
  readonly order: number;
  /** Checks across columns, run after the per-column ones; a failing row is `missing_required`. */
  readonly rowChecks?: readonly RowCheck[];
  /**
   * Columns whose values a newer file replaces as a whole (default: the key). Greenhouse's
   * application_stages has no key of its own: a newer export replaces all the stage rows of each
   * application it holds.
   */
  readonly replaceBy?: readonly string[];
  /** Repeated keys within a file are kept (the derivation removes exact duplicates) instead of rejected. */
  readonly allowDuplicates?: boolean;
}

export interface EntitySpec extends TableSpec {
  readonly name: EntityName;
}

export const entityNames = [
  'fx_rates',
  'benchmarks',
  'jobs',
  'openings',
  'applications',
  'stage_history',
  'offers',
  'compensation',
] as const;
export type EntityName = (typeof entityNames)[number];

export const applicationStatuses = ['active', 'rejected', 'hired'] as const;
export const rejectionTypes = ['rejected', 'withdrew', 'other'] as const;
export const offerStatuses = ['accepted', 'declined', 'pending', 'rescinded', 'deprecated'] as const;
/** Issue 19: the sex recorded for the pay-gap report (compensation only; `other`/`undisclosed` are counted, never in a gap). */
export const genders = ['female', 'male', 'other', 'undisclosed'] as const;

const specs: readonly EntitySpec[] = [
  {
    name: 'fx_rates',
    table: 'fx_rates',
    order: 0,
    key: ['currency', 'as_of'],
    columns: [
      { name: 'currency', type: 'currency_code', required: true },
      { name: 'usd_per_unit', type: 'rate', required: true },
      { name: 'as_of', type: 'date', required: true },
    ],
  },
  {
    name: 'benchmarks',
    table: 'benchmarks',
    order: 1,
    key: ['source', 'level', 'region', 'currency', 'role_family'],
    // DESIGN §2: at least low + high, or one percentile.
    rowChecks: [
      {
        column: 'low',
        when: 'r_low IS NULL AND coalesce(r_p10, r_p25, r_p50, r_p75, r_p90) IS NULL',
        message: 'a benchmark needs low and high, or at least one percentile',
      },
      {
        column: 'high',
        when: 'r_high IS NULL AND coalesce(r_p10, r_p25, r_p50, r_p75, r_p90) IS NULL',
        message: 'a benchmark needs low and high, or at least one percentile',
      },
    ],
    columns: [
      { name: 'source', type: 'text', required: true },
      { name: 'level', type: 'text', required: true },
      { name: 'region', type: 'text', required: true },
      { name: 'currency', type: 'currency', required: true },
      { name: 'role_family', type: 'text' },
      { name: 'low', type: 'money' },
      { name: 'high', type: 'money' },
      { name: 'p10', type: 'money' },
      { name: 'p25', type: 'money' },
      { name: 'p50', type: 'money' },
      { name: 'p75', type: 'money' },
      { name: 'p90', type: 'money' },
      { name: 'as_of', type: 'date' },
    ],
  },
  {
    name: 'jobs',
    table: 'jobs',
    order: 2,
    key: ['job_id'],
    columns: [
      { name: 'job_id', type: 'id', required: true },
      { name: 'title', type: 'text' },
      { name: 'department', type: 'text' },
      { name: 'role_family', type: 'text' },
      { name: 'level', type: 'text' },
      { name: 'office', type: 'text' },
      { name: 'country', type: 'text' },
      { name: 'status', type: 'text' },
      { name: 'opened_at', type: 'timestamp' },
      { name: 'closed_at', type: 'timestamp' },
      // Issue 18: the job's owners, staff in their work role (names or ids as the export has them), optional.
      { name: 'recruiter', type: 'text' },
      { name: 'hiring_manager', type: 'text' },
    ],
  },
  {
    name: 'openings',
    table: 'openings',
    order: 3,
    key: ['opening_id'],
    columns: [
      { name: 'opening_id', type: 'id', required: true },
      { name: 'job_id', type: 'id', required: true },
      { name: 'opened_at', type: 'timestamp', required: true },
      { name: 'closed_at', type: 'timestamp' },
      { name: 'close_reason', type: 'text' },
      { name: 'hired_application_id', type: 'id' },
    ],
  },
  {
    name: 'applications',
    table: 'applications',
    order: 4,
    key: ['application_id'],
    columns: [
      { name: 'application_id', type: 'id', required: true },
      { name: 'job_id', type: 'id', required: true },
      { name: 'applied_at', type: 'timestamp', required: true },
      { name: 'candidate_id', type: 'id' },
      { name: 'source', type: 'text' },
      { name: 'source_type', type: 'text' },
      { name: 'status', type: 'enum', values: applicationStatuses },
      { name: 'rejected_at', type: 'timestamp' },
      { name: 'rejection_type', type: 'enum', values: rejectionTypes },
      { name: 'rejection_reason', type: 'text' },
      { name: 'hired_at', type: 'timestamp' },
    ],
  },
  {
    name: 'stage_history',
    table: 'stage_history',
    order: 5,
    key: ['application_id', 'stage', 'entered_at'],
    columns: [
      { name: 'application_id', type: 'id', required: true },
      { name: 'stage', type: 'text', required: true },
      { name: 'entered_at', type: 'timestamp', required: true },
      { name: 'exited_at', type: 'timestamp' },
    ],
  },
  {
    name: 'offers',
    table: 'offers',
    order: 6,
    key: ['offer_id'],
    columns: [
      { name: 'offer_id', type: 'id', required: true },
      { name: 'application_id', type: 'id', required: true },
      { name: 'status', type: 'enum', required: true, values: offerStatuses },
      { name: 'version', type: 'integer' },
      { name: 'created_at', type: 'timestamp' },
      { name: 'sent_at', type: 'timestamp' },
      { name: 'resolved_at', type: 'timestamp' },
      { name: 'start_date', type: 'date' },
      { name: 'base_salary', type: 'money' },
      { name: 'currency', type: 'currency' },
      // Issue 18: why a declined offer was declined (free text as the export has it), optional.
      { name: 'decline_reason', type: 'text' },
    ],
  },
  {
    name: 'compensation',
    table: 'compensation',
    order: 7,
    key: ['employee_id', 'effective_date'],
    columns: [
      { name: 'employee_id', type: 'id', required: true },
      { name: 'level', type: 'text', required: true },
      { name: 'country', type: 'text', required: true },
      { name: 'base_salary', type: 'money', required: true },
      { name: 'currency', type: 'currency', required: true },
      { name: 'role_family', type: 'text' },
      { name: 'department', type: 'text' },
      { name: 'effective_date', type: 'date' },
      // Issue 19 (pay-gap report, docs/pay-equity.md): all optional.
      { name: 'gender', type: 'enum', values: genders },
      { name: 'hours_per_week', type: 'rate' },
      { name: 'fte', type: 'fraction' },
      { name: 'variable_pay', type: 'money' },
      { name: 'category', type: 'text' },
      { name: 'hire_date', type: 'date' },
    ],
  },
];

export const entities: ReadonlyMap<EntityName, EntitySpec> = new Map(specs.map((s) => [s.name, s]));

/** The spec of an entity (throws on a name outside the allow-list). */
export function entitySpec(name: EntityName): EntitySpec {
  const spec = entities.get(name);
  if (!spec) throw new Error(`unknown entity ${name}`);
  return spec;
}

/** DuckDB column type of a canonical column. */
export function sqlType(column: ColumnSpec): string {
  switch (column.type) {
    case 'timestamp':
    case 'timestamp_utc':
      return 'TIMESTAMPTZ';
    case 'boolean':
      return 'BOOLEAN';
    case 'date':
      return 'DATE';
    case 'money':
    case 'rate':
    case 'fraction':
      return 'DOUBLE';
    case 'integer':
      return 'INTEGER';
    default:
      return 'VARCHAR';
  }
}

/** Header names match case-insensitively, ignoring spaces, underscores and hyphens (DESIGN §2). */
export function normalizeHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_\-]+/g, '');
}

/**
 * Columns that look like personal data are never stored (DESIGN §2). Matched on the normalised
 * header: names of a person, contact details, identity documents and protected characteristics.
 */
const personalDataPattern =
  /^(|candidate|applicant|employee|first|last|full|given|family|middle|preferred|legal|sur)name$|^surname$|email|e?mailaddress|phone|mobile|telephone|address|street|postcode|postalcode|zipcode|^zip$|linkedin|twitter|facebook|github(url|profile|username)?$|website|resume|^cv$|birth|^dob$|^age$|ssn|socialsecurity|nationalid|passport|taxid|gender|ethnicity|^race$|veteran|disability|photo/;

/**
 * Issue 19: `gender` is the one exception, kept in `compensation` only (read only by the pay-gap report,
 * published only as suppressed aggregates); in any other file or table it is still dropped.
 */
const keptPersonalData: ReadonlyMap<string, string> = new Map([['gender', 'compensation']]);

/**
 * Issue 18: the ATS user tables that name a job's owners. Their users are staff in their work role (a
 * recruiter, a hiring manager), so their name columns are kept there; a candidate's name never is.
 */
const staffNameTables: ReadonlySet<string> = new Set(['fivetran-greenhouse:users', 'lever:users', 'fivetran-lever:user']);
const staffNameColumns: ReadonlySet<string> = new Set(['name', 'firstname', 'lastname', 'fullname']);

/** Whether `header` is personal data never stored; `table` is the entity or vendor table the file feeds. */
export function isPersonalDataColumn(header: string, table?: string): boolean {
  const name = normalizeHeader(header);
  if (table !== undefined && staffNameTables.has(table) && staffNameColumns.has(name)) return false;
  if (table !== undefined && keptPersonalData.get(name) === table) return false;
  return personalDataPattern.test(name);
}
