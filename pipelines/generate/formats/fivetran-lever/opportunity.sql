-- Fivetran's Lever `opportunity`: created_at, origin, contact, the archive (archived_at and the reason's
-- id; a hire is archived "Hired" at hired_at, a rejection with its reason at rejected_at) and the current
-- stage. Besides the applications of the company:
-- * every 40th candidate was first a sourced lead with no posting (no application row): left out;
-- * every 100th (number ending 07) applied twice, the second time to the posting that was later deleted
--   (posting.sql): that opportunity, its stage changes and offer go with the deleted posting.
WITH apps AS (
  SELECT a.*, regexp_extract(a.application_id, '\d+')::BIGINT AS n, r.reason
  FROM c_applications a JOIN c_lever_reasons r USING (application_id)
), current_stage AS (
  SELECT application_id, arg_max(stage, entered_at) AS stage FROM c_stage_history GROUP BY application_id
), rows AS (
  SELECT 'opportunity:' || a.application_id AS key, a.candidate_id, a.applied_at AS created_at,
    CASE a.source_type WHEN 'referral' THEN 'referred' WHEN 'sourced' THEN 'sourced' WHEN 'agency' THEN 'agency'
      WHEN 'university' THEN 'university' ELSE 'applied' END AS origin,
    a.reason, coalesce(a.hired_at, a.rejected_at) AS archived_at, hs_uuid('stage:' || s.stage) AS stage_id
  FROM apps a LEFT JOIN current_stage s USING (application_id)
  UNION ALL
  SELECT 'lead:' || a.application_id, a.candidate_id, a.applied_at - INTERVAL 3 DAY, 'sourced', NULL, NULL, 'lead-new'
  FROM apps a WHERE a.n % 40 = 0
  UNION ALL
  SELECT 'twice:' || a.application_id, a.candidate_id, a.applied_at + INTERVAL 1 DAY, 'applied', NULL, NULL, hs_uuid('stage:' || s.stage)
  FROM apps a LEFT JOIN current_stage s USING (application_id) WHERE a.n % 100 = 7
)
SELECT
  hs_uuid(r.key) AS id,
  hs_sync_ts(e.taken_at) AS _fivetran_synced,
  hs_sync_ts(r.archived_at) AS archived_at,
  CASE WHEN r.reason IS NOT NULL THEN hs_uuid('archive_reason:' || r.reason) END AS archived_reason_id,
  hs_uuid('contact:' || r.candidate_id) AS contact,
  hs_sync_ts(r.created_at) AS created_at,
  false AS is_anonymized,
  r.origin,
  r.stage_id,
  hs_sync_ts(coalesce(r.archived_at, r.created_at)) AS updated_at
FROM rows r
CROSS JOIN c_export e
ORDER BY id
