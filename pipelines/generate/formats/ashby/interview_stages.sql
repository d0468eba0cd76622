-- Ashby interviewStage.list for each job's interview plan: the stages its applications went through
-- (Application Review is a PreInterviewScreen stage, Offer an Offer stage, the others Active), in the
-- order they were first met, between the plan's New Lead (Lead) and its Hired and Archived states.
WITH used AS (
  SELECT a.job_id, h.stage, min(k) AS first_k FROM (
    SELECT *, row_number() OVER (PARTITION BY application_id ORDER BY entered_at, stage) AS k FROM c_stage_history
  ) h JOIN c_applications a USING (application_id)
  GROUP BY ALL
), stages AS (
  SELECT job_id, stage, CASE stage WHEN 'Application Review' THEN 'PreInterviewScreen' WHEN 'Offer' THEN 'Offer' ELSE 'Active' END AS type,
    1 AS part, first_k FROM used
  UNION ALL SELECT job_id, 'New Lead', 'Lead', 0, 0 FROM c_jobs
  UNION ALL SELECT job_id, 'Hired', 'Hired', 2, 0 FROM c_jobs
  UNION ALL SELECT job_id, 'Archived', 'Archived', 3, 0 FROM c_jobs
)
SELECT
  regexp_replace(md5('stage:' || job_id || ':' || stage), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5') AS id,
  stage AS title,
  type,
  (row_number() OVER (PARTITION BY job_id ORDER BY part, first_k, stage) - 1)::INTEGER AS "orderInInterviewPlan",
  NULL::VARCHAR AS "interviewStageGroupId",
  regexp_replace(md5('plan:' || job_id), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5') AS "interviewPlanId"
FROM stages
ORDER BY "interviewPlanId", "orderInInterviewPlan"
