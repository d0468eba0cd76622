-- Workable jobs (`GET /spi/v3/jobs`, location flattened): the shortcode is Workable's system-generated job
-- key (ten characters here, unique per job); state published (open) or closed; the location's city, country
-- name and ISO code. level and role_family stand for job custom attributes flattened by the user.
SELECT
  printf('%010X', (regexp_extract(j.job_id, '\d+')::BIGINT * 1103515245 + 305419896) % 1099511627776) AS shortcode,
  j.title,
  j.department,
  CASE j.status WHEN 'open' THEN 'published' ELSE j.status END AS state,
  strftime(j.opened_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at,
  j.office AS location_city,
  coalesce(c.name, j.country) AS location_country,
  j.country AS location_country_code,
  j.level,
  j.role_family
FROM c_jobs j
LEFT JOIN ref_countries c ON c.code = j.country
ORDER BY regexp_extract(j.job_id, '\d+')::BIGINT
