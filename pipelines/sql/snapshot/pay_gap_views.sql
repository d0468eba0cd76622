-- The filter combinations of the Pay equity page (issue 19 Deliver 4): every region, every department and
-- every region x department that has workers at $as_of, under the pay-gap report's population rule
-- (pipelines/sql/paygap/population.sql: each employee's latest compensation row with effective_date <=
-- $as_of, a row without a date counting as current; region from the country as everywhere). Names only:
-- the figures of each combination come from the engine, suppressed there.
WITH current_rows AS (
  SELECT *
  FROM compensation
  WHERE effective_date IS NULL OR effective_date <= $as_of::DATE
  QUALIFY row_number() OVER (PARTITION BY employee_id ORDER BY effective_date DESC NULLS FIRST, _file_id DESC) = 1
), scoped AS (
  SELECT coalesce(k.region, 'Other') AS region, nullif(trim(c.department), '') AS department
  FROM current_rows c
  LEFT JOIN ref_country k ON k.key = lower(trim(c.country))
)
SELECT DISTINCT region, NULL::VARCHAR AS department FROM scoped
UNION ALL
SELECT DISTINCT NULL::VARCHAR AS region, department FROM scoped WHERE department IS NOT NULL
UNION ALL
SELECT DISTINCT region, department FROM scoped WHERE department IS NOT NULL
ORDER BY region NULLS FIRST, department NULLS FIRST;
