-- Greenhouse Data Lake `applications`: numeric ids, sources and rejection reasons by id, UTC date-times
-- without an offset. Besides the canonical applications: prospects (every 40th application copied as a
-- prospect on the same job, never a candidate) and a few migrated candidates (every 97th copied with
-- migrated = true) — rows the adapter leaves out by default.
WITH base AS (
  SELECT
    regexp_extract(a.application_id, '\d+')::BIGINT AS id,
    regexp_extract(a.candidate_id, '\d+')::BIGINT AS candidate_id,
    s.id AS source_id,
    a.status,
    a.applied_at,
    a.rejected_at,
    r.id AS rejection_reason_id
  FROM c_applications a
  LEFT JOIN (SELECT source, source_type, row_number() OVER (ORDER BY source, source_type) AS id FROM (SELECT DISTINCT source, source_type FROM c_applications WHERE source IS NOT NULL)) s
    ON s.source = a.source AND s.source_type IS NOT DISTINCT FROM a.source_type
  LEFT JOIN (SELECT rejection_reason, rejection_type, row_number() OVER (ORDER BY rejection_reason, rejection_type) AS id FROM (SELECT DISTINCT rejection_reason, rejection_type FROM c_applications WHERE rejection_reason IS NOT NULL)) r
    ON r.rejection_reason = a.rejection_reason AND r.rejection_type IS NOT DISTINCT FROM a.rejection_type
)
SELECT id, candidate_id, NULL::BIGINT AS stage_id, source_id, status, false AS prospect,
  strftime(applied_at, '%Y-%m-%d %H:%M:%S') AS applied_at, strftime(rejected_at, '%Y-%m-%d %H:%M:%S') AS rejected_at,
  rejection_reason_id, false AS migrated
FROM base
UNION ALL
SELECT 90000000 + id, 90000000 + candidate_id, NULL, source_id, 'active', true,
  strftime(applied_at - INTERVAL 3 DAY, '%Y-%m-%d %H:%M:%S'), NULL, NULL, false
FROM base WHERE id % 40 = 0
UNION ALL
SELECT 80000000 + id, 80000000 + candidate_id, NULL, source_id, status, false,
  strftime(applied_at, '%Y-%m-%d %H:%M:%S'), strftime(rejected_at, '%Y-%m-%d %H:%M:%S'), rejection_reason_id, true
FROM base WHERE id % 97 = 0
ORDER BY id
