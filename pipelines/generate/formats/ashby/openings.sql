-- Ashby opening.list: openingState Open / Filled / Closed, the job in latestVersion.jobIds (a JSON array),
-- close reason by id. The hire is not on the opening: see latestVersion_openingId in offers.sql.
SELECT
  regexp_replace(md5('opening:' || opening_id), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5') AS id,
  strftime(opened_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS "openedAt",
  strftime(closed_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS "closedAt",
  false AS "isArchived",
  CASE WHEN close_reason IS NOT NULL THEN regexp_replace(md5('close-reason:' || close_reason), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5') END AS "closeReasonId",
  CASE WHEN closed_at IS NULL THEN 'Open' WHEN hired_application_id IS NOT NULL THEN 'Filled' ELSE 'Closed' END AS "openingState",
  upper(opening_id) AS "latestVersion_identifier",
  to_json([regexp_replace(md5('job:' || job_id), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5')])::VARCHAR AS "latestVersion_jobIds"
FROM c_openings
ORDER BY id
