-- Fivetran's Lever `requisition`: one per opening (headcount 1), open or closed. Fivetran syncs no
-- closing time: a closed requisition's row was last written by the sync that saw it close, which here
-- runs at the closing instant (`_fivetran_synced` = the opening's closed_at). Besides: a requisition
-- soft-deleted in Lever (`_fivetran_deleted`) and one whose only posting was deleted (both left out).
SELECT
  hs_uuid('requisition:' || o.opening_id) AS id,
  false AS _fivetran_deleted,
  hs_sync_ts(coalesce(o.closed_at, e.taken_at)) AS _fivetran_synced,
  false AS backfill,
  hs_sync_ts(o.opened_at) AS created_at,
  'full-time' AS employment_status,
  CASE WHEN o.hired_application_id IS NULL THEN 0 ELSE 1 END AS headcount_hired,
  false AS headcount_infinite,
  1 AS headcount_total,
  upper(o.opening_id) AS requisition_code,
  CASE WHEN o.closed_at IS NULL THEN 'open' ELSE 'closed' END AS status,
  hs_uuid('user:' || j.hiring_manager) AS hiring_manager_id
FROM c_openings o
JOIN c_jobs j USING (job_id)
CROSS JOIN c_export e
UNION ALL
SELECT hs_uuid('requisition:' || r.code), r.deleted, hs_sync_ts(e.taken_at), false, hs_sync_ts(e.taken_at - INTERVAL 60 DAY),
  'full-time', 0, false, 1, r.code, 'open', NULL
FROM (VALUES ('REQ-DELETED', true), ('REQ-DELETED-POSTING', false)) r(code, deleted)
CROSS JOIN c_export e
ORDER BY id
