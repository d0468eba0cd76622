-- Airbyte Greenhouse (Harvest v1/v2) applications -> canonical applications.
-- * Prospects are left out unless the config includes them ($include_prospects); a prospect converted to
--   a candidate (status `converted`) lives on as that candidate's application and is left out here.
--   Harvest v1/v2 has no migration flag.
-- * The job: the first of `jobs` (a candidate's application has exactly one; a prospect none or several).
-- * Source: the embedded source.public_name, else the sources stream's name; its type (the sourcing
--   strategy) from the sources stream.
-- * Rejection (rejected applications only): the embedded rejection_reason {id, name, type {id, name}}.
--   The type, when the application's record lacks it, from the rejection_reasons stream by reason id.
--   Type: config override by reason name first, then hs_greenhouse_rejection_type ("We rejected them" ->
--   rejected, "They rejected us" -> withdrew, "None specified" -> other...), else other.
-- * Harvest v1/v2 has no hire date: hired_at is the resolution of the application's accepted offer, else
--   the closing of the opening it filled, else its last activity.
WITH accepted AS (
  SELECT application_id, max(resolved_at) AS resolved_at FROM airbyte_greenhouse_offers
  WHERE status = 'accepted' GROUP BY application_id
), filled AS (
  SELECT hired_application_id AS application_id, max(closed_at) AS closed_at FROM vd_openings
  WHERE hired_application_id IS NOT NULL GROUP BY hired_application_id
), base AS (
  SELECT
    a.*,
    CASE lower(trim(a.status))
      WHEN 'active' THEN 'active' WHEN 'rejected' THEN 'rejected' WHEN 'hired' THEN 'hired'
    END AS canonical_status,
    CASE WHEN json_valid(a.jobs) THEN from_json(a.jobs, '[{"id": "VARCHAR"}]')[1].id END AS first_job_id,
    coalesce(a.rejection_reason_id, CASE WHEN json_valid(a.rejection_reason) THEN json_extract_string(a.rejection_reason, '$.id') END) AS reason_id,
    coalesce(a.rejection_reason_name, CASE WHEN json_valid(a.rejection_reason) THEN json_extract_string(a.rejection_reason, '$.name') END) AS reason_name,
    coalesce(
      CASE WHEN json_valid(a.rejection_reason_type) THEN json_extract_string(a.rejection_reason_type, '$.name') ELSE a.rejection_reason_type END,
      CASE WHEN json_valid(a.rejection_reason) THEN json_extract_string(a.rejection_reason, '$.type.name') END
    ) AS embedded_type
  FROM airbyte_greenhouse_applications a
), reasons AS (
  SELECT b.*, coalesce(b.embedded_type, r.type_name) AS reason_type
  FROM base b LEFT JOIN airbyte_greenhouse_rejection_reasons r ON r.id = b.reason_id
)
SELECT
  a.id AS application_id,
  a.first_job_id AS job_id,
  a.applied_at,
  a.candidate_id,
  coalesce(a.source_public_name, s.name) AS source,
  s.type_name AS source_type,
  a.canonical_status AS status,
  CASE WHEN a.canonical_status = 'rejected' THEN a.rejected_at END AS rejected_at,
  CASE WHEN a.canonical_status = 'rejected' AND (a.reason_id IS NOT NULL OR a.reason_name IS NOT NULL) THEN coalesce(
    rt.rejection_type,
    hs_greenhouse_rejection_type(a.reason_type),
    'other') END AS rejection_type,
  CASE WHEN a.canonical_status = 'rejected' THEN a.reason_name END AS rejection_reason,
  CASE WHEN a.canonical_status = 'hired' THEN coalesce(ac.resolved_at, f.closed_at, a.last_activity_at) END AS hired_at,
  a._file_id,
  CASE
    WHEN coalesce(a.prospect, false) AND NOT $include_prospects THEN 'prospect'
    WHEN lower(trim(a.status)) = 'converted' THEN 'prospect converted to a candidate'
  END AS _excluded
FROM reasons a
LEFT JOIN airbyte_greenhouse_sources s ON s.id = a.source_id
LEFT JOIN accepted ac ON ac.application_id = a.id
LEFT JOIN filled f ON f.application_id = a.id
LEFT JOIN vendor_rejection_types rt ON rt.reason_key = lower(trim(a.reason_name))
