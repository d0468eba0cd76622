-- Planner stage durations (README "Planner"): median days in each canonical stage over the finished stays
-- (exited_at present; stg_stage_history) of applications applied in [$window_from, $as_of], per department
-- and for the whole company (department NULL), as metrics/time_in_stage.sql.
SELECT a.department, h.stage, count(*)::INTEGER AS stays, quantile_cont(h.days, 0.5)::DOUBLE AS median_days
FROM stg_stage_history h
JOIN f_applications a USING (application_id)
WHERE h.days IS NOT NULL AND hs_in_period(a.applied_date, $window_from::DATE, $as_of::DATE)
GROUP BY GROUPING SETS ((a.department, h.stage), (h.stage))
HAVING a.department IS NOT NULL OR GROUPING(a.department) = 1
ORDER BY GROUPING(a.department) DESC, a.department, h.stage;
