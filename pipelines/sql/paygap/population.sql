-- Issue 19 population of each view of pg_views (views.sql): the workers of pg_base (population_base.sql:
-- every worker at $as_of, pay in the report currency) in the view's region/department filters, applied
-- BEFORE any suppression (case-insensitive, as the filters of a report). A worker is in every view whose
-- filters she meets: the company, her region, her department, her region x department. Four equality joins
-- (one per kind of view) rather than one join on a disjunction, so each is a hash join. Only the columns the
-- reports read are kept (the filters and hours are done with).
CREATE OR REPLACE TEMP TABLE pg_population AS
SELECT v.view_id, b.* EXCLUDE (region, department, hours)
FROM pg_base b
CROSS JOIN (SELECT view_id FROM pg_views WHERE region IS NULL AND department IS NULL) v
UNION ALL
SELECT v.view_id, b.* EXCLUDE (region, department, hours)
FROM pg_base b
JOIN pg_views v ON lower(b.region) = lower(v.region)
WHERE v.department IS NULL
UNION ALL
SELECT v.view_id, b.* EXCLUDE (region, department, hours)
FROM pg_base b
JOIN pg_views v ON lower(b.department) = lower(v.department)
WHERE v.region IS NULL
UNION ALL
SELECT v.view_id, b.* EXCLUDE (region, department, hours)
FROM pg_base b
JOIN pg_views v ON lower(b.region) = lower(v.region) AND lower(b.department) = lower(v.department);
