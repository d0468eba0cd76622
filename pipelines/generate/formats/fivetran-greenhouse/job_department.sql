-- Fivetran Greenhouse `job_department`: the bridge from a job to its department (the deleted job's copy too).
WITH d AS (SELECT department, row_number() OVER (ORDER BY department) AS id FROM (SELECT DISTINCT department FROM c_jobs WHERE department IS NOT NULL)),
jobs AS (SELECT regexp_extract(job_id, '\d+')::BIGINT AS n, department FROM c_jobs)
SELECT d.id AS department_id, j.n + copy AS job_id, '2026-10-01 06:00:00.000' AS _fivetran_synced
FROM jobs j JOIN d USING (department), (VALUES (0), (80000000)) v(copy)
WHERE copy = 0 OR j.n = (SELECT min(n) FROM jobs)
ORDER BY job_id
