-- Greenhouse Data Lake `jobs`; level and role_family stand for job custom fields flattened by the user.
SELECT
  regexp_extract(j.job_id, '\d+')::BIGINT AS id,
  'REQ-' || regexp_extract(j.job_id, '\d+') AS requisition_id,
  d.id AS department_id,
  j.title AS name,
  j.status,
  strftime(j.opened_at, '%Y-%m-%d %H:%M:%S') AS opened_at,
  strftime(j.closed_at, '%Y-%m-%d %H:%M:%S') AS closed_at,
  j.level,
  j.role_family
FROM c_jobs j
LEFT JOIN (SELECT department, row_number() OVER (ORDER BY department) AS id FROM (SELECT DISTINCT department FROM c_jobs WHERE department IS NOT NULL)) d
  USING (department)
ORDER BY id
