-- Fivetran's Lever `stage`: the pipeline stages (id, text), Lever's built-in "New lead" (`lead-new`), and
-- one stage deleted in Lever that nothing uses.
SELECT s.id, s.deleted AS _fivetran_deleted, hs_sync_ts(e.taken_at) AS _fivetran_synced, s.text
FROM (
  SELECT DISTINCT hs_uuid('stage:' || stage) AS id, false AS deleted, stage AS text FROM c_stage_history
  UNION ALL SELECT 'lead-new', false, 'New lead'
  UNION ALL SELECT hs_uuid('stage:removed'), true, 'Old stage (removed)'
) s
CROSS JOIN c_export e
ORDER BY s.id
