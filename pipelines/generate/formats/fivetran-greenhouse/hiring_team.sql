-- Fivetran Greenhouse `hiring_team` (issue 18): the job's recruiter and hiring manager as users (ids from
-- users.sql: 5000 + the rank of the name among all owners).
WITH people AS (
  SELECT name, 5000 + row_number() OVER (ORDER BY name) AS user_id
  FROM (SELECT recruiter AS name FROM c_jobs UNION SELECT hiring_manager FROM c_jobs) WHERE name IS NOT NULL
)
SELECT regexp_extract(j.job_id, '\d+')::BIGINT AS job_id, v.role, p.user_id, '2026-10-01 06:00:00.000' AS _fivetran_synced
FROM c_jobs j, (VALUES ('hiring_managers'), ('recruiters')) v(role)
JOIN people p ON p.name = CASE v.role WHEN 'recruiters' THEN j.recruiter ELSE j.hiring_manager END
ORDER BY job_id, role
