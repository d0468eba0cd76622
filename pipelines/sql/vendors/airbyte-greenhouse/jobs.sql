-- Airbyte Greenhouse (Harvest v1/v2) jobs -> canonical jobs. A job embeds its departments and offices as
-- arrays of Harvest objects (JSON text): the department and office are those of lowest id (a job has
-- one of each as a rule). Country: the configured override for the office (name or id; an English
-- country name becomes its code), else the country named at the end of the office's location.name
-- ("Berlin, Germany" -> DE), else that text. Level and role family are job custom fields
-- (custom_fields.<name_key>), flattened by the loader. Template jobs (is_template) are kept: Greenhouse
-- lets applications reach them. Owners (issue 18): hiring_team.recruiters and .hiring_managers, the
-- responsible one first, else the lowest id; named by `name`, else first and last name, else the id.
WITH departments AS (
  SELECT job_id, arg_min(d.name, d.id) AS department
  FROM (
    SELECT id AS job_id, unnest(from_json(departments, '[{"id": "BIGINT", "name": "VARCHAR"}]')) AS d
    FROM airbyte_greenhouse_jobs WHERE json_valid(departments)
  )
  GROUP BY job_id
), offices AS (
  SELECT job_id, arg_min(o.id, o.id)::VARCHAR AS id, arg_min(o.name, o.id) AS name, arg_min(o.location.name, o.id) AS location
  FROM (
    SELECT id AS job_id, unnest(from_json(offices, '[{"id": "BIGINT", "name": "VARCHAR", "location": {"name": "VARCHAR"}}]')) AS o
    FROM airbyte_greenhouse_jobs WHERE json_valid(offices)
  )
  GROUP BY job_id
), team AS (
  SELECT job_id, role,
    arg_min(coalesce(nullif(trim(m.name), ''), nullif(trim(concat_ws(' ', m.first_name, m.last_name)), ''), m.id::VARCHAR),
      (NOT coalesce(m.responsible, false), m.id)) AS name
  FROM (
    SELECT id AS job_id, 'recruiter' AS role,
      unnest(from_json(hiring_team_recruiters, '[{"id": "BIGINT", "name": "VARCHAR", "first_name": "VARCHAR", "last_name": "VARCHAR", "responsible": "BOOLEAN"}]')) AS m
    FROM airbyte_greenhouse_jobs WHERE json_valid(hiring_team_recruiters)
    UNION ALL
    SELECT id, 'hiring_manager',
      unnest(from_json(hiring_team_hiring_managers, '[{"id": "BIGINT", "name": "VARCHAR", "first_name": "VARCHAR", "last_name": "VARCHAR", "responsible": "BOOLEAN"}]'))
    FROM airbyte_greenhouse_jobs WHERE json_valid(hiring_team_hiring_managers)
  )
  GROUP BY ALL
)
SELECT
  j.id AS job_id,
  j.name AS title,
  d.department,
  j.role_family,
  j.level,
  o.name AS office,
  coalesce(oc.code, ov.country, c.code, hs_location_country(o.location)) AS country,
  lower(j.status) AS status,
  j.opened_at,
  j.closed_at,
  tr.name AS recruiter,
  tm.name AS hiring_manager,
  j._file_id,
  NULL::VARCHAR AS _excluded
FROM airbyte_greenhouse_jobs j
LEFT JOIN departments d ON d.job_id = j.id
LEFT JOIN offices o ON o.job_id = j.id
LEFT JOIN team tr ON tr.job_id = j.id AND tr.role = 'recruiter'
LEFT JOIN team tm ON tm.job_id = j.id AND tm.role = 'hiring_manager'
LEFT JOIN (SELECT office, arg_max(country, office) AS country FROM vendor_office_countries GROUP BY office) ov
  ON ov.office = o.name OR ov.office = o.id
LEFT JOIN vendor_countries oc ON oc.key = lower(trim(ov.country))
LEFT JOIN vendor_countries c ON c.key = lower(hs_location_country(o.location))
QUALIFY row_number() OVER (PARTITION BY j.id ORDER BY (ov.office = o.name) DESC NULLS LAST) = 1
