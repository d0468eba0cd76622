-- Greenhouse Harvest v3 `openings`: Greenhouse's id, the external opening_id label, application_id for
-- the hire that filled it (Data Lake: hired_application_id), and the close reason — close_reason_id, with
-- the reason expanded from GET /v3/close_reasons and flattened as close_reason_name.
SELECT
  regexp_extract(o.opening_id, '\d+')::BIGINT AS id,
  regexp_extract(o.job_id, '\d+')::BIGINT AS job_id,
  upper(o.opening_id) AS opening_id,
  regexp_extract(o.hired_application_id, '\d+')::BIGINT AS application_id,
  o.closed_at IS NULL AS open,
  strftime(o.opened_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS opened_at,
  strftime(o.closed_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS closed_at,
  r.id AS close_reason_id,
  o.close_reason AS close_reason_name
FROM c_openings o
LEFT JOIN (SELECT close_reason, row_number() OVER (ORDER BY close_reason) AS id FROM (SELECT DISTINCT close_reason FROM c_openings WHERE close_reason IS NOT NULL)) r
  USING (close_reason)
ORDER BY id
