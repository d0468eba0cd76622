-- Greenhouse Harvest v3 applications -> canonical applications.
-- * Prospects and candidates migrated from an earlier ATS are left out unless the config includes them
--   ($include_prospects, $include_migrated); a prospect converted to a candidate (status `converted`)
--   lives on as that candidate's application and is left out here. `migrated` is not a v3 field: it is
--   read when an export adds it.
-- * The job: job_id, else (a prospect on jobs) the lowest of prospective_job_ids.
-- * Status: in_process (v1: active) -> active, rejected, hired.
-- * Rejection (rejected applications only): the latest rejection detail of the application, else the
--   application's own rejected_at and rejection_reason_id; the reason's name and type come from the
--   detail's flattened rejection_reason_* columns, else from rejection_reasons. Type: config override by
--   reason name first, then "We rejected them" (WE_REJECTED_THEM) or "Security concern" -> rejected,
--   "They rejected us" -> withdrew, "None specified" -> other.
-- * v3 has no hire date: hired_at is an exported hired_at, else the exit of the application's last stage
--   (the stay the hire closed), else the resolution of its accepted offer.
WITH details AS (
  SELECT * FROM greenhouse_harvest_rejection_details
  QUALIFY row_number() OVER (PARTITION BY application_id ORDER BY rejected_at DESC NULLS LAST, id DESC) = 1
), last_stays AS (
  SELECT application_id, exited_at FROM greenhouse_harvest_application_stages
  WHERE entered_at IS NOT NULL
  QUALIFY row_number() OVER (PARTITION BY application_id ORDER BY entered_at DESC, id DESC) = 1
), accepted AS (
  SELECT application_id, max(resolved_at) AS resolved_at FROM greenhouse_harvest_offers
  WHERE status = 'accepted' GROUP BY application_id
), base AS (
  SELECT
    a.*,
    CASE lower(trim(a.status))
      WHEN 'in_process' THEN 'active' WHEN 'active' THEN 'active' WHEN 'rejected' THEN 'rejected' WHEN 'hired' THEN 'hired'
    END AS canonical_status,
    coalesce(d.rejection_reason_id, a.rejection_reason_id) AS reason_id,
    d.rejected_at AS detail_rejected_at,
    d.rejection_reason_name AS detail_reason,
    d.rejection_reason_type_key AS detail_type_key,
    d.rejection_reason_type_name AS detail_type_name
  FROM greenhouse_harvest_applications a
  LEFT JOIN details d ON d.application_id = a.id
), reasons AS (
  SELECT
    b.*,
    coalesce(b.detail_reason, r.name) AS reason_name,
    upper(trim(coalesce(b.detail_type_key, r.type_key))) AS reason_type_key,
    lower(trim(coalesce(b.detail_type_name, r.type_name))) AS reason_type_name
  FROM base b
  LEFT JOIN greenhouse_harvest_rejection_reasons r ON r.id = b.reason_id
)
SELECT
  a.id AS application_id,
  coalesce(a.job_id, list_min(list_transform(regexp_extract_all(a.prospective_job_ids, '\d+'), x -> x::BIGINT))::VARCHAR) AS job_id,
  a.applied_at,
  a.candidate_id,
  s.name AS source,
  s.type_name AS source_type,
  a.canonical_status AS status,
  CASE WHEN a.canonical_status = 'rejected' THEN coalesce(a.rejected_at, a.detail_rejected_at) END AS rejected_at,
  CASE WHEN a.canonical_status = 'rejected' AND (a.reason_id IS NOT NULL OR a.reason_name IS NOT NULL) THEN coalesce(
    rt.rejection_type,
    CASE
      WHEN a.reason_type_key IN ('WE_REJECTED_THEM', 'SECURITY_CONCERN') THEN 'rejected'
      WHEN a.reason_type_key = 'THEY_REJECTED_US' THEN 'withdrew'
      WHEN a.reason_type_key = 'NONE_SPECIFIED' THEN 'other'
    END,
    hs_greenhouse_rejection_type(a.reason_type_name),
    'other') END AS rejection_type,
  CASE WHEN a.canonical_status = 'rejected' THEN a.reason_name END AS rejection_reason,
  CASE WHEN a.canonical_status = 'hired' THEN coalesce(a.hired_at, ls.exited_at, ac.resolved_at) END AS hired_at,
  a._file_id,
  CASE
    WHEN coalesce(a.prospect, false) AND NOT $include_prospects THEN 'prospect'
    WHEN lower(trim(a.status)) = 'converted' THEN 'prospect converted to a candidate'
    WHEN coalesce(a.migrated, false) AND NOT $include_migrated THEN 'migrated from an earlier system'
  END AS _excluded
FROM reasons a
LEFT JOIN greenhouse_harvest_sources s ON s.id = a.source_id
LEFT JOIN last_stays ls ON ls.application_id = a.id
LEFT JOIN accepted ac ON ac.application_id = a.id
LEFT JOIN vendor_rejection_types rt ON rt.reason_key = lower(trim(a.reason_name))
