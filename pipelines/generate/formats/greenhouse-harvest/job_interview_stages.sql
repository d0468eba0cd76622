-- Greenhouse Harvest v3 `job_interview_stages`: each job's interview plan — the stages its applications
-- went through, in their usual order — ids the application_stages rows point at.
SELECT regexp_extract(job_id, '\d+')::BIGINT * 100 + plan_order AS id, regexp_extract(job_id, '\d+')::BIGINT AS job_id, stage AS name,
  plan_order - 1 AS sort_order, true AS active
FROM c_job_stages
ORDER BY id
