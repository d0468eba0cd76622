-- Digest: the oldest openings open at asOf (opened by then, neither filled nor closed by then, as
-- open_aging.sql), oldest first, ties by opening id. Opening ids are requisitions, not people; the
-- recruiter comes from digest_recruiters (a staff member in their work role, or NULL when hidden).
SELECT
  o.opening_id AS "openingId",
  j.title,
  o.department,
  o.region,
  date_diff('day', o.opened_date, $as_of::DATE)::INTEGER AS "daysOpen",
  r.recruiter
FROM stg_openings o
LEFT JOIN stg_jobs j USING (job_id)
LEFT JOIN digest_recruiters r USING (job_id)
WHERE o.opened_date <= $as_of::DATE
  AND NOT coalesce(o.filled_date <= $as_of::DATE, false)
  AND NOT coalesce(o.closed_date <= $as_of::DATE, false)
ORDER BY "daysOpen" DESC, o.opening_id
LIMIT $limit::INTEGER;
