-- Lever `archive_reasons`: "Hired" (type hired) and one non-hired reason per rejection reason, named as
-- c_lever_reasons names them (formats/index.ts: "Withdrew - <reason>" where a name is ambiguous).
WITH reasons AS (
  SELECT DISTINCT reason AS text FROM c_lever_reasons WHERE reason IS NOT NULL AND reason <> 'Hired'
)
SELECT regexp_replace(md5('archive_reason:' || text), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5') AS id,
  text, type, 'active' AS status
FROM (SELECT text, 'non-hired' AS type FROM reasons UNION ALL SELECT 'Hired', 'hired')
ORDER BY text
