-- Lever requisitions -> canonical openings, one opening per requisition (a requisition for several hires
-- is one opening here, filled by its first hire: see docs/importing.md).
-- * Job: the requisition's first posting (`postings`: a JSON array, or one posting id); a requisition
--   with no posting has no job and is left out.
-- * Opened at: timeToFillStartAt when set (Lever's own start of time to fill), else createdAt. Closed
--   at: closedAt (else timeToFillEndAt), unless the requisition is open, on hold or a draft.
-- * Hired application: the hired opportunity whose application names this requisition as
--   `requisitionForHire` (applications file, else the opportunity's `applications` JSON text); the
--   earliest hire when several do.
WITH hire_links AS (
  SELECT opportunityId, requisitionForHire_id AS requisition_id FROM lever_applications WHERE requisitionForHire_id IS NOT NULL
  UNION
  SELECT id, json_extract_string(applications, '$[0].requisitionForHire.id') FROM lever_opportunities
  WHERE json_valid(applications) AND json_extract_string(applications, '$[0].requisitionForHire.id') IS NOT NULL
), hires AS (
  SELECT h.requisition_id, arg_min(a.application_id, (a.hired_at, a.application_id)) AS application_id
  FROM hire_links h
  JOIN vd_applications a ON a.application_id = h.opportunityId AND a.status = 'hired'
  GROUP BY h.requisition_id
)
SELECT
  r.id AS opening_id,
  nullif(trim(CASE WHEN r.postings LIKE '[%' THEN CASE WHEN json_valid(r.postings) THEN json_extract_string(r.postings, '$[0]') END ELSE r.postings END), '') AS job_id,
  coalesce(r.timeToFillStartAt, r.createdAt) AS opened_at,
  CASE WHEN lower(r.status) NOT IN ('open', 'onhold', 'draft') OR r.status IS NULL THEN coalesce(r.closedAt, r.timeToFillEndAt) END AS closed_at,
  CASE WHEN h.application_id IS NOT NULL THEN 'Hired' END AS close_reason,
  h.application_id AS hired_application_id,
  r._file_id,
  NULL::VARCHAR AS _excluded
FROM lever_requisitions r
LEFT JOIN hires h ON h.requisition_id = r.id
