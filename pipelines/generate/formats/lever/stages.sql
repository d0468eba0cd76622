-- Lever `stages`: the pipeline stages (id, text), plus the "New lead" stage of sourced leads. Ids are
-- UUIDs, as Lever's are (derived from the name, so the output is the same for the same seed).
SELECT regexp_replace(md5('stage:' || stage), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5') AS id, stage AS text
FROM (SELECT DISTINCT stage FROM c_stage_history UNION SELECT 'New lead')
ORDER BY text
