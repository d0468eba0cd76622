SELECT row_number() OVER (ORDER BY source, source_type) AS id, source AS name, source_type AS type
FROM (SELECT DISTINCT source, source_type FROM c_applications WHERE source IS NOT NULL)
ORDER BY id
