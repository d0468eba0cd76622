-- Fivetran Greenhouse `job_stage`: each job's interview plan (the stages its applications went through,
-- in their usual order), ids per job (job number * 100 + position); the deleted job's copy has its own.
WITH plan AS (SELECT regexp_extract(job_id, '\d+')::BIGINT AS job_n, stage, plan_order, first_entry FROM c_job_stages),
first_job AS (SELECT min(regexp_extract(job_id, '\d+')::BIGINT) AS n FROM c_jobs)
SELECT (job_n + copy) * 100 + plan_order AS id,
  false AS _fivetran_deleted, '2026-10-01 06:00:00.000' AS _fivetran_synced,
  strftime(first_entry - INTERVAL 1 DAY, '%Y-%m-%d %H:%M:%S.%g') AS created_at, job_n + copy AS job_id, stage AS name,
  strftime(first_entry - INTERVAL 1 DAY, '%Y-%m-%d %H:%M:%S.%g') AS updated_at
FROM plan, (VALUES (0), (80000000)) v(copy)
WHERE copy = 0 OR job_n = (SELECT n FROM first_job)
ORDER BY id
