-- Fivetran Greenhouse `job`: numeric ids, UTC date-times without an offset, _fivetran_deleted and
-- _fivetran_synced, opened_at beside created_at (the draft was created a day earlier), and level and role
-- family as job custom fields (custom_employee_level_designation, custom_role_family). Besides the
-- canonical jobs: a copy of the first job deleted in Greenhouse (_fivetran_deleted = true, id 80000000 +
-- id) with its openings and applications (job_opening.sql, application.sql) — rows the adapter leaves out.
WITH jobs AS (
  SELECT regexp_extract(job_id, '\d+')::BIGINT AS id, false AS deleted, * FROM c_jobs
  UNION ALL
  SELECT 80000000 + regexp_extract(job_id, '\d+')::BIGINT, true, * FROM c_jobs
  WHERE regexp_extract(job_id, '\d+')::BIGINT = (SELECT min(regexp_extract(job_id, '\d+')::BIGINT) FROM c_jobs)
)
SELECT
  id,
  deleted AS _fivetran_deleted,
  '2026-10-01 06:00:00.000' AS _fivetran_synced,
  strftime(closed_at, '%Y-%m-%d %H:%M:%S.%g') AS closed_at,
  false AS confidential,
  strftime(opened_at - INTERVAL 1 DAY, '%Y-%m-%d %H:%M:%S.%g') AS created_at,
  title AS name,
  NULL::VARCHAR AS notes,
  strftime(opened_at, '%Y-%m-%d %H:%M:%S.%g') AS opened_at,
  'REQ-' || (id % 80000000) AS requisition_id,
  status,
  strftime(coalesce(closed_at, opened_at), '%Y-%m-%d %H:%M:%S.%g') AS updated_at,
  level AS custom_employee_level_designation,
  role_family AS custom_role_family
FROM jobs
ORDER BY id
