-- Fivetran Greenhouse `close_reason`: why an opening was closed, by id.
SELECT row_number() OVER (ORDER BY close_reason) AS id, false AS _fivetran_deleted, '2026-10-01 06:00:00.000' AS _fivetran_synced, close_reason AS name
FROM (SELECT DISTINCT close_reason FROM c_openings WHERE close_reason IS NOT NULL)
ORDER BY id
