-- Fivetran Greenhouse `users` (issue 18), in the layout of dbt_greenhouse_source's users seed: the staff who
-- own the jobs (first word of the name as first_name, the rest as last_name).
SELECT 5000 + row_number() OVER (ORDER BY name) AS id, '2026-10-01 06:00:00.000' AS _fivetran_synced,
  '2024-01-02 09:00:00.000' AS created_at, false AS disabled, NULL AS employee_id,
  split_part(name, ' ', 1) AS first_name, trim(substr(name, length(split_part(name, ' ', 1)) + 1)) AS last_name,
  false AS site_admin, '2024-01-02 09:00:00.000' AS updated_at
FROM (SELECT recruiter AS name FROM c_jobs UNION SELECT hiring_manager FROM c_jobs)
WHERE name IS NOT NULL
ORDER BY id
