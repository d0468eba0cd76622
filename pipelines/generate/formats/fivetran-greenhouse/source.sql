-- Fivetran Greenhouse `source`: the sourcing strategy as source_type_id / source_type_name.
SELECT row_number() OVER (ORDER BY source, source_type) AS id, false AS _fivetran_deleted, '2026-10-01 06:00:00.000' AS _fivetran_synced,
  source AS name, dense_rank() OVER (ORDER BY source_type) AS source_type_id, source_type AS source_type_name
FROM (SELECT DISTINCT source, source_type FROM c_applications WHERE source IS NOT NULL)
ORDER BY id
