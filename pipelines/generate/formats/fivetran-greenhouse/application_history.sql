-- Fivetran Greenhouse `application_history`: events, no exit times — one per stage entry (new_stage_id, a
-- job_stage id of the application's job; new_status active) and one per status change without a stage
-- (new_status rejected at rejected_at, hired at the hire). Also the events of the deleted copies of
-- application.sql.
WITH plan AS (
  SELECT job_id, stage, regexp_extract(job_id, '\d+')::BIGINT * 100 + plan_order AS stage_id FROM c_job_stages
), first_job AS (SELECT min(regexp_extract(job_id, '\d+')::BIGINT) AS n FROM c_jobs),
events AS (
  SELECT regexp_extract(h.application_id, '\d+')::BIGINT AS id, regexp_extract(a.job_id, '\d+')::BIGINT AS job_n,
    h.entered_at AS updated_at, p.stage_id, 'active' AS new_status
  FROM c_stage_history h JOIN c_applications a USING (application_id) JOIN plan p ON p.job_id = a.job_id AND p.stage = h.stage
  UNION ALL
  SELECT regexp_extract(application_id, '\d+')::BIGINT, regexp_extract(job_id, '\d+')::BIGINT, coalesce(rejected_at, hired_at), NULL, status
  FROM c_applications WHERE status IN ('rejected', 'hired') AND coalesce(rejected_at, hired_at) IS NOT NULL
), copies AS (
  SELECT e.*, 0 AS copy FROM events e
  UNION ALL SELECT e.*, 70000000 FROM events e WHERE id % 97 = 0
  UNION ALL SELECT e.*, 60000000 FROM events e WHERE id % 89 = 0
  UNION ALL SELECT e.*, 80000000 FROM events e WHERE job_n = (SELECT n FROM first_job)
)
SELECT id + copy AS application_id, strftime(updated_at, '%Y-%m-%d %H:%M:%S') AS updated_at, '2026-10-01 06:00:00.000' AS _fivetran_synced,
  CASE WHEN copy = 80000000 THEN stage_id + copy::BIGINT * 100 ELSE stage_id END AS new_stage_id, new_status
FROM copies
ORDER BY application_id, updated_at, new_stage_id NULLS LAST
