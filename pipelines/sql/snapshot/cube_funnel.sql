-- Funnel by applied month x department x region x level x furthest stage (1 applied .. 6 hired) x status
-- x rejection type, as in metrics/funnel.sql.
SELECT strftime(a.applied_date, '%Y-%m') AS month, a.department, a.region, a.level,
  CASE WHEN $owners_shown THEN a.recruiter END AS recruiter, CASE WHEN $owners_shown THEN a.hiring_manager END AS hiring_manager, a.furthest,
  a.status, a.rejection_type,
  count(*)::INTEGER AS count
FROM f_applications a
WHERE a.applied_date <= $as_of::DATE
GROUP BY ALL
ORDER BY ALL;
