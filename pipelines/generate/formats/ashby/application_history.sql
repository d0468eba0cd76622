-- Ashby application history, one row per event with its application's id: every canonical stay (its
-- stage's title, enteredStageAt, leftStageAt; stageNumber from 0), then the state the application ended
-- in — an event in the Hired stage at the hire, or in the Archived stage at the rejection, still open, as
-- Ashby records them — and a New Lead event for each Lead copy (see applications.sql).
WITH events AS (
  SELECT h.application_id, a.job_id, h.stage, h.entered_at, h.exited_at, 0 AS terminal
  FROM c_stage_history h JOIN c_applications a USING (application_id)
  UNION ALL
  SELECT application_id, job_id, CASE status WHEN 'hired' THEN 'Hired' ELSE 'Archived' END, coalesce(hired_at, rejected_at), NULL, 1
  FROM c_applications WHERE status IN ('hired', 'rejected')
), numbered AS (
  SELECT *, row_number() OVER (PARTITION BY application_id ORDER BY entered_at, terminal, stage) - 1 AS k FROM events
), rows AS (
  SELECT regexp_replace(md5('application:' || application_id), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5') AS application, job_id, stage, entered_at, exited_at, k,
    'event:' || application_id || ':' || k AS event
  FROM numbered
  UNION ALL
  SELECT regexp_replace(md5('lead:' || application_id), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5'), job_id, 'New Lead', applied_at - INTERVAL 3 DAY, NULL, 0, 'lead-event:' || application_id
  FROM c_applications WHERE regexp_extract(application_id, '\d+')::BIGINT % 40 = 0
)
SELECT
  regexp_replace(md5(event), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5') AS id,
  application AS "applicationId",
  regexp_replace(md5('stage:' || job_id || ':' || stage), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5') AS "stageId",
  stage AS title,
  strftime(entered_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS "enteredStageAt",
  strftime(exited_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS "leftStageAt",
  k AS "stageNumber"
FROM rows
ORDER BY "applicationId", "stageNumber"
