-- Alert: an opening open at asOf for more than maxDays days (opening ids are requisitions, not people). The
-- message names the job title and, when $owners_shown (config privacy.owners "show"), its recruiter and hiring
-- manager, so a head of talent knows which job and whose; the site links it to the opening's row on the Requisitions page (subject = opening id).
SELECT
  'opening-age' AS rule,
  $level::VARCHAR AS level,
  o.opening_id AS subject,
  date_diff('day', o.opened_date, $as_of::DATE)::DOUBLE AS value,
  $max_days::DOUBLE AS threshold,
  printf('Opening %s — %s (%s, %s%s) has been open %d days', o.opening_id, coalesce(j.title, 'untitled job'),
    coalesce(o.department, 'no department'), coalesce(o.region, 'no region'),
    -- concat_ws skips the NULL parts: '; recruiter R, hiring manager H', either alone, or nothing
    CASE WHEN $owners_shown::BOOLEAN AND coalesce(j.recruiter, j.hiring_manager) IS NOT NULL
      THEN '; ' || concat_ws(', ', 'recruiter ' || j.recruiter, 'hiring manager ' || j.hiring_manager) ELSE '' END,
    date_diff('day', o.opened_date, $as_of::DATE)) AS message
FROM f_openings o
LEFT JOIN stg_jobs j USING (job_id)
WHERE o.opened_date <= $as_of::DATE
  AND NOT coalesce(o.filled_date <= $as_of::DATE, false)
  AND NOT coalesce(o.closed_date <= $as_of::DATE, false)
  AND date_diff('day', o.opened_date, $as_of::DATE) > $max_days::INTEGER
ORDER BY value DESC, subject;
