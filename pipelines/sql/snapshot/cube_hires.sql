-- Hires by hire month x department x region x level x days from application (time to hire histogram),
-- as in metrics/time_to_hire.sql.
SELECT strftime(h.hire_date, '%Y-%m') AS month, a.department, a.region, a.level,
  CASE WHEN $owners_shown THEN a.recruiter END AS recruiter, CASE WHEN $owners_shown THEN a.hiring_manager END AS hiring_manager,
  date_diff('day', a.applied_date, h.hire_date)::INTEGER AS days, count(*)::INTEGER AS count
FROM f_applications a
LEFT JOIN stg_offers_latest o USING (application_id)
CROSS JOIN LATERAL (
  SELECT coalesce(CASE WHEN o.status = 'accepted' THEN hs_day(o.resolved_at) END, a.hired_date) AS hire_date
) h
WHERE a.status = 'hired' AND h.hire_date IS NOT NULL AND h.hire_date <= $as_of::DATE
GROUP BY ALL
ORDER BY ALL;
