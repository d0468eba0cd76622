-- Greenhouse openings -> canonical openings, keyed by Greenhouse's own id (`opening_id` is an optional
-- label users type, often empty).
SELECT
  o.id AS opening_id,
  o.job_id,
  o.opened_at,
  o.closed_at,
  o.close_reason,
  o.hired_application_id,
  o._file_id,
  NULL::VARCHAR AS _excluded
FROM greenhouse_openings o
