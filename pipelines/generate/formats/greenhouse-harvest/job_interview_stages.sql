-- Greenhouse Harvest v3 `job_interview_stages`: each job's interview plan — the stages its applications
-- went through, in their usual order — ids the application_stages rows point at.
SELECT stage_id AS id, regexp_extract(job_id, '\d+')::BIGINT AS job_id, stage AS name, sort_order, true AS active
FROM (
  SELECT job_id, stage, regexp_extract(job_id, '\d+')::BIGINT * 100 + row_number() OVER (PARTITION BY job_id ORDER BY position, stage) AS stage_id,
    row_number() OVER (PARTITION BY job_id ORDER BY position, stage) - 1 AS sort_order
  FROM (
    SELECT a.job_id, h.stage, avg(h.n) AS position
    FROM (SELECT application_id, stage, row_number() OVER (PARTITION BY application_id ORDER BY entered_at, stage) AS n FROM c_stage_history) h
    JOIN c_applications a USING (application_id)
    GROUP BY ALL
  )
)
ORDER BY id
