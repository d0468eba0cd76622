-- Finished stage stays by the application's applied month x department x region x level x stage x days
-- (a histogram), as in metrics/time_in_stage.sql.
SELECT strftime(a.applied_date, '%Y-%m') AS month, a.department, a.region, a.level,
  CASE WHEN $owners_shown THEN a.recruiter END AS recruiter, CASE WHEN $owners_shown THEN a.hiring_manager END AS hiring_manager, h.stage,
  h.days, count(*)::INTEGER AS count
FROM stg_stage_history h
JOIN f_applications a USING (application_id)
WHERE h.days IS NOT NULL AND a.applied_date <= $as_of::DATE
GROUP BY ALL
ORDER BY ALL;
