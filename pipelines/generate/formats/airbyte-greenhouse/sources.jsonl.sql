-- Airbyte Greenhouse source, `sources` stream (Airbyte destination wrapper): {id, name, type {id, name}},
-- the type being the sourcing strategy.
SELECT
  md5('sources:' || id)[1:8] || '-' || md5('sources:' || id)[9:12] || '-' || md5('sources:' || id)[13:16] || '-'
    || md5('sources:' || id)[17:20] || '-' || md5('sources:' || id)[21:32] AS _airbyte_ab_id,
  1790000000000 AS _airbyte_emitted_at,
  {'id': id, 'name': source, 'type': {'id': type_id, 'name': source_type}} AS _airbyte_data
FROM (
  SELECT source, source_type, row_number() OVER (ORDER BY source, source_type) AS id, dense_rank() OVER (ORDER BY source_type) AS type_id
  FROM (SELECT DISTINCT source, source_type FROM c_applications WHERE source IS NOT NULL)
)
ORDER BY id
