-- Openings open at asOf by department x region x level x age bucket (a current state: no month).
SELECT department, region, level,
  CASE WHEN age <= 30 THEN '0-30' WHEN age <= 60 THEN '31-60' WHEN age <= 90 THEN '61-90'
       WHEN age <= 180 THEN '91-180' ELSE '>180' END AS bucket,
  count(*)::INTEGER AS count
FROM (
  SELECT department, region, level, date_diff('day', opened_date, $as_of::DATE) AS age
  FROM f_openings
  WHERE opened_date <= $as_of::DATE
    AND NOT coalesce(filled_date <= $as_of::DATE, false)
    AND NOT coalesce(closed_date <= $as_of::DATE, false)
)
GROUP BY ALL
ORDER BY ALL;
