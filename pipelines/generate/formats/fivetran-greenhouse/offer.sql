-- Fivetran Greenhouse `offer` (the Harvest offer object flattened): accepted, rejected (the candidate
-- declined), deprecated (replaced by a newer version), unresolved. Greenhouse has no "rescinded": the
-- company rejects the application while the offer is out, so a rescinded offer is written unresolved with
-- no resolved_at. sent_at and starts_at are dates. Salary and currency stand for offer custom fields
-- (custom_salary, custom_currency), and the decline reason for one (custom_decline_reason, issue 18). Besides the canonical offers: the offers of the deleted copies of
-- application.sql, and every 13th offer copied as deleted in Greenhouse (70000000 + id) — left out.
WITH first_job AS (SELECT min(regexp_extract(job_id, '\d+')::BIGINT) AS n FROM c_jobs),
base AS (
  SELECT regexp_extract(o.offer_id, '\d+')::BIGINT AS id, regexp_extract(o.application_id, '\d+')::BIGINT AS app,
    regexp_extract(a.job_id, '\d+')::BIGINT AS job_n, o.*
  FROM c_offers o JOIN c_applications a USING (application_id)
), copies AS (
  SELECT b.*, 0 AS copy, 0 AS app_copy, false AS deleted FROM base b
  UNION ALL SELECT b.*, 70000000, 0, true FROM base b WHERE id % 13 = 0
  UNION ALL SELECT b.*, 71000000, 70000000, false FROM base b WHERE app % 97 = 0
  UNION ALL SELECT b.*, 61000000, 60000000, false FROM base b WHERE app % 89 = 0
  UNION ALL SELECT b.*, 81000000, 80000000, false FROM base b WHERE job_n = (SELECT n FROM first_job)
)
SELECT id + copy AS id, deleted AS _fivetran_deleted, '2026-10-01 06:00:00.000' AS _fivetran_synced, app + app_copy AS application_id,
  strftime(created_at, '%Y-%m-%d %H:%M:%S.%g') AS created_at,
  CASE WHEN status NOT IN ('rescinded', 'pending') THEN strftime(resolved_at, '%Y-%m-%d %H:%M:%S.%g') END AS resolved_at,
  strftime(sent_at, '%Y-%m-%d') AS sent_at,
  start_date AS starts_at,
  CASE status WHEN 'declined' THEN 'rejected' WHEN 'pending' THEN 'unresolved' WHEN 'rescinded' THEN 'unresolved' ELSE status END AS status,
  strftime(coalesce(resolved_at, created_at), '%Y-%m-%d %H:%M:%S.%g') AS updated_at,
  version,
  base_salary::BIGINT AS custom_salary,
  currency AS custom_currency,
  decline_reason AS custom_decline_reason
FROM copies
ORDER BY id
