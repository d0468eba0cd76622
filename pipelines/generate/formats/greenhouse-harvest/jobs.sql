-- Greenhouse Harvest v3 `jobs`: department_id, office_ids (an array, written [id]), and level and role
-- family as job custom fields (name_key `level`, `role_family`), flattened.
SELECT
  regexp_extract(j.job_id, '\d+')::BIGINT AS id,
  j.title AS name,
  'REQ-' || regexp_extract(j.job_id, '\d+') AS requisition_id,
  j.status,
  d.id AS department_id,
  '[' || coalesce(o.id::VARCHAR, '') || ']' AS office_ids,
  strftime(j.opened_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS opened_at,
  strftime(j.closed_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS closed_at,
  j.level AS custom_fields_level_value,
  j.role_family AS custom_fields_role_family_value
FROM c_jobs j
LEFT JOIN (SELECT department, row_number() OVER (ORDER BY department) AS id FROM (SELECT DISTINCT department FROM c_jobs WHERE department IS NOT NULL)) d
  USING (department)
LEFT JOIN (SELECT office, country, row_number() OVER (ORDER BY office, country) AS id FROM (SELECT DISTINCT office, country FROM c_jobs WHERE office IS NOT NULL)) o
  ON o.office = j.office AND o.country IS NOT DISTINCT FROM j.country
ORDER BY id
