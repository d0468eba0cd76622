-- Ashby applications -> canonical applications.
-- * Status: Active -> active, Archived -> rejected, Hired -> hired. Lead (a sourced prospect, not yet an
--   applicant) is left out unless the config includes prospects ($include_prospects), then active.
-- * applied_at = createdAt. rejected_at = archivedAt (else the entry into the Archived stage of the
--   history). hired_at = the entry into the Hired stage of the history (else the end of the last stay).
-- * Rejection type from the archive reason's reasonType: RejectedByCandidate -> withdrew, RejectedByOrg ->
--   rejected, Other (or none) -> other; config overrides by reason text first. Reason = archiveReason_text.
-- * Source = source_title; source type = source_sourceType_title in snake case ("Job Board" -> job_board).
WITH events AS (
  -- History events that are states, not interview stages (the same rule as stage_history.sql).
  SELECT h.applicationId, h.enteredStageAt, h.leftStageAt,
    CASE
      WHEN s.id IS NOT NULL THEN CASE lower(s.type) WHEN 'hired' THEN 'hired' WHEN 'archived' THEN 'archived' WHEN 'lead' THEN 'lead' END
      WHEN lower(trim(h.title)) IN ('hired', 'archived') THEN lower(trim(h.title))
    END AS state
  FROM ashby_application_history h
  LEFT JOIN ashby_interview_stages s ON s.id = h.stageId
), states AS (
  SELECT applicationId,
    min(enteredStageAt) FILTER (WHERE state = 'hired') AS hired_entered,
    min(enteredStageAt) FILTER (WHERE state = 'archived') AS archived_entered,
    max(leftStageAt) FILTER (WHERE state IS NULL) AS last_left
  FROM events
  GROUP BY applicationId
)
SELECT
  a.id AS application_id,
  a.job_id,
  a.createdAt AS applied_at,
  a.candidate_id,
  a.source_title AS source,
  nullif(regexp_replace(lower(trim(a.source_sourceType_title)), '[\s\-]+', '_', 'g'), '') AS source_type,
  CASE a.status WHEN 'active' THEN 'active' WHEN 'lead' THEN 'active' WHEN 'archived' THEN 'rejected' WHEN 'hired' THEN 'hired' END AS status,
  CASE WHEN a.status = 'archived' THEN coalesce(a.archivedAt, st.archived_entered) END AS rejected_at,
  CASE WHEN a.status = 'archived' THEN coalesce(
    rt.rejection_type,
    CASE lower(trim(a.archiveReason_reasonType))
      WHEN 'rejectedbycandidate' THEN 'withdrew'
      WHEN 'rejectedbyorg' THEN 'rejected'
    END,
    'other') END AS rejection_type,
  CASE WHEN a.status = 'archived' THEN a.archiveReason_text END AS rejection_reason,
  CASE WHEN a.status = 'hired' THEN coalesce(st.hired_entered, st.last_left) END AS hired_at,
  a._file_id,
  CASE WHEN a.status = 'lead' AND NOT $include_prospects THEN 'lead (a prospect, not an applicant)' END AS _excluded
FROM ashby_applications a
LEFT JOIN states st ON st.applicationId = a.id
LEFT JOIN vendor_rejection_types rt ON rt.reason_key = lower(trim(a.archiveReason_text))
