-- Greenhouse Harvest v3 `application_stages`: one row per stage an application occupied, pointing at
-- the job's plan by job_interview_stage_id, with entered_at / exited_at. The quirk of a terminal
-- application: every 10th rejected application still shows its last stage as current (exited_at empty),
-- which the adapter closes at the rejection.
WITH stage_ids AS (
  SELECT job_id, stage, regexp_extract(job_id, '\d+')::BIGINT * 100 + plan_order AS stage_id FROM c_job_stages
), stays AS (
  SELECT h.application_id, h.stage, h.entered_at, h.exited_at, a.status, a.job_id,
    row_number() OVER (PARTITION BY h.application_id ORDER BY h.entered_at DESC, h.stage DESC) AS from_last,
    regexp_extract(h.application_id, '\d+')::BIGINT AS app
  FROM c_stage_history h JOIN c_applications a USING (application_id)
), written AS (
  SELECT s.app AS application_id, i.stage_id AS job_interview_stage_id, s.entered_at,
    CASE WHEN s.status = 'rejected' AND s.from_last = 1 AND s.app % 10 = 0 THEN NULL ELSE s.exited_at END AS exited_at
  FROM stays s JOIN stage_ids i ON i.job_id = s.job_id AND i.stage = s.stage
)
SELECT
  row_number() OVER (ORDER BY application_id, entered_at, job_interview_stage_id) AS id,
  application_id,
  job_interview_stage_id,
  strftime(entered_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS entered_at,
  strftime(exited_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS exited_at,
  exited_at IS NULL AS current,
  date_diff('day', entered_at, exited_at) AS days_in_stage
FROM written
ORDER BY id
