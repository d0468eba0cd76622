-- Alert: an opening open at asOf for more than maxDays days (opening ids are requisitions, not people).
SELECT
  'opening-age' AS rule,
  $level::VARCHAR AS level,
  opening_id AS subject,
  date_diff('day', opened_date, $as_of::DATE)::DOUBLE AS value,
  $max_days::DOUBLE AS threshold,
  printf('Opening %s (%s, %s) has been open %d days', opening_id, coalesce(department, 'no department'),
    coalesce(region, 'no region'), date_diff('day', opened_date, $as_of::DATE)) AS message
FROM f_openings
WHERE opened_date <= $as_of::DATE
  AND NOT coalesce(filled_date <= $as_of::DATE, false)
  AND NOT coalesce(closed_date <= $as_of::DATE, false)
  AND date_diff('day', opened_date, $as_of::DATE) > $max_days::INTEGER
ORDER BY value DESC, opening_id;
