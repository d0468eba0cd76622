-- Fivetran's Lever `application`: each opportunity's one application, naming its posting (`posting_id`)
-- and, for a hire, the requisition it was hired against (`requisition_for_hire_id`). The archive is on
-- the opportunity (opportunity.sql); the second applications of every 100th candidate name the deleted
-- posting. Leads have none.
WITH rows AS (
  SELECT a.application_id AS key, 'opportunity:' || a.application_id AS opportunity, a.candidate_id, a.applied_at,
    hs_uuid('posting:' || a.job_id) AS posting_id, a.source_type,
    CASE WHEN o.opening_id IS NOT NULL THEN hs_uuid('requisition:' || o.opening_id) END AS requisition_for_hire_id
  FROM c_applications a
  LEFT JOIN c_openings o ON o.hired_application_id = a.application_id
  UNION ALL
  SELECT 'twice:' || a.application_id, 'twice:' || a.application_id, a.candidate_id, a.applied_at + INTERVAL 1 DAY,
    hs_uuid('posting:deleted'), 'inbound', NULL
  FROM c_applications a WHERE regexp_extract(a.application_id, '\d+')::BIGINT % 100 = 7
)
SELECT
  hs_uuid('application:' || r.key) AS id,
  hs_sync_ts(e.taken_at) AS _fivetran_synced,
  NULL AS archived_at,
  NULL AS archived_reason_id,
  hs_uuid('contact:' || r.candidate_id) AS candidate_id,
  hs_sync_ts(r.applied_at) AS created_at,
  r.posting_id,
  r.requisition_for_hire_id,
  CASE r.source_type WHEN 'referral' THEN 'referral' WHEN 'sourced' THEN 'user' WHEN 'agency' THEN 'user' ELSE 'posting' END AS type,
  hs_uuid(r.opportunity) AS opportunity_id
FROM rows r
CROSS JOIN c_export e
ORDER BY id
