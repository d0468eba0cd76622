-- Filled openings by fill month x department x region x level x days to fill (a histogram: medians and
-- percentiles stay exact after any filter). Fills after asOf are not known yet.
SELECT strftime(filled_date, '%Y-%m') AS month, department, region, level,
  CASE WHEN $owners_shown THEN recruiter END AS recruiter, CASE WHEN $owners_shown THEN hiring_manager END AS hiring_manager,
  date_diff('day', opened_date, filled_date)::INTEGER AS days, count(*)::INTEGER AS count
FROM f_openings
WHERE filled_date IS NOT NULL AND filled_date <= $as_of::DATE
GROUP BY ALL
ORDER BY ALL;
