-- Fivetran Greenhouse `application`: numeric ids, the job through job_application (job_application.sql),
-- sources and rejection reasons by id (rejected_reason_id), current_stage_id pointing at the job's
-- job_stage, UTC date-times without an offset. Besides the canonical applications, rows the adapter must
-- leave out: prospects (every 40th copied as a prospect, id 90000000 + id), applications deleted in
-- Greenhouse (every 97th copied with _fivetran_deleted = true, 70000000 + id; every 89th with Greenhouse's
-- is_deleted = true, 60000000 + id) and the applications of the deleted job (80000000 + id).
WITH first_job AS (SELECT min(regexp_extract(job_id, '\d+')::BIGINT) AS n FROM c_jobs),
base AS (
  SELECT
    regexp_extract(a.application_id, '\d+')::BIGINT AS id,
    regexp_extract(a.job_id, '\d+')::BIGINT AS job_n,
    regexp_extract(a.candidate_id, '\d+')::BIGINT AS candidate_id,
    s.id AS source_id, a.status, a.applied_at, a.rejected_at, r.id AS rejected_reason_id,
    coalesce(a.rejected_at, a.hired_at, a.applied_at) AS last_activity_at
  FROM c_applications a
  LEFT JOIN (SELECT source, source_type, row_number() OVER (ORDER BY source, source_type) AS id FROM (SELECT DISTINCT source, source_type FROM c_applications WHERE source IS NOT NULL)) s
    ON s.source = a.source AND s.source_type IS NOT DISTINCT FROM a.source_type
  LEFT JOIN (SELECT rejection_reason, rejection_type, row_number() OVER (ORDER BY rejection_reason, rejection_type) AS id FROM (SELECT DISTINCT rejection_reason, rejection_type FROM c_applications WHERE rejection_reason IS NOT NULL)) r
    ON r.rejection_reason = a.rejection_reason AND r.rejection_type IS NOT DISTINCT FROM a.rejection_type
), copies AS (
  SELECT b.*, 0 AS copy, false AS fivetran_deleted, false AS is_deleted FROM base b
  UNION ALL SELECT b.*, 70000000, true, false FROM base b WHERE id % 97 = 0
  UNION ALL SELECT b.*, 60000000, false, true FROM base b WHERE id % 89 = 0
  UNION ALL SELECT b.*, 80000000, false, false FROM base b WHERE job_n = (SELECT n FROM first_job)
)
SELECT id + copy AS id, fivetran_deleted AS _fivetran_deleted, '2026-10-01 06:00:00.000' AS _fivetran_synced,
  strftime(applied_at, '%Y-%m-%d %H:%M:%S.%g') AS applied_at, candidate_id + copy AS candidate_id, NULL::BIGINT AS credited_to_user_id,
  NULL::BIGINT AS current_stage_id, CASE WHEN is_deleted THEN true END AS is_deleted,
  strftime(last_activity_at, '%Y-%m-%d %H:%M:%S.%g') AS last_activity_at, NULL::VARCHAR AS location_address, false AS prospect,
  NULL::BIGINT AS prospect_owner_id, NULL::BIGINT AS prospect_pool_id, NULL::BIGINT AS prospect_stage_id,
  strftime(rejected_at, '%Y-%m-%d %H:%M:%S.%g') AS rejected_at, rejected_reason_id, source_id, status
FROM copies
UNION ALL
SELECT 90000000 + id, false, '2026-10-01 06:00:00.000', strftime(applied_at - INTERVAL 3 DAY, '%Y-%m-%d %H:%M:%S.%g'), 90000000 + candidate_id,
  NULL, NULL, NULL, strftime(applied_at - INTERVAL 3 DAY, '%Y-%m-%d %H:%M:%S.%g'), NULL, true, 4000, 1, 1, NULL, NULL, source_id, 'active'
FROM base WHERE id % 40 = 0
ORDER BY id
