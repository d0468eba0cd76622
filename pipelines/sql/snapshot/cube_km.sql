-- Kaplan-Meier inputs by opening month x department x region x level: time in days and whether it is a
-- fill (event 1) or a censoring (0: open at asOf, or closed without a hire), as in metrics/km_median.sql.
SELECT strftime(opened_date, '%Y-%m') AS month, department, region, level,
  CASE WHEN $owners_shown THEN recruiter END AS recruiter, CASE WHEN $owners_shown THEN hiring_manager END AS hiring_manager,
  CASE
    WHEN filled_date <= $as_of::DATE THEN date_diff('day', opened_date, filled_date)
    WHEN closed_date <= $as_of::DATE THEN date_diff('day', opened_date, closed_date)
    ELSE date_diff('day', opened_date, $as_of::DATE)
  END::INTEGER AS days,
  coalesce(filled_date <= $as_of::DATE, false)::TINYINT AS event,
  count(*)::INTEGER AS count
FROM f_openings
WHERE opened_date <= $as_of::DATE
GROUP BY ALL
ORDER BY ALL;
