-- Greenhouse Harvest v3 openings -> canonical openings, keyed by Greenhouse's own id (`opening_id` is an
-- optional external label). The hired application is `application_id` (set when the opening is filled by
-- a hire); the close reason is close_reason_name when the export expanded close_reason_id.
SELECT
  o.id AS opening_id,
  o.job_id,
  o.opened_at,
  o.closed_at,
  o.close_reason_name AS close_reason,
  o.application_id AS hired_application_id,
  o._file_id,
  NULL::VARCHAR AS _excluded
FROM greenhouse_harvest_openings o
