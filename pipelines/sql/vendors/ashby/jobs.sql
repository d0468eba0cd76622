-- Ashby jobs -> canonical jobs. Department by departmentId; office = the job's location name; country:
-- the configured override for the location (name or id), else the location's address country (a name
-- or an ISO code), else the country named at the end of the location name ("Berlin, Germany" -> DE),
-- else that text. Level and role family are job custom fields (customFields_Level, customFields_Role
-- Family), when exported. Status Open / Closed / Draft / Archived, lower-cased.
SELECT
  j.id AS job_id,
  j.title,
  d.name AS department,
  j.customFields_RoleFamily AS role_family,
  j.customFields_Level AS level,
  l.name AS office,
  coalesce(ov.country, ac.code, nc.code, nullif(trim(l.address_postalAddress_addressCountry), ''), hs_location_country(l.name)) AS country,
  lower(j.status) AS status,
  j.openedAt AS opened_at,
  j.closedAt AS closed_at,
  j._file_id,
  NULL::VARCHAR AS _excluded
FROM ashby_jobs j
LEFT JOIN ashby_departments d ON d.id = j.departmentId
LEFT JOIN ashby_locations l ON l.id = j.locationId
LEFT JOIN (SELECT office, arg_max(country, office) AS country FROM vendor_office_countries GROUP BY office) ov
  ON ov.office = l.name OR ov.office = l.id
LEFT JOIN vendor_countries ac ON ac.key = lower(trim(l.address_postalAddress_addressCountry))
LEFT JOIN vendor_countries nc ON nc.key = lower(hs_location_country(l.name))
QUALIFY row_number() OVER (PARTITION BY j.id ORDER BY (ov.office = l.name) DESC NULLS LAST) = 1
