-- Greenhouse jobs -> canonical jobs. Department by department_id; office: the job's first office
-- (lowest office id in jobs_offices); country: the configured override for the office (name or id),
-- else the country named at the end of the office's location ("Berlin, Germany" -> DE), else that text.
SELECT
  j.id AS job_id,
  j.name AS title,
  d.name AS department,
  j.role_family,
  j.level,
  o.name AS office,
  coalesce(ov.country, c.code, hs_location_country(o.location)) AS country,
  lower(j.status) AS status,
  j.opened_at,
  j.closed_at,
  j._file_id,
  NULL::VARCHAR AS _excluded
FROM greenhouse_jobs j
LEFT JOIN greenhouse_departments d ON d.id = j.department_id
LEFT JOIN (SELECT job_id, min(office_id) AS office_id FROM greenhouse_jobs_offices GROUP BY job_id) jo ON jo.job_id = j.id
LEFT JOIN greenhouse_offices o ON o.id = jo.office_id
LEFT JOIN (SELECT office, arg_max(country, office) AS country FROM vendor_office_countries GROUP BY office) ov
  ON ov.office = o.name OR ov.office = o.id
LEFT JOIN vendor_countries c ON c.key = lower(hs_location_country(o.location))
QUALIFY row_number() OVER (PARTITION BY j.id ORDER BY (ov.office = o.name) DESC NULLS LAST) = 1
