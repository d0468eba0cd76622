-- Fivetran's Lever `requisition` -> canonical openings, one opening per requisition (a requisition for
-- several hires is one opening here, filled by its first hire, as with the Lever adapter).
-- * Job: the requisition's posting through the `requisition_posting` bridge (live bridge rows; the
--   first live posting by id). A requisition whose postings are all deleted goes with them ('posting
--   deleted'); one with no posting has no job and is left out (no job_id).
-- * Opened at: created_at. Closed at: Fivetran syncs no closing time of a requisition; a requisition
--   that is not open, on hold or a draft closed at the latest when Fivetran synced it closed
--   (`_fivetran_synced`, late by up to one sync interval; a later edit of the row moves it).
-- * Hired application: the hired opportunity whose application names this requisition as
--   `requisition_for_hire_id`; the earliest hire when several do.
-- * A soft-deleted requisition is left out ('requisition deleted').
WITH links AS (
  SELECT
    b.requisition_id,
    b.posting_id,
    coalesce(hs_soft_deleted(p._fivetran_deleted, p.is_deleted, p.deleted_at), false) AS posting_deleted
  FROM fivetran_lever_requisition_posting b
  LEFT JOIN fivetran_lever_posting p ON p.id = b.posting_id
  WHERE NOT hs_soft_deleted(b._fivetran_deleted, b.is_deleted, b.deleted_at)
  QUALIFY row_number() OVER (PARTITION BY b.requisition_id ORDER BY posting_deleted, b.posting_id) = 1
), hires AS (
  SELECT a.requisition_for_hire_id AS requisition_id, arg_min(h.application_id, (h.hired_at, h.application_id)) AS application_id
  FROM fivetran_lever_application a
  JOIN vd_applications h ON h.application_id = a.opportunity_id AND h.status = 'hired'
  WHERE a.requisition_for_hire_id IS NOT NULL AND NOT hs_soft_deleted(a._fivetran_deleted, a.is_deleted, a.deleted_at)
  GROUP BY a.requisition_for_hire_id
)
SELECT
  r.id AS opening_id,
  l.posting_id AS job_id,
  r.created_at AS opened_at,
  CASE WHEN lower(r.status) NOT IN ('open', 'onhold', 'draft') OR r.status IS NULL THEN r._fivetran_synced END AS closed_at,
  CASE WHEN h.application_id IS NOT NULL THEN 'Hired' END AS close_reason,
  h.application_id AS hired_application_id,
  r._file_id,
  CASE
    WHEN hs_soft_deleted(r._fivetran_deleted, r.is_deleted, r.deleted_at) THEN 'requisition deleted'
    WHEN l.posting_deleted THEN 'posting deleted'
  END AS _excluded
FROM fivetran_lever_requisition r
LEFT JOIN links l ON l.requisition_id = r.id
LEFT JOIN hires h ON h.requisition_id = r.id
