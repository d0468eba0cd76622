-- Fivetran Greenhouse application -> canonical applications.
-- * Left out, each counted by reason: applications deleted in Greenhouse (_fivetran_deleted, or
--   Greenhouse's own is_deleted), applications of a deleted job, prospects and migrated candidates
--   unless the config includes them ($include_prospects, $include_migrated), and prospects converted to
--   candidates (status `converted`: they live on as the candidate's application).
-- * The job: job_application (a candidate's application has one job; should there be more, the lowest id).
-- * Source name and type from source (source_type_name); rejection reason from rejected_reason_id ->
--   rejection_reason (name, type_name): "We rejected them" -> rejected, "They rejected us" -> withdrew,
--   "None specified" -> other, config overrides by reason name first. Soft-deleted lookups are not used.
-- * Hire date: the latest application_history event with new_status `hired`, else the closing of the
--   opening the application filled (job_opening.application_id).
WITH jobs AS (
  SELECT application_id, min(job_id) AS job_id FROM fivetran_greenhouse_job_application GROUP BY application_id
), hires AS (
  SELECT application_id, max(updated_at) AS hired_at FROM fivetran_greenhouse_application_history
  WHERE lower(trim(new_status)) = 'hired' GROUP BY application_id
), filled AS (
  SELECT application_id, min(closed_at) AS closed_at FROM fivetran_greenhouse_job_opening
  WHERE application_id IS NOT NULL GROUP BY application_id
)
SELECT
  a.id AS application_id,
  ja.job_id,
  a.applied_at,
  a.candidate_id,
  s.name AS source,
  s.source_type_name AS source_type,
  CASE lower(trim(a.status)) WHEN 'active' THEN 'active' WHEN 'rejected' THEN 'rejected' WHEN 'hired' THEN 'hired' END AS status,
  a.rejected_at,
  CASE WHEN a.rejected_reason_id IS NOT NULL THEN coalesce(rt.rejection_type, hs_greenhouse_rejection_type(r.type_name), 'other') END AS rejection_type,
  r.name AS rejection_reason,
  CASE WHEN lower(trim(a.status)) = 'hired' THEN coalesce(h.hired_at, f.closed_at) END AS hired_at,
  a._file_id,
  CASE
    WHEN coalesce(a._fivetran_deleted, false) THEN 'deleted (_fivetran_deleted)'
    WHEN coalesce(a.is_deleted, false) THEN 'deleted (is_deleted)'
    WHEN coalesce(j._fivetran_deleted, false) THEN 'job deleted'
    WHEN coalesce(a.prospect, false) AND NOT $include_prospects THEN 'prospect'
    WHEN lower(trim(a.status)) = 'converted' THEN 'prospect converted to a candidate'
    WHEN coalesce(a.migrated, false) AND NOT $include_migrated THEN 'migrated from an earlier system'
  END AS _excluded
FROM fivetran_greenhouse_application a
LEFT JOIN jobs ja ON ja.application_id = a.id
LEFT JOIN fivetran_greenhouse_job j ON j.id = ja.job_id
LEFT JOIN fivetran_greenhouse_source s ON s.id = a.source_id AND NOT coalesce(s._fivetran_deleted, false)
LEFT JOIN fivetran_greenhouse_rejection_reason r ON r.id = a.rejected_reason_id AND NOT coalesce(r._fivetran_deleted, false)
LEFT JOIN vendor_rejection_types rt ON rt.reason_key = lower(trim(r.name))
LEFT JOIN hires h ON h.application_id = a.id
LEFT JOIN filled f ON f.application_id = a.id
