-- Fivetran Greenhouse `job_opening`: Greenhouse's id, the opening_id label, application_id for the hire
-- that filled it, close_reason_id, status open/closed; and the openings of the deleted job's copy.
WITH r AS (SELECT close_reason, row_number() OVER (ORDER BY close_reason) AS id FROM (SELECT DISTINCT close_reason FROM c_openings WHERE close_reason IS NOT NULL)),
o AS (
  SELECT regexp_extract(opening_id, '\d+')::BIGINT AS id, regexp_extract(job_id, '\d+')::BIGINT AS job_id,
    regexp_extract(hired_application_id, '\d+')::BIGINT AS application_id, upper(opening_id) AS label, opened_at, closed_at, close_reason
  FROM c_openings
)
SELECT o.id + copy AS id, o.job_id + copy AS job_id, '2026-10-01 06:00:00.000' AS _fivetran_synced,
  o.application_id + copy AS application_id, r.id AS close_reason_id,
  strftime(o.closed_at, '%Y-%m-%d %H:%M:%S.%g') AS closed_at, strftime(o.opened_at, '%Y-%m-%d %H:%M:%S.%g') AS opened_at,
  o.label AS opening_id, CASE WHEN o.closed_at IS NULL THEN 'open' ELSE 'closed' END AS status
FROM o LEFT JOIN r USING (close_reason), (VALUES (0), (80000000)) v(copy)
WHERE copy = 0 OR o.job_id = (SELECT min(regexp_extract(job_id, '\d+')::BIGINT) FROM c_jobs)
ORDER BY id
