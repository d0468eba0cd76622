-- Greenhouse Harvest v3 `sources`: the sourcing strategy (`type: {id, name}`) flattened to type_id, type_name.
SELECT row_number() OVER (ORDER BY source, source_type) AS id, source AS name,
  dense_rank() OVER (ORDER BY source_type) AS type_id, source_type AS type_name
FROM (SELECT DISTINCT source, source_type FROM c_applications WHERE source IS NOT NULL)
ORDER BY id
