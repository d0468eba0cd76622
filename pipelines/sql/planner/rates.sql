-- Planner pass-through (README "Planner"; pipelines/contract/plan.ts): applications applied in
-- [$window_from, $as_of], per department and for the whole company (department NULL). Furthest stage:
-- f_applications.sql (ranks applied 1, screen 2, technical 3, onsite 4, offer 5, hired 6; skips count as
-- passed). Each step counts, among the applications that reached its stage, those that went on
-- (advanced) and those decided: advanced plus those that stopped at the stage and are no longer active.
WITH cohort AS (
  SELECT department, furthest, coalesce(status = 'active', false) AS active
  FROM f_applications
  WHERE hs_in_period(applied_date, $window_from::DATE, $as_of::DATE)
)
SELECT
  department,
  count(*) FILTER (WHERE furthest >= 2)::INTEGER AS screen_advanced,
  count(*) FILTER (WHERE furthest >= 2 OR NOT active)::INTEGER AS screen_decided,
  count(*) FILTER (WHERE furthest >= 4)::INTEGER AS onsite_advanced,
  count(*) FILTER (WHERE furthest >= 4 OR (furthest IN (2, 3) AND NOT active))::INTEGER AS onsite_decided,
  count(*) FILTER (WHERE furthest >= 5)::INTEGER AS offer_advanced,
  count(*) FILTER (WHERE furthest >= 5 OR (furthest = 4 AND NOT active))::INTEGER AS offer_decided,
  count(*) FILTER (WHERE furthest >= 6)::INTEGER AS hire_advanced,
  count(*) FILTER (WHERE furthest >= 6 OR (furthest = 5 AND NOT active))::INTEGER AS hire_decided
FROM cohort
GROUP BY GROUPING SETS ((department), ())
HAVING department IS NOT NULL OR GROUPING(department) = 1
ORDER BY GROUPING(department) DESC, department;
