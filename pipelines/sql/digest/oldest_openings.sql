-- Digest: the oldest openings open at asOf (opened by then, neither filled nor closed by then, as
-- open_aging.sql), oldest first, ties by opening id. Opening ids are requisitions, not people; the
-- recruiter (jobs.recruiter: staff in their work role) only when $show_owners (config privacy.owners).
SELECT
  o.opening_id AS "openingId",
  j.title,
  o.department,
  o.region,
  date_diff('day', o.opened_date, $as_of::DATE)::INTEGER AS "daysOpen",
  CASE WHEN $show_owners::BOOLEAN THEN nullif(trim(j.recruiter), '') END AS recruiter
FROM stg_openings o
LEFT JOIN stg_jobs j USING (job_id)
WHERE o.opened_date <= $as_of::DATE
  AND NOT coalesce(o.filled_date <= $as_of::DATE, false)
  AND NOT coalesce(o.closed_date <= $as_of::DATE, false)
ORDER BY "daysOpen" DESC, o.opening_id
LIMIT $limit::INTEGER;
