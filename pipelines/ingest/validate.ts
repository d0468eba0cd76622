/**
 * Row checks and casts of a staged file, as one SQL statement built from the entity spec (identifiers
 * come only from the allow-list in entities.ts; the file's own header never reaches SQL text).
 *
 * Reject reasons (the `reason` column of rejected_rows):
 * - malformed_row     the record has fewer fields than the header, or more with something in them (extra
 *                     trailing EMPTY fields — a trailing comma — are tolerated: nothing is lost)
 * - missing_required  a required value is empty
 * - invalid_timestamp not ISO 8601 or epoch milliseconds, or an impossible date (2026-02-30, "yesterday")
 * - invalid_date      not an ISO 8601 date
 * - invalid_number    not a plain decimal number (money with separators or symbols, "abc", NaN), a rate <= 0, or an fte outside (0, 1]
 * - negative_amount   money below zero
 * - invalid_integer   not a whole number >= 0 (offer version)
 * - invalid_enum      not one of the allowed values (e.g. offer status "maybe")
 * - unknown_currency  a currency code with no exchange rate (never guessed)
 * - duplicate_key     the same key appears earlier in the same file
 * A row is reported once, for the first failing column in the entity's column order.
 */
import { screenedColumns as disclosureScreened } from '../disclosure/rules.ts';
import type { DuckDBValue } from '@duckdb/node-api';
import { normalizeHeader, type ColumnSpec, type TableSpec } from './entities.ts';
import type { Detection } from './detect.ts';
import type { Transform } from './mapping.ts';

export const rejectReasons = [
  'malformed_row',
  'missing_required',
  'invalid_timestamp',
  'invalid_date',
  'invalid_number',
  'negative_amount',
  'invalid_integer',
  'invalid_enum',
  'unknown_currency',
  'duplicate_key',
] as const;
export type RejectReason = (typeof rejectReasons)[number];

interface Check {
  readonly when: string;
  readonly reason: RejectReason;
  readonly message: string;
}

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * A custom mapping's value translation (bound lists of lower-case source values and their canonical
 * values; an unlisted value is kept, and checked as it is).
 */
function mapped(column: ColumnSpec, raw: string, transform: Transform | undefined): string {
  if (!transform?.valueMaps.has(column.name)) return raw;
  const keys = `from_json($vk_${column.name}, '["VARCHAR"]')`;
  const values = `from_json($vv_${column.name}, '["VARCHAR"]')`;
  return `coalesce(${values}[list_position(${keys}, lower(${raw}))], ${raw})`;
}

/** How a reject names the file column at fault, as SQL (bound parameters or staged columns, never header text). */
export interface Label {
  /** The `column` of the reject: `Req App (application_id)`, or the header alone when it is the canonical name. */
  readonly column: string;
  /** The start of its message: `column "Req App" (application_id)`. */
  readonly prefix: string;
}

export interface CheckOptions {
  readonly transform?: Transform;
  /** Canonical column -> how its rejects name the file's header (mapped files); default: the column's name. */
  readonly labels?: ReadonlyMap<string, Label>;
  /** A check before all others, over staged columns (a wide file's stage cell). */
  readonly first?: { readonly when: string; readonly value: string; readonly label: Label; readonly reason: RejectReason; readonly message: string };
  /** Staged columns kept in `checked` beside the canonical ones (a wide file's record number). */
  readonly carry?: readonly string[];
}

/** A reject's name for a file header feeding `column` (mapped files). */
export function headerLabel(header: string, column: string): { column: string; prefix: string } {
  const same = normalizeHeader(header) === normalizeHeader(column);
  return { column: same ? header : `${header} (${column})`, prefix: same ? `column "${header}"` : `column "${header}" (${column})` };
}

/** Parameters a transform's SQL binds: value maps, the date format, and the reject labels of a mapped file. */
export function transformParams(
  transform: Transform | undefined,
  header: readonly string[],
  sources: ReadonlyMap<string, number>,
): Record<string, DuckDBValue> {
  const params: Record<string, DuckDBValue> = {};
  if (!transform) return params;
  // A mapped file's rejects name the file's own header ("Applied On"), bound: header text never enters SQL.
  for (const [column, index] of sources) {
    const label = headerLabel(header[index] ?? column, column);
    params[`lbl_${column}`] = label.column;
    params[`msg_${column}`] = label.prefix;
  }
  for (const [column, [keys, values]] of transform.valueMaps) {
    params[`vk_${column}`] = JSON.stringify(keys);
    params[`vv_${column}`] = JSON.stringify(values);
  }
  if (transform.dateFormat) params.date_format = transform.dateFormat;
  return params;
}

/** Dimension columns whose free text is screened for e-mails, phones and profile URLs (disclosure/screen.sql). */
const screenedColumns = new Set(disclosureScreened.map(([table, column]) => `${table}.${column}`));
/** `expression`, screened when it is the value of a dimension column of `table`. */
export const screened = (table: string, column: string, expression: string) =>
  screenedColumns.has(`${table}.${column}`) ? `hs_screen(${expression})` : expression;

/** Labels of a mapped file's columns, bound by transformParams. */
function boundLabels(sources: ReadonlyMap<string, number>): Map<string, Label> {
  return new Map([...sources.keys()].map((column) => [column, { column: `$lbl_${column}`, prefix: `$msg_${column}` }]));
}

function typedExpression(column: ColumnSpec, raw: string, transform?: Transform): string {
  const value = mapped(column, raw, transform);
  if (transform?.dateFormat && (column.type === 'timestamp' || column.type === 'date')) {
    // ISO 8601 and epoch milliseconds still read as such; anything else through the mapping's format.
    const parsed = `coalesce(hs_ts(${value}), try_strptime(${value}, $date_format)::TIMESTAMPTZ)`;
    return column.type === 'date' ? `${parsed}::DATE` : parsed;
  }
  raw = value;
  switch (column.type) {
    case 'timestamp':
      return `hs_ts(${raw})`;
    case 'timestamp_utc':
      return `hs_ts_utc(${raw})`;
    case 'boolean':
      return `hs_bool(${raw})`;
    case 'date':
      return `hs_date(${raw})`;
    case 'money':
    case 'rate':
    case 'fraction':
      return `hs_num(${raw})`;
    case 'integer':
      return `hs_int(${raw})`;
    case 'enum':
      return `lower(${raw})`;
    case 'currency':
    case 'currency_code':
      return `upper(${raw})`;
    default:
      return raw;
  }
}

/** Checks of one column; `raw` is the trimmed text (NULL when empty), `typed` its parsed value. */
function checks(column: ColumnSpec, raw: string, typed: string): Check[] {
  const list: Check[] = [];
  if (column.required) list.push({ when: `${raw} IS NULL`, reason: 'missing_required', message: 'required value is empty' });
  const unparsed = `${raw} IS NOT NULL AND ${typed} IS NULL`;
  switch (column.type) {
    case 'timestamp':
    case 'timestamp_utc':
      list.push({ when: unparsed, reason: 'invalid_timestamp', message: 'not a valid ISO 8601 date-time or epoch milliseconds' });
      break;
    case 'boolean':
      list.push({ when: unparsed, reason: 'invalid_enum', message: 'expected true or false (t/f, yes/no, 1/0)' });
      break;
    case 'date':
      list.push({ when: unparsed, reason: 'invalid_date', message: 'not a valid ISO 8601 date' });
      break;
    case 'money':
      list.push({ when: unparsed, reason: 'invalid_number', message: 'not a plain number' });
      list.push({ when: `${typed} < 0`, reason: 'negative_amount', message: 'amount is negative' });
      break;
    case 'rate':
      list.push({ when: `${raw} IS NOT NULL AND (${typed} IS NULL OR ${typed} <= 0)`, reason: 'invalid_number', message: 'not a number greater than 0' });
      break;
    case 'fraction':
      list.push({ when: `${raw} IS NOT NULL AND (${typed} IS NULL OR ${typed} <= 0 OR ${typed} > 1)`, reason: 'invalid_number', message: 'not a number above 0 and at most 1' });
      break;
    case 'integer':
      list.push({ when: `${raw} IS NOT NULL AND (${typed} IS NULL OR ${typed} < 0)`, reason: 'invalid_integer', message: 'not a whole number >= 0' });
      break;
    case 'enum': {
      const values = column.values ?? [];
      list.push({
        when: `${raw} IS NOT NULL AND ${typed} NOT IN (${values.map(quote).join(', ')})`,
        reason: 'invalid_enum',
        message: `expected one of ${values.join(', ')}`,
      });
      break;
    }
    case 'currency':
      list.push({
        when: `${raw} IS NOT NULL AND ${typed} NOT IN (SELECT currency FROM known_currencies)`,
        reason: 'unknown_currency',
        message: 'no exchange rate for this currency code',
      });
      break;
    case 'currency_code':
      list.push({ when: `${raw} IS NOT NULL AND NOT regexp_full_match(${raw}, '[A-Za-z]{3}')`, reason: 'unknown_currency', message: 'not a three-letter currency code' });
      break;
    default:
      break;
  }
  return list;
}

/**
 * SQL that reads a file (`source`: a read_csv call yielding VARCHAR columns c0..cN) straight into
 * `checked`: one row per record with the typed canonical columns and `err` (NULL, or the first failing
 * column with reason, value and message). Each value is parsed once; the checks read the parsed values.
 * `checked` is created in file order (insertion order is preserved), so its rowid is the record's number
 * among the records DuckDB read. Duplicate keys are marked afterwards by duplicateKeysSql, only when
 * there are any.
 * @param staged canonical column name -> the staged column (`c3`) that feeds it; identifiers made here, never input
 */
export function checkedTableSql(entity: TableSpec, staged: ReadonlyMap<string, string>, source: string, options: CheckOptions = {}): string {
  const { transform, labels, first, carry = [] } = options;
  const raw = (column: ColumnSpec) => `r_${column.name}`;
  const typedName = (column: ColumnSpec) => `t_${column.name}`;
  const rawSelect = entity.columns
    .map((column) => {
      const feed = staged.get(column.name);
      // Trimmed and empty -> NULL. trim() is costly, so only values that start with a space or control
      // character, or end with one of the four trim() removes, go through it; suffix() compares bytes
      // where right() counts graphemes (BENCHMARKS.md, "Figures behind the code").
      return feed
        ? `CASE WHEN ${feed} = '' THEN NULL WHEN ascii(${feed}) <= 32 OR ${[' ', '\t', '\r', '\n'].map((c) => `suffix(${feed}, '${c}')`).join(' OR ')} THEN nullif(trim(${feed}, ' \t\r\n'), '') ELSE ${feed} END AS ${raw(column)}`
        : `NULL::VARCHAR AS ${raw(column)}`;
    })
    .concat(carry)
    .join(',\n    ');
  const allChecks = [
    ...entity.columns.flatMap((column) => checks(column, raw(column), typedName(column)).map((check) => ({ column, check }))),
    ...(entity.rowChecks ?? []).map((rule) => ({
      column: entity.columns.find((c) => c.name === rule.column)!,
      check: { when: rule.when, reason: 'missing_required' as const, message: rule.message },
    })),
  ];
  const when = (test: string, column: string, value: string, reason: string, message: string) =>
    `      WHEN ${test} THEN {'column': ${column}, 'value': ${value}, 'reason': ${quote(reason)}, 'message': ${message}}`;
  const arms = [
    ...(first ? [when(first.when, first.label.column, first.value, first.reason, `${first.label.prefix} || ${quote(`: ${first.message}`)}`)] : []),
    ...allChecks.map(({ column, check }) => {
      const label = staged.has(column.name) ? labels?.get(column.name) : undefined;
      return label
        ? when(check.when, label.column, raw(column), check.reason, `${label.prefix} || ${quote(`: ${check.message}`)}`)
        : when(check.when, quote(column.name), raw(column), check.reason, quote(`${column.name}: ${check.message}`));
    }),
  ];
  const errorCase = arms.length ? `CASE\n${arms.join('\n')}\n    END` : 'NULL';
  const typed = entity.columns
    .map((column) => `${screened(entity.table, column.name, typedExpression(column, raw(column), transform))} AS ${typedName(column)}`)
    .join(',\n    ');
  const output = [...entity.columns.map((column) => `${typedName(column)} AS ${column.name}`), ...carry].join(',\n  ');
  return `
CREATE OR REPLACE TEMP TABLE checked AS
WITH raw AS (
  SELECT
    ${rawSelect}
  FROM ${source}
), typed AS (
  SELECT *,
    ${typed}
  FROM raw
)
SELECT
  ${output},
  ${errorCase} AS err
FROM typed`;
}

/** Staged columns a wide file keeps in `checked`: the record number (for reject lines) and what its rejects name. */
const wideCarry = ['hs_rec', 'hs_k', 'hs_flag', 'hs_flag_lbl', 'hs_flag_msg', 'hs_date_lbl', 'hs_date_msg'];

/**
 * The statements that read a detected file (`read`: a read_csv or JSON-lines source of c0..cN) into
 * `checked`, with their parameters. `record` is the column of `checked` that numbers the file's records.
 *
 * A wide export (stage columns): the records go to `hs_wide` first (in file order, so its rowid numbers
 * them), then each stage column becomes one row per record whose cell is true, named by the bound stage
 * name, entered at the stage's own date column or the table's entered_at column. Empty and false cells
 * give no row; any other value (`2`, `maybe`) is rejected naming the stage column.
 */
export function stagingSql(
  detection: Detection,
  header: readonly string[],
  read: string,
): { sql: string; params: Record<string, DuckDBValue>; record: 'rowid' | 'hs_rec' } {
  const { entity, transform, sources, stages } = detection;
  const params = transformParams(transform, header, sources);
  const labels = transform ? boundLabels(sources) : undefined;
  if (!stages?.length) {
    const staged = new Map([...sources].map(([column, index]) => [column, `c${index}`]));
    return { sql: checkedTableSql(entity, staged, read, labels ? { transform, labels } : { transform }), params, record: 'rowid' };
  }
  const shared = sources.get('entered_at');
  const branches = stages.map((stage, k) => {
    const date = stage.datePosition ?? shared;
    if (date === undefined) throw new Error(`stage column "${header[stage.position]}" has no entry date column`);
    const flag = headerLabel(header[stage.position]!, 'stage');
    const entered = headerLabel(header[date]!, 'entered_at');
    Object.assign(params, {
      [`ws_${k}`]: stage.stage,
      [`wfl_${k}`]: flag.column,
      [`wfm_${k}`]: flag.prefix,
      [`wdl_${k}`]: entered.column,
      [`wdm_${k}`]: entered.prefix,
    });
    return `SELECT rowid AS hs_rec, ${k} AS hs_k, c${stage.position} AS hs_flag, $wfl_${k} AS hs_flag_lbl, $wfm_${k} AS hs_flag_msg,
      $ws_${k}::VARCHAR AS hs_stage, c${date} AS hs_date, $wdl_${k} AS hs_date_lbl, $wdm_${k} AS hs_date_msg, * FROM hs_wide`;
  });
  const source = `(SELECT * FROM (${branches.join('\n    UNION ALL ')})
    WHERE nullif(trim(hs_flag), '') IS NOT NULL AND hs_bool(trim(hs_flag)) IS DISTINCT FROM false
    ORDER BY hs_rec, hs_k)`;
  const staged = new Map([...sources].filter(([column]) => column !== 'entered_at').map(([column, index]) => [column, `c${index}`]));
  staged.set('stage', 'hs_stage');
  staged.set('entered_at', 'hs_date');
  const wideLabels = new Map(labels);
  wideLabels.set('stage', { column: 'hs_flag_lbl', prefix: 'hs_flag_msg' });
  wideLabels.set('entered_at', { column: 'hs_date_lbl', prefix: 'hs_date_msg' });
  const check = checkedTableSql(entity, staged, source, {
    ...(transform ? { transform } : {}),
    labels: wideLabels,
    carry: wideCarry,
    first: {
      when: 'hs_bool(trim(hs_flag)) IS NULL',
      value: 'hs_flag',
      label: { column: 'hs_flag_lbl', prefix: 'hs_flag_msg' },
      reason: 'invalid_enum',
      message: 'a stage cell is 1 or 0 (true/false, yes/no), or empty',
    },
  });
  return { sql: `CREATE OR REPLACE TEMP TABLE hs_wide AS SELECT * FROM ${read};\n${check}`, params, record: 'hs_rec' };
}

/**
 * Duplicate keys within the file: `probe` says whether any valid row may repeat a key (distinct hashes
 * of the key against the row count: cheap; a hash collision only costs the exact `mark`); `mark`
 * quarantines every repeat after the first occurrence as duplicate_key.
 */
export function duplicateKeysSql(entity: TableSpec): { probe: string; mark: string } {
  const keys = entity.key.join(', ');
  const keyValue = entity.key.map((k) => `coalesce(c.${k}::VARCHAR, '')`).join(` || ' / ' || `);
  return {
    probe: `SELECT (count(*) - count(DISTINCT hash(${keys})))::INTEGER AS n FROM checked WHERE err IS NULL`,
    mark: `UPDATE checked c SET err = {'column': ${quote(entity.key[0]!)}, 'value': ${keyValue}, 'reason': 'duplicate_key', 'message': ${quote(`key (${entity.key.join(', ')}) repeats an earlier row of this file`)}}
FROM (
  SELECT rn FROM (
    SELECT rowid AS rn, row_number() OVER (PARTITION BY ${keys} ORDER BY rowid) AS occurrence FROM checked WHERE err IS NULL
  ) WHERE occurrence > 1
) repeats
WHERE c.rowid = repeats.rn`,
  };
}

/**
 * Replace rows with the same key (or the same `replaceBy` values), then insert the valid rows (in file
 * order: `checked` is in file order).
 */
export function loadSql(entity: TableSpec): { remove: string; insert: string } {
  const columns = entity.columns.map((c) => c.name);
  return {
    remove: `DELETE FROM ${entity.table} t WHERE EXISTS (SELECT 1 FROM checked c WHERE c.err IS NULL AND ${matchSql(entity)})`,
    insert: `INSERT INTO ${entity.table} (${columns.join(', ')}, _file_id)
SELECT ${columns.join(', ')}, $file_id FROM checked WHERE err IS NULL`,
  };
}

/** The rows of the table and of `checked` that are the same thing: same key (or same replaceBy columns). */
const matchSql = (entity: TableSpec) => (entity.replaceBy ?? entity.key).map((k) => `t.${k} IS NOT DISTINCT FROM c.${k}`).join(' AND ');

/**
 * A file that does not carry every column of its table never sets the missing ones to NULL on rows that
 * are already loaded (issue 14): the valid staged rows take the loaded values of the columns the file
 * lacks. NULL when the file has them all.
 */
export function carrySql(entity: TableSpec, present: ReadonlySet<string>): string | null {
  const absent = entity.columns.filter((c) => !present.has(c.name));
  if (absent.length === 0) return null;
  return `UPDATE checked c SET ${absent.map((col) => `${col.name} = t.${col.name}`).join(', ')}
FROM ${entity.table} t WHERE c.err IS NULL AND ${matchSql(entity)}`;
}

/**
 * Snapshot semantics (DESIGN §8): the rows of `scope` (an SQL condition on the table's rows: the loaded
 * export this file replaces) that the file no longer holds at all are gone from the export: `count`
 * counts them, `remove` deletes them. A row whose new version was quarantined keeps its old version.
 */
export function goneSql(entity: TableSpec, scope: string): { count: string; remove: string } {
  const gone = `${scope} AND NOT EXISTS (SELECT 1 FROM checked c WHERE ${matchSql(entity)})`;
  return {
    count: `SELECT count(*)::INTEGER AS n FROM ${entity.table} t WHERE ${gone}`,
    remove: `DELETE FROM ${entity.table} t WHERE ${gone}`,
  };
}
