-- Greenhouse Harvest v3 jobs -> canonical jobs. Department by department_id; office: the job's first
-- office (lowest id in office_ids, an array written `[12, 14]`); country: the configured override for the
-- office (name or id; an English country name becomes its code), else the country named at the end of the office's location ("Berlin, Germany"
-- -> DE), else that text. Level and role family are job custom fields (custom_fields_<key>_value).
WITH job_offices AS (
  SELECT id AS job_id, list_min(list_transform(regexp_extract_all(office_ids, '\d+'), x -> x::BIGINT)) AS office_id
  FROM greenhouse_harvest_jobs
)
SELECT
  j.id AS job_id,
  j.name AS title,
  d.name AS department,
  j.role_family,
  j.level,
  o.name AS office,
  coalesce(oc.code, ov.country, c.code, hs_location_country(o.location)) AS country,
  lower(j.status) AS status,
  j.opened_at,
  j.closed_at,
  j._file_id,
  NULL::VARCHAR AS _excluded
FROM greenhouse_harvest_jobs j
LEFT JOIN greenhouse_harvest_departments d ON d.id = j.department_id
LEFT JOIN job_offices jo ON jo.job_id = j.id
LEFT JOIN greenhouse_harvest_offices o ON o.id = jo.office_id::VARCHAR
LEFT JOIN (SELECT office, arg_max(country, office) AS country FROM vendor_office_countries GROUP BY office) ov
  ON ov.office = o.name OR ov.office = o.id
LEFT JOIN vendor_countries oc ON oc.key = lower(trim(ov.country))
LEFT JOIN vendor_countries c ON c.key = lower(hs_location_country(o.location))
QUALIFY row_number() OVER (PARTITION BY j.id ORDER BY (ov.office = o.name) DESC NULLS LAST) = 1
