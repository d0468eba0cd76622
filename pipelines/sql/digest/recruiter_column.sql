-- Digest: 1 when the warehouse's jobs table has a recruiter column (issue 18 Deliver 1), else 0.
SELECT count(*)::INTEGER AS n
FROM duckdb_columns()
WHERE schema_name = 'main' AND table_name = 'jobs' AND column_name = 'recruiter';
