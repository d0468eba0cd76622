-- Lever `requisitions`: one per opening (headcount 1), linked to its job's posting (`postings`, a JSON
-- array as the API gives it); closed when the opening closed.
SELECT
  regexp_replace(md5('requisition:' || o.opening_id), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5') AS id,
  upper(o.opening_id) AS requisitionCode,
  CASE WHEN o.closed_at IS NULL THEN 'open' ELSE 'closed' END AS status,
  1 AS headcountTotal,
  CASE WHEN o.hired_application_id IS NULL THEN 0 ELSE 1 END AS headcountHired,
  to_json([regexp_replace(md5('posting:' || o.job_id), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5')])::VARCHAR AS postings,
  epoch_ms(o.opened_at) AS createdAt,
  epoch_ms(o.closed_at) AS closedAt
FROM c_openings o
ORDER BY id
