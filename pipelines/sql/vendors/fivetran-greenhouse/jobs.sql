-- Fivetran Greenhouse job -> canonical jobs. A job deleted in Greenhouse (_fivetran_deleted) is left out,
-- and its openings and applications with it (openings.sql, applications.sql).
-- * Department through the job_department bridge, office through job_office (the lowest id of each when
--   a job has several); soft-deleted departments and offices are not used.
-- * Country: the configured override for the office (name or id), else the country named at the end of
--   the office's location_name ("Berlin, Germany" -> DE), else that text.
-- * Level: the job custom field named by vendors.levelField ($level_field), else the first custom level
--   column with a value, in the order of levelFields (fivetran-greenhouse.ts). Role family: custom_role_family.
-- * Opened: opened_at (a column Fivetran added in 2024), else created_at.
-- * Owners (issue 18): the job's hiring_team rows of role recruiters and hiring_managers, the user of lowest
--   id when there are several, named "first_name last_name" from users (else the user id).
WITH departments AS (
  SELECT b.job_id, min(b.department_id) AS department_id
  FROM fivetran_greenhouse_job_department b
  JOIN fivetran_greenhouse_department d ON d.id = b.department_id AND NOT coalesce(d._fivetran_deleted, false)
  GROUP BY b.job_id
), offices AS (
  SELECT b.job_id, min(b.office_id) AS office_id
  FROM fivetran_greenhouse_job_office b
  JOIN fivetran_greenhouse_office o ON o.id = b.office_id AND NOT coalesce(o._fivetran_deleted, false)
  GROUP BY b.job_id
), owners AS (
  SELECT t.job_id,
    arg_min(coalesce(nullif(trim(concat_ws(' ', u.first_name, u.last_name)), ''), t.user_id), t.user_id)
      FILTER (WHERE lower(t.role) IN ('recruiters', 'recruiter')) AS recruiter,
    arg_min(coalesce(nullif(trim(concat_ws(' ', u.first_name, u.last_name)), ''), t.user_id), t.user_id)
      FILTER (WHERE lower(t.role) IN ('hiring_managers', 'hiring_manager')) AS hiring_manager
  FROM fivetran_greenhouse_hiring_team t
  LEFT JOIN fivetran_greenhouse_users u ON u.id = t.user_id
  GROUP BY t.job_id
)
SELECT
  j.id AS job_id,
  j.name AS title,
  d.name AS department,
  j.custom_role_family AS role_family,
  CASE $level_field
    WHEN 'custom_employee_level_designation' THEN j.custom_employee_level_designation
    WHEN 'custom_level' THEN j.custom_level
    WHEN 'custom_job_level' THEN j.custom_job_level
    WHEN 'custom_employee_level' THEN j.custom_employee_level
    WHEN 'custom_level_designation' THEN j.custom_level_designation
    WHEN 'custom_career_level' THEN j.custom_career_level
    WHEN 'custom_seniority_level' THEN j.custom_seniority_level
    ELSE coalesce(j.custom_employee_level_designation, j.custom_level, j.custom_job_level, j.custom_employee_level,
      j.custom_level_designation, j.custom_career_level, j.custom_seniority_level)
  END AS level,
  o.name AS office,
  coalesce(ov.country, c.code, hs_location_country(o.location_name)) AS country,
  lower(j.status) AS status,
  coalesce(j.opened_at, j.created_at) AS opened_at,
  j.closed_at,
  ow.recruiter,
  ow.hiring_manager,
  j._file_id,
  CASE WHEN coalesce(j._fivetran_deleted, false) THEN 'deleted (_fivetran_deleted)' END AS _excluded
FROM fivetran_greenhouse_job j
LEFT JOIN departments jd ON jd.job_id = j.id
LEFT JOIN fivetran_greenhouse_department d ON d.id = jd.department_id
LEFT JOIN offices jo ON jo.job_id = j.id
LEFT JOIN fivetran_greenhouse_office o ON o.id = jo.office_id
LEFT JOIN owners ow ON ow.job_id = j.id
LEFT JOIN (SELECT office, arg_max(country, office) AS country FROM vendor_office_countries GROUP BY office) ov
  ON ov.office = o.name OR ov.office = o.id
LEFT JOIN vendor_countries c ON c.key = lower(hs_location_country(o.location_name))
QUALIFY row_number() OVER (PARTITION BY j.id ORDER BY (ov.office = o.name) DESC NULLS LAST) = 1
