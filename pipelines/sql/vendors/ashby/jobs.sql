-- Ashby jobs -> canonical jobs. Department by departmentId; office = the job's location name; country:
-- the configured override for the location (name or id), else the location's address country (a name
-- or an ISO code), else the country named at the end of the location name ("Berlin, Germany" -> DE),
-- else that text. Level and role family are job custom fields (customFields_Level, customFields_Role
-- Family), when exported. Status Open / Closed / Draft / Archived, lower-cased. Owners (issue 18): the
-- hiringTeam members of role Recruiter and Hiring Manager (the first listed of each), "firstName lastName",
-- else the user id.
WITH team AS (
  SELECT job_id, lower(trim(m.role)) AS role,
    first(coalesce(nullif(trim(concat_ws(' ', m.firstName, m.lastName)), ''), m.userId) ORDER BY n) AS name
  FROM (
    SELECT id AS job_id, unnest(from_json(hiringTeam, '[{"userId": "VARCHAR", "firstName": "VARCHAR", "lastName": "VARCHAR", "role": "VARCHAR"}]')) AS m,
      generate_subscripts(from_json(hiringTeam, '["JSON"]'), 1) AS n
    FROM ashby_jobs WHERE json_valid(hiringTeam)
  )
  GROUP BY ALL
)
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
  tr.name AS recruiter,
  tm.name AS hiring_manager,
  j._file_id,
  NULL::VARCHAR AS _excluded
FROM ashby_jobs j
LEFT JOIN ashby_departments d ON d.id = j.departmentId
LEFT JOIN ashby_locations l ON l.id = j.locationId
LEFT JOIN team tr ON tr.job_id = j.id AND tr.role = 'recruiter'
LEFT JOIN team tm ON tm.job_id = j.id AND tm.role = 'hiring manager'
LEFT JOIN (SELECT office, arg_max(country, office) AS country FROM vendor_office_countries GROUP BY office) ov
  ON ov.office = l.name OR ov.office = l.id
LEFT JOIN vendor_countries ac ON ac.key = lower(trim(l.address_postalAddress_addressCountry))
LEFT JOIN vendor_countries nc ON nc.key = lower(hs_location_country(l.name))
QUALIFY row_number() OVER (PARTITION BY j.id ORDER BY (ov.office = l.name) DESC NULLS LAST) = 1
