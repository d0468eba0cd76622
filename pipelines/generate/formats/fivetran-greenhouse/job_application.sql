-- Fivetran Greenhouse `job_application`: the job of each application in application.sql (the prospects'
-- and deleted copies' too; the deleted job's applications point at the deleted job, 80000000 + job id).
WITH first_job AS (SELECT min(regexp_extract(job_id, '\d+')::BIGINT) AS n FROM c_jobs),
base AS (SELECT regexp_extract(application_id, '\d+')::BIGINT AS id, regexp_extract(job_id, '\d+')::BIGINT AS job_n FROM c_applications)
SELECT id + copy AS application_id, job_n + CASE WHEN copy = 80000000 THEN copy ELSE 0 END AS job_id, '2026-10-01 06:00:00.000' AS _fivetran_synced
FROM base, (VALUES (0), (60000000), (70000000), (80000000), (90000000)) v(copy)
WHERE copy = 0 OR (copy = 70000000 AND id % 97 = 0) OR (copy = 60000000 AND id % 89 = 0)
  OR (copy = 80000000 AND job_n = (SELECT n FROM first_job)) OR (copy = 90000000 AND id % 40 = 0)
ORDER BY application_id
