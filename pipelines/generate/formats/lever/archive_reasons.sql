-- Lever `archive_reasons`: "Hired" (type hired) and one non-hired reason per rejection reason. Lever's
-- reason names are unique, and its type says only hired / non-hired: a reason the candidate gave
-- ("withdrew") whose name is also one of ours is named "Withdrew - <reason>" (the adapter reads that
-- prefix as withdrew); the others carry the names the adapter's default table knows.
WITH reasons AS (
  SELECT DISTINCT
    CASE WHEN a.rejection_type = 'withdrew' AND EXISTS (
        SELECT 1 FROM c_applications b WHERE b.rejection_reason = a.rejection_reason AND b.rejection_type IS DISTINCT FROM 'withdrew')
      THEN 'Withdrew - ' || a.rejection_reason ELSE a.rejection_reason END AS text
  FROM c_applications a WHERE a.status = 'rejected' AND a.rejection_reason IS NOT NULL
)
SELECT regexp_replace(md5('archive_reason:' || text), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5') AS id,
  text, type, 'active' AS status
FROM (SELECT text, 'non-hired' AS type FROM reasons UNION ALL SELECT 'Hired', 'hired')
ORDER BY text
