-- Greenhouse Harvest v3 `applications`, flattened: numeric ids, the application date as created_at,
-- status in_process / rejected / hired, sources and rejection reasons by id, the current stage by
-- job_interview_stage_id (empty for terminal applications), ISO 8601 UTC with milliseconds. Besides the
-- canonical applications: prospects (every 40th application copied as a prospect considered for the same
-- job, jobless: job_id empty, the job in prospective_job_ids; every 160th of them already converted) —
-- rows the adapter leaves out by default.
WITH stage_ids AS (
  SELECT job_id, stage, regexp_extract(job_id, '\d+')::BIGINT * 100 + plan_order AS stage_id FROM c_job_stages
), current_stage AS (
  SELECT h.application_id, i.stage_id
  FROM c_stage_history h JOIN c_applications a USING (application_id) JOIN stage_ids i ON i.job_id = a.job_id AND i.stage = h.stage
  WHERE h.exited_at IS NULL AND a.status = 'active'
  QUALIFY row_number() OVER (PARTITION BY h.application_id ORDER BY h.entered_at DESC) = 1
), base AS (
  SELECT
    regexp_extract(a.application_id, '\d+')::BIGINT AS id,
    regexp_extract(a.candidate_id, '\d+')::BIGINT AS candidate_id,
    regexp_extract(a.job_id, '\d+')::BIGINT AS job_id,
    CASE a.status WHEN 'active' THEN 'in_process' ELSE a.status END AS status,
    a.applied_at,
    a.rejected_at,
    r.id AS rejection_reason_id,
    s.id AS source_id,
    c.stage_id
  FROM c_applications a
  LEFT JOIN (SELECT source, source_type, row_number() OVER (ORDER BY source, source_type) AS id FROM (SELECT DISTINCT source, source_type FROM c_applications WHERE source IS NOT NULL)) s
    ON s.source = a.source AND s.source_type IS NOT DISTINCT FROM a.source_type
  LEFT JOIN (SELECT rejection_reason, rejection_type, row_number() OVER (ORDER BY rejection_reason, rejection_type) AS id FROM (SELECT DISTINCT rejection_reason, rejection_type FROM c_applications WHERE rejection_reason IS NOT NULL)) r
    ON r.rejection_reason = a.rejection_reason AND r.rejection_type IS NOT DISTINCT FROM a.rejection_type
  LEFT JOIN current_stage c USING (application_id)
)
SELECT id, candidate_id, job_id, '[]' AS prospective_job_ids, false AS prospect, status,
  strftime(applied_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS created_at, strftime(rejected_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS rejected_at,
  rejection_reason_id, source_id, stage_id, stage_id AS job_interview_stage_id
FROM base
UNION ALL
SELECT 90000000 + id, 90000000 + candidate_id, NULL, '[' || job_id || ']', true, CASE WHEN id % 160 = 0 THEN 'converted' ELSE 'in_process' END,
  strftime(applied_at - INTERVAL 3 DAY, '%Y-%m-%dT%H:%M:%S.%gZ'), NULL, NULL, source_id, NULL, NULL
FROM base WHERE id % 40 = 0
ORDER BY id
