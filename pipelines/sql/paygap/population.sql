-- Issue 19 population of one view: the workers of pg_base (population_base.sql: every worker at $as_of, pay in
-- the report currency) in the region/department filters, applied BEFORE any suppression.
CREATE OR REPLACE TEMP TABLE pg_population AS
SELECT *
FROM pg_base
WHERE ($department::VARCHAR IS NULL OR lower(department) = lower($department::VARCHAR))
  AND ($region::VARCHAR IS NULL OR lower(region) = lower($region::VARCHAR));
