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
 * - invalid_number    not a plain decimal number (money with separators or symbols, "abc", NaN), or a rate <= 0
 * - negative_amount   money below zero
 * - invalid_integer   not a whole number >= 0 (offer version)
 * - invalid_enum      not one of the allowed values (e.g. offer status "maybe")
 * - unknown_currency  a currency code with no exchange rate (never guessed)
 * - duplicate_key     the same key appears earlier in the same file
 * A row is reported once, for the first failing column in the entity's column order.
 */
import { screenedColumns as disclosureScreened } from '../disclosure/rules.ts';
import type { DuckDBValue } from '@duckdb/node-api';
import type { ColumnSpec, TableSpec } from './entities.ts';
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

/** Parameters a transform's SQL binds. */
export function transformParams(
  transform: Transform | undefined,
  header: readonly string[],
  positions: readonly (string | null)[],
): Record<string, DuckDBValue> {
  const params: Record<string, DuckDBValue> = {};
  if (!transform) return params;
  // A mapped file's rejects name the file's own header ("Applied On"), bound: header text never enters SQL.
  positions.forEach((column, index) => {
    if (column) params[`hdr_${column}`] = header[index] ?? column;
  });
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
 * @param positions canonical column name for each file column, or null
 */
export function checkedTableSql(
  entity: TableSpec,
  positions: readonly (string | null)[],
  source: string,
  transform?: Transform,
): string {
  const fileColumn = new Map<string, string>();
  positions.forEach((name, index) => {
    if (name) fileColumn.set(name, `c${index}`);
  });
  const raw = (column: ColumnSpec) => `r_${column.name}`;
  const typedName = (column: ColumnSpec) => `t_${column.name}`;
  const rawSelect = entity.columns
    .map((column) => {
      const staged = fileColumn.get(column.name);
      // Trimmed and empty -> NULL. trim() is costly (1.8 s per 16 M values, measured), so only values that
      // start with a space or control character, or end with one of the four trim() removes, go through
      // it; suffix() compares bytes where right() counts graphemes (0.92 s -> 0.25 s of CPU per 16 M values).
      return staged
        ? `CASE WHEN ${staged} = '' THEN NULL WHEN ascii(${staged}) <= 32 OR ${[' ', '\t', '\r', '\n'].map((c) => `suffix(${staged}, '${c}')`).join(' OR ')} THEN nullif(trim(${staged}, ' \t\r\n'), '') ELSE ${staged} END AS ${raw(column)}`
        : `NULL::VARCHAR AS ${raw(column)}`;
    })
    .join(',\n    ');
  const allChecks = [
    ...entity.columns.flatMap((column) => checks(column, raw(column), typedName(column)).map((check) => ({ column, check }))),
    ...(entity.rowChecks ?? []).map((rule) => ({
      column: entity.columns.find((c) => c.name === rule.column)!,
      check: { when: rule.when, reason: 'missing_required' as const, message: rule.message },
    })),
  ];
  const errorCase = allChecks.length
    ? `CASE\n${allChecks
        .map(
          ({ column, check }) =>
            `      WHEN ${check.when} THEN {'column': ${transform && fileColumn.has(column.name) ? `$hdr_${column.name}` : quote(column.name)}, 'value': ${raw(column)}, 'reason': ${quote(check.reason)}, 'message': ${quote(`${column.name}: ${check.message}`)}}`,
        )
        .join('\n')}\n    END`
    : 'NULL';
  const typed = entity.columns
    .map((column) => `${screened(entity.table, column.name, typedExpression(column, raw(column), transform))} AS ${typedName(column)}`)
    .join(',\n    ');
  const output = entity.columns.map((column) => `${typedName(column)} AS ${column.name}`).join(',\n  ');
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
  const match = (entity.replaceBy ?? entity.key).map((k) => `t.${k} IS NOT DISTINCT FROM c.${k}`).join(' AND ');
  return {
    remove: `DELETE FROM ${entity.table} t WHERE EXISTS (SELECT 1 FROM checked c WHERE c.err IS NULL AND ${match})`,
    insert: `INSERT INTO ${entity.table} (${columns.join(', ')}, _file_id)
SELECT ${columns.join(', ')}, $file_id FROM checked WHERE err IS NULL`,
  };
}
