-- Fivetran's Lever `opportunity` -> canonical applications (one opportunity = one candidate's pipeline
-- for one job), as the Lever adapter does (lever/applications.sql), from the synced tables:
-- * Job: `posting_id` of the opportunity's `application` (the earliest live one). An opportunity without
--   a posting is a general lead, not an application: left out.
-- * Applied at = the opportunity's created_at. Candidate = `contact`. Source: the opportunity's
--   `opportunity_source` rows (an array in the API, unordered once synced: the first by name counts).
-- * Archived: `archived_at` / `archived_reason_id` (else the application's). Fivetran's archive_reason
--   has no `type`: a reason whose text starts with "Hired", or an archived opportunity whose application
--   names the requisition it was hired for (`requisition_for_hire_id`), is a hire at the archive time;
--   any other archive is a rejection then, its type from the text (hs_lever_rejection_type, config first).
-- * Soft deletes: a deleted opportunity is left out ('opportunity deleted'); a deleted application does
--   not give a posting ('application deleted' when it was the only one); an application of a deleted
--   posting goes with it ('posting deleted'). Stage rows and offers of every opportunity left out follow.
--   A deleted archive reason or source still names the rows that point at it (those archives happened).
WITH app AS (
  SELECT
    a.opportunity_id, a.posting_id, a.archived_at, a.archived_reason_id, a.requisition_for_hire_id,
    hs_soft_deleted(a._fivetran_deleted, a.is_deleted, a.deleted_at) AS deleted
  FROM fivetran_lever_application a
  QUALIFY row_number() OVER (PARTITION BY a.opportunity_id ORDER BY deleted, a.created_at NULLS LAST, a.id) = 1
), src AS (
  SELECT opportunity_id, min(source) AS source FROM fivetran_lever_opportunity_source
  WHERE NOT hs_soft_deleted(_fivetran_deleted, is_deleted, deleted_at)
  GROUP BY opportunity_id
), opened AS (
  SELECT
    o.id,
    o.contact,
    o.created_at,
    o.origin,
    o._file_id,
    hs_soft_deleted(o._fivetran_deleted, o.is_deleted, o.deleted_at) AS deleted,
    a.deleted AS application_deleted,
    a.posting_id,
    hs_soft_deleted(p._fivetran_deleted, p.is_deleted, p.deleted_at) AS posting_deleted,
    coalesce(o.archived_reason_id, a.archived_reason_id) AS reason,
    coalesce(o.archived_at, a.archived_at) AS archived_at,
    a.requisition_for_hire_id,
    s.source
  FROM fivetran_lever_opportunity o
  LEFT JOIN app a ON a.opportunity_id = o.id
  LEFT JOIN src s ON s.opportunity_id = o.id
  LEFT JOIN fivetran_lever_posting p ON p.id = a.posting_id
), reasoned AS (
  SELECT
    o.*,
    coalesce(r.text, o.reason) AS reason_text,
    (o.reason IS NOT NULL OR o.archived_at IS NOT NULL) AS archived
  FROM opened o
  LEFT JOIN (SELECT id, arg_min(text, hs_soft_deleted(_fivetran_deleted, is_deleted, deleted_at)) AS text
    FROM fivetran_lever_archive_reason GROUP BY id) r ON r.id = o.reason
), typed AS (
  SELECT
    o.*,
    o.archived AND (coalesce(lower(trim(o.reason_text)) LIKE 'hired%', false) OR o.requisition_for_hire_id IS NOT NULL) AS hired
  FROM reasoned o
)
SELECT
  o.id AS application_id,
  o.posting_id AS job_id,
  o.created_at AS applied_at,
  o.contact AS candidate_id,
  o.source,
  hs_lever_source_type(o.origin, o.source) AS source_type,
  CASE WHEN NOT o.archived THEN 'active' WHEN o.hired THEN 'hired' ELSE 'rejected' END AS status,
  CASE WHEN o.archived AND NOT o.hired THEN o.archived_at END AS rejected_at,
  CASE WHEN o.archived AND NOT o.hired THEN coalesce(cfg.rejection_type, hs_lever_rejection_type(o.reason_text), 'rejected') END AS rejection_type,
  CASE WHEN o.archived AND NOT o.hired THEN o.reason_text END AS rejection_reason,
  CASE WHEN o.hired THEN o.archived_at END AS hired_at,
  o._file_id,
  CASE
    WHEN o.deleted THEN 'opportunity deleted'
    WHEN o.application_deleted THEN 'application deleted'
    WHEN o.posting_id IS NULL THEN 'lead without a posting'
    WHEN o.posting_deleted THEN 'posting deleted'
  END AS _excluded
FROM typed o
LEFT JOIN (SELECT reason_key, arg_max(rejection_type, reason_key) AS rejection_type FROM vendor_rejection_types GROUP BY reason_key) cfg
  ON cfg.reason_key = lower(trim(o.reason_text))
