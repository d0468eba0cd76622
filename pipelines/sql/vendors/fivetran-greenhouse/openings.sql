-- Fivetran Greenhouse job_opening -> canonical openings, keyed by Greenhouse's own id (`opening_id` is an
-- optional label). The hired application is job_opening.application_id; the close reason's name comes
-- from close_reason. Openings of a job deleted in Greenhouse go with it (counted as "job deleted").
SELECT
  o.id AS opening_id,
  o.job_id,
  o.opened_at,
  o.closed_at,
  r.name AS close_reason,
  o.application_id AS hired_application_id,
  o._file_id,
  CASE WHEN coalesce(j._fivetran_deleted, false) THEN 'job deleted' END AS _excluded
FROM fivetran_greenhouse_job_opening o
LEFT JOIN fivetran_greenhouse_job j ON j.id = o.job_id
LEFT JOIN fivetran_greenhouse_close_reason r ON r.id = o.close_reason_id AND NOT coalesce(r._fivetran_deleted, false)
