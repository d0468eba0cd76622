-- Airbyte Greenhouse (Harvest v1/v2) openings -> canonical openings: each job's `openings` array (JSON
-- text), keyed by Greenhouse's own id (`opening_id` is an optional external label). The hired
-- application is `application_id`; the close reason is the embedded close_reason.name. The separate
-- jobs_openings stream is not read: its records do not name their job. A date that does not parse is
-- left empty (an opening without opened_at is then left out, counted). Not hs_ts_utc: DuckDB evaluates
-- its epoch branch on every value of an unnested list (measured on 1.5: "Could not convert string to INT64").
SELECT
  o.id AS opening_id,
  job_id,
  try_cast(o.opened_at AS TIMESTAMPTZ) AS opened_at,
  try_cast(o.closed_at AS TIMESTAMPTZ) AS closed_at,
  o.close_reason.name AS close_reason,
  o.application_id AS hired_application_id,
  _file_id,
  NULL::VARCHAR AS _excluded
FROM (
  SELECT
    id AS job_id,
    _file_id,
    unnest(from_json(openings, '[{"id": "VARCHAR", "opened_at": "VARCHAR", "closed_at": "VARCHAR", "application_id": "VARCHAR", "close_reason": {"name": "VARCHAR"}}]')) AS o
  FROM airbyte_greenhouse_jobs WHERE json_valid(openings)
)
