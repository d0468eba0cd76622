-- Issue 18 "Owner views": stage pass-through per recruiter and per hiring manager (missing -> 'Unassigned'),
-- as metrics/funnel.sql: the cohort applied in the period, reached = furthest stage at or after the stage,
-- advanced = reached of the next stage (no row for hired).
WITH kinds(kind) AS (VALUES ('recruiter'), ('hiring_manager')),
cohort AS (
  SELECT k.kind, coalesce(CASE k.kind WHEN 'recruiter' THEN a.recruiter ELSE a.hiring_manager END, 'Unassigned') AS owner,
    a.furthest
  FROM f_applications a CROSS JOIN kinds k
  WHERE hs_in_period(a.applied_date, $from::DATE, $to::DATE)
)
SELECT c.kind, c.owner, s.stage,
  count(*) FILTER (WHERE c.furthest >= s.rank)::INTEGER AS reached,
  count(*) FILTER (WHERE c.furthest >= s.rank + 1)::INTEGER AS advanced
FROM cohort c CROSS JOIN stage_order s
WHERE s.stage <> 'hired'
GROUP BY c.kind, c.owner, s.stage, s.rank
ORDER BY c.kind DESC, c.owner, s.rank;
