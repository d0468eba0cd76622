-- Fivetran's Lever `archive_reason`: id and text, no type (hired / non-hired). "Hired" and one reason
-- per rejection reason, named as c_lever_reasons names them (formats/index.ts). Besides: one reason
-- deleted in Lever that nothing uses.
WITH reasons AS (
  SELECT DISTINCT reason AS text FROM c_lever_reasons WHERE reason IS NOT NULL AND reason <> 'Hired'
)
SELECT hs_uuid('archive_reason:' || r.text) AS id, r.deleted AS _fivetran_deleted, hs_sync_ts(e.taken_at) AS _fivetran_synced, r.text
FROM (SELECT text, false AS deleted FROM reasons UNION ALL SELECT 'Hired', false UNION ALL SELECT 'Old reason (removed)', true) r
CROSS JOIN c_export e
ORDER BY id
