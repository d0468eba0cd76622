-- Ashby openings -> canonical openings. The job: the first id in latestVersion_jobIds (a JSON array
-- `["..."]`, or ids separated by commas, semicolons or bars). Close reason by closeReasonId. The hire:
-- Ashby's opening has none, so it is the application whose accepted offer names this opening
-- (latestVersion_openingId; the latest resolved when there are several). Archived (deleted) openings are
-- left out; a draft opening with no openedAt is left out for want of opened_at.
WITH hires AS (
  SELECT r.latestVersion_openingId AS opening_id, arg_max(d.application_id, d.resolved_at) AS application_id
  FROM ashby_offers r
  JOIN vd_offers d ON d.offer_id = r.id
  WHERE d.status = 'accepted' AND r.latestVersion_openingId IS NOT NULL
  GROUP BY r.latestVersion_openingId
)
SELECT
  o.id AS opening_id,
  nullif(regexp_extract(o.latestVersion_jobIds, '[^\[\]"'',;|\s]+'), '') AS job_id,
  o.openedAt AS opened_at,
  o.closedAt AS closed_at,
  c.reasonText AS close_reason,
  h.application_id AS hired_application_id,
  o._file_id,
  CASE WHEN coalesce(o.isArchived, false) THEN 'archived opening' END AS _excluded
FROM ashby_openings o
LEFT JOIN ashby_close_reasons c ON c.id = o.closeReasonId
LEFT JOIN hires h ON h.opening_id = o.id
