-- Openings open at asOf by department x region x level x age bucket (a current state: no month).
SELECT department, region, level, recruiter, hiring_manager,
  hs_aging_bucket(age) AS bucket,
  count(*)::INTEGER AS count
FROM (
  SELECT department, region, level, CASE WHEN $owners_shown THEN recruiter END AS recruiter, CASE WHEN $owners_shown THEN hiring_manager END AS hiring_manager, date_diff('day', opened_date, $as_of::DATE) AS age
  FROM f_openings
  WHERE opened_date <= $as_of::DATE
    AND NOT coalesce(filled_date <= $as_of::DATE, false)
    AND NOT coalesce(closed_date <= $as_of::DATE, false)
)
GROUP BY ALL
ORDER BY ALL;
