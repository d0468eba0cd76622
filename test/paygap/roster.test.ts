/**
 * Issue 19 Deliver 1: the roster columns of `compensation` and the one exception to the personal-data
 * screen (`gender` kept in compensation only), through the real CLI and a real DuckDB file.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isPersonalDataColumn } from '../../pipelines/ingest/entities.ts';
import { openWarehouse } from '../../pipelines/lib/duckdb.ts';
import { ensureSchema } from '../../pipelines/ingest/schema.ts';
import { runCli, tempDir, writeFiles } from '../helpers/tmp.ts';

describe('isPersonalDataColumn', () => {
  it('keeps gender for compensation only', () => {
    expect(isPersonalDataColumn('Gender', 'compensation')).toBe(false);
    expect(isPersonalDataColumn('gender')).toBe(true);
    expect(isPersonalDataColumn('gender', 'applications')).toBe(true);
    expect(isPersonalDataColumn('gender', 'greenhouse:eeoc')).toBe(true);
    // Only gender is the exception: other protected characteristics stay dropped in compensation too.
    expect(isPersonalDataColumn('ethnicity', 'compensation')).toBe(true);
    expect(isPersonalDataColumn('Employee Name', 'compensation')).toBe(true);
  });
});

describe('compensation roster columns', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('stores gender, hours, fte, variable pay, category and hire date; rejects bad values', async () => {
    const db = path.join(tmp.dir, 'w.duckdb');
    writeFiles(tmp.dir, {
      'compensation.csv':
        'employee_id,level,country,base_salary,currency,effective_date,Gender,hours_per_week,fte,variable_pay,category,hire_date\n' +
        'e1,Senior,DE,60000,EUR,2026-01-01,Female,40,,1000,eng-senior,2020-03-01\n' +
        'e2,Senior,DE,62000,EUR,2026-01-01,MALE,,0.5,0,eng-senior,2021-03-01\n' +
        'e3,Senior,DE,61000,EUR,2026-01-01,undisclosed,,,,eng-senior,\n' +
        'e4,Senior,DE,61000,EUR,2026-01-01,f,40,,,eng-senior,\n' + // line 5: invalid_enum
        'e5,Senior,DE,61000,EUR,2026-01-01,male,,1.5,,eng-senior,\n' + // line 6: fte > 1
        'e6,Senior,DE,61000,EUR,2026-01-01,male,0,,,eng-senior,\n' + // line 7: hours 0
        'e7,Senior,DE,61000,EUR,2026-01-01,male,40,,-5,eng-senior,\n', // line 8: negative variable pay
      'applications.csv': 'application_id,job_id,applied_at,gender\napp-1,job-1,2026-01-01,female\n',
    });
    const run = runCli(['ingest', tmp.dir, '--db', db, '--json']);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    const byKind = Object.fromEntries(report.files.map((f: { kind: string }) => [f.kind, f]));
    expect(byKind.compensation).toMatchObject({ rowsRead: 7, rowsLoaded: 3, rowsRejected: 4, droppedColumns: [] });
    expect(byKind.applications.droppedColumns).toEqual(['gender']);

    const warehouse = await openWarehouse(db);
    try {
      const rows = await warehouse.all(
        `SELECT employee_id, gender, hours_per_week, fte, variable_pay, category, hire_date::VARCHAR AS hire_date FROM compensation ORDER BY employee_id`,
      );
      expect(rows).toEqual([
        { employee_id: 'e1', gender: 'female', hours_per_week: 40, fte: null, variable_pay: 1000, category: 'eng-senior', hire_date: '2020-03-01' },
        { employee_id: 'e2', gender: 'male', hours_per_week: null, fte: 0.5, variable_pay: 0, category: 'eng-senior', hire_date: '2021-03-01' },
        { employee_id: 'e3', gender: 'undisclosed', hours_per_week: null, fte: null, variable_pay: null, category: 'eng-senior', hire_date: null },
      ]);
      const rejects = await warehouse.all(`SELECT line::INTEGER AS line, "column", reason FROM rejected_rows ORDER BY line`);
      expect(rejects).toEqual([
        { line: 5, column: 'gender', reason: 'invalid_enum' },
        { line: 6, column: 'fte', reason: 'invalid_number' },
        { line: 7, column: 'hours_per_week', reason: 'invalid_number' },
        { line: 8, column: 'variable_pay', reason: 'negative_amount' },
      ]);
      const columns = await warehouse.all<{ name: string }>(`SELECT column_name AS name FROM duckdb_columns() WHERE table_name = 'applications'`);
      expect(columns.map((c) => c.name)).not.toContain('gender');
    } finally {
      warehouse.close();
    }
  });
});

describe('a warehouse made before the roster columns', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('gains them in place when it is next opened (ALTER TABLE ... ADD COLUMN IF NOT EXISTS), keeping its rows', async () => {
    const db = path.join(tmp.dir, 'old.duckdb');
    const old = await openWarehouse(db);
    try {
      // the compensation table as schema.sql created it before issue 19
      await old.run(`CREATE TABLE compensation (
        employee_id VARCHAR NOT NULL, level VARCHAR NOT NULL, country VARCHAR NOT NULL,
        base_salary DOUBLE NOT NULL, currency VARCHAR NOT NULL, role_family VARCHAR, department VARCHAR,
        effective_date DATE, _file_id INTEGER NOT NULL)`);
      await old.run(`INSERT INTO compensation VALUES ('e1', 'mid', 'DE', 50000, 'EUR', NULL, NULL, NULL, 1)`);
    } finally {
      old.close();
    }
    const warehouse = await openWarehouse(db);
    try {
      await ensureSchema(warehouse);
      const rows = await warehouse.all(`SELECT employee_id, base_salary, gender, hours_per_week, fte, variable_pay, category, hire_date FROM compensation`);
      expect(rows).toEqual([
        { employee_id: 'e1', base_salary: 50000, gender: null, hours_per_week: null, fte: null, variable_pay: null, category: null, hire_date: null },
      ]);
    } finally {
      warehouse.close();
    }
  });
});
