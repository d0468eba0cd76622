-- Greenhouse applications -> canonical applications.
-- * Prospects and candidates migrated from an earlier ATS are left out unless the config includes them
--   ($include_prospects, $include_migrated); a prospect converted to a candidate (status `converted`)
--   lives on as that candidate's application and is left out here.
-- * The job: Data Lake exports put it in applications_jobs (a non-prospect application has one job;
--   should there be more, the lowest job id); a `job_id` column on applications is used first.
-- * Source name and type from sources; rejection reason and type from rejection_reasons: "We rejected
--   them" -> rejected, "They rejected us" -> withdrew, "None Specified" -> other, config overrides by
--   reason name first.
SELECT
  a.id AS application_id,
  coalesce(a.job_id, aj.job_id) AS job_id,
  a.applied_at,
  a.candidate_id,
  s.name AS source,
  s.type AS source_type,
  CASE lower(a.status) WHEN 'active' THEN 'active' WHEN 'rejected' THEN 'rejected' WHEN 'hired' THEN 'hired' END AS status,
  a.rejected_at,
  CASE WHEN a.rejection_reason_id IS NOT NULL THEN coalesce(rt.rejection_type, hs_greenhouse_rejection_type(r.type), 'other') END AS rejection_type,
  r.name AS rejection_reason,
  a.hired_at,
  a._file_id,
  CASE
    WHEN coalesce(a.prospect, false) AND NOT $include_prospects THEN 'prospect'
    WHEN lower(a.status) = 'converted' THEN 'prospect converted to a candidate'
    WHEN coalesce(a.migrated, false) AND NOT $include_migrated THEN 'migrated from an earlier system'
  END AS _excluded
FROM greenhouse_applications a
LEFT JOIN (SELECT application_id, min(job_id) AS job_id FROM greenhouse_applications_jobs GROUP BY application_id) aj
  ON aj.application_id = a.id
LEFT JOIN greenhouse_sources s ON s.id = a.source_id
LEFT JOIN greenhouse_rejection_reasons r ON r.id = a.rejection_reason_id
LEFT JOIN vendor_rejection_types rt ON rt.reason_key = lower(trim(r.name))
