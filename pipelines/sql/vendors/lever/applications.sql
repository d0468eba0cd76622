-- Lever opportunities -> canonical applications (one opportunity = one candidate's pipeline for one job).
-- * Job: the posting of the opportunity's application (applications file, else the `applications` JSON
--   text of a JSON lines export; Lever gives an opportunity at most one application, the earliest counts).
--   An opportunity without a posting is a general lead, not an application: left out.
-- * Applied at = the opportunity's createdAt (its first stage change). Candidate = `contact`.
-- * Archived: `archived_reason` / `archived_archivedAt` (else the `archived` JSON text). The archive
--   reason (by id, or by its text) of type `hired` makes the application hired at the archive time; any
--   other archive makes it rejected then. Not archived = active.
-- * Rejection type: Lever only says hired / non-hired, so it comes from the reason's text: the config
--   overrides first (vendor_rejection_types), then hs_lever_rejection_type (staging/macros.sql: a default
--   table, "Withdrew..." = withdrew); any other non-hired reason = rejected.
-- * Source: the first of `sources`. Source type from `origin` (hs_lever_source_type: referred -> referral,
--   applied -> job_board for a known job board, else inbound; others as they are).
WITH app AS (
  SELECT opportunityId, posting FROM lever_applications
  QUALIFY row_number() OVER (PARTITION BY opportunityId ORDER BY createdAt NULLS LAST, id) = 1
), opp AS (
  SELECT
    o.*,
    CASE WHEN json_valid(o.archived) THEN o.archived END AS archived_json,
    CASE WHEN json_valid(o.applications) THEN o.applications END AS applications_json
  FROM lever_opportunities o
), opened AS (
  SELECT
    o.id,
    o.contact,
    o.createdAt,
    lower(trim(o.origin)) AS origin,
    o._file_id,
    coalesce(a.posting, json_extract_string(o.applications_json, '$[0].posting')) AS posting,
    coalesce(o.archived_reason, json_extract_string(o.archived_json, '$.reason')) AS reason,
    coalesce(o.archived_archivedAt,
      timezone('UTC', epoch_ms(try_cast(json_extract_string(o.archived_json, '$.archivedAt') AS BIGINT)))) AS archived_at,
    trim(CASE WHEN o.sources LIKE '[%' THEN CASE WHEN json_valid(o.sources) THEN json_extract_string(o.sources, '$[0]') END ELSE o.sources END) AS source
  FROM opp o
  LEFT JOIN app a ON a.opportunityId = o.id
), reasoned AS (
  SELECT
    o.*,
    coalesce(r.text, rt.text, o.reason) AS reason_text,
    coalesce(lower(trim(coalesce(r.type, rt.type, r.text, rt.text, o.reason))) = 'hired', false) AS hired,
    (o.reason IS NOT NULL OR o.archived_at IS NOT NULL) AS archived
  FROM opened o
  LEFT JOIN lever_archive_reasons r ON r.id = o.reason
  LEFT JOIN (SELECT lower(trim(text)) AS key, arg_min(text, id) AS text, arg_min(type, id) AS type FROM lever_archive_reasons GROUP BY ALL) rt
    ON r.id IS NULL AND rt.key = lower(trim(o.reason))
), typed AS (
  SELECT
    o.*,
    CASE WHEN o.archived AND NOT o.hired THEN coalesce(cfg.rejection_type, hs_lever_rejection_type(o.reason_text), 'rejected') END AS rejection_type
  FROM reasoned o
  LEFT JOIN (SELECT reason_key, arg_max(rejection_type, reason_key) AS rejection_type FROM vendor_rejection_types GROUP BY reason_key) cfg
    ON cfg.reason_key = lower(trim(o.reason_text))
)
SELECT
  o.id AS application_id,
  o.posting AS job_id,
  o.createdAt AS applied_at,
  o.contact AS candidate_id,
  o.source,
  hs_lever_source_type(o.origin, o.source) AS source_type,
  CASE WHEN NOT o.archived THEN 'active' WHEN o.hired THEN 'hired' ELSE 'rejected' END AS status,
  CASE WHEN o.archived AND NOT o.hired THEN o.archived_at END AS rejected_at,
  o.rejection_type,
  CASE WHEN o.archived AND NOT o.hired THEN o.reason_text END AS rejection_reason,
  CASE WHEN o.hired THEN o.archived_at END AS hired_at,
  o._file_id,
  CASE WHEN o.posting IS NULL THEN 'lead without a posting' END AS _excluded
FROM typed o
