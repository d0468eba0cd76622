-- Airbyte Greenhouse source, `applications` stream: Harvest v1 application objects in the wrapper of an
-- Airbyte destination (`_airbyte_ab_id`, `_airbyte_emitted_at`, `_airbyte_data`). The job as `jobs`
-- [{id, name}], source {id, public_name}, current_stage {id, name} (active applications), the rejection
-- reason embedded with its type {id, name}: "We rejected them" (rejected), "They rejected us" (withdrew),
-- "None specified" (other). No stage history and no hire date: Harvest v1 has neither.
-- last_activity_at: the latest event the canonical files know of. Besides the canonical applications:
-- prospects (every 40th application copied as a prospect on the same job; every 160th of them already
-- converted), rows the adapter leaves out by default.
WITH sources AS (
  SELECT source, source_type, row_number() OVER (ORDER BY source, source_type) AS id
  FROM (SELECT DISTINCT source, source_type FROM c_applications WHERE source IS NOT NULL)
), reasons AS (
  SELECT rejection_reason, rejection_type, row_number() OVER (ORDER BY rejection_reason, rejection_type) AS id
  FROM (SELECT DISTINCT rejection_reason, rejection_type FROM c_applications WHERE rejection_reason IS NOT NULL)
), stages AS (
  SELECT h.application_id, h.stage,
    regexp_extract(a.job_id, '\d+')::BIGINT * 100 + dense_rank() OVER (PARTITION BY a.job_id ORDER BY h.stage) AS stage_id,
    h.exited_at IS NULL AND a.status = 'active' AS current,
    max(h.entered_at) OVER (PARTITION BY h.application_id) AS last_entry
  FROM c_stage_history h JOIN c_applications a USING (application_id)
), base AS (
  SELECT
    regexp_extract(a.application_id, '\d+')::BIGINT AS id,
    regexp_extract(a.candidate_id, '\d+')::BIGINT AS candidate_id,
    a.status,
    a.applied_at,
    a.rejected_at,
    greatest(a.applied_at, a.rejected_at, a.hired_at, (SELECT max(last_entry) FROM stages x WHERE x.application_id = a.application_id)) AS last_activity_at,
    {'id': regexp_extract(a.job_id, '\d+')::BIGINT, 'name': j.title} AS job,
    CASE WHEN s.id IS NOT NULL THEN {'public_name': a.source, 'id': s.id} END AS source,
    (SELECT {'name': x.stage, 'id': x.stage_id} FROM stages x WHERE x.application_id = a.application_id AND x.current ORDER BY x.stage LIMIT 1) AS current_stage,
    CASE WHEN r.id IS NOT NULL THEN {
      'id': r.id,
      'name': r.rejection_reason,
      'type': CASE r.rejection_type
        WHEN 'rejected' THEN {'id': 1, 'name': 'We rejected them'}
        WHEN 'withdrew' THEN {'id': 2, 'name': 'They rejected us'}
        ELSE {'id': 3, 'name': 'None specified'} END
    } END AS rejection_reason
  FROM c_applications a
  LEFT JOIN c_jobs j USING (job_id)
  LEFT JOIN sources s ON s.source = a.source AND s.source_type IS NOT DISTINCT FROM a.source_type
  LEFT JOIN reasons r ON r.rejection_reason = a.rejection_reason AND r.rejection_type IS NOT DISTINCT FROM a.rejection_type
), records AS (
  SELECT id, candidate_id, false AS prospect, status, applied_at, rejected_at, last_activity_at, [job] AS jobs, source, current_stage,
    CASE WHEN status = 'rejected' THEN rejection_reason END AS rejection_reason
  FROM base
  UNION ALL
  SELECT 90000000 + id, 90000000 + candidate_id, true, CASE WHEN id % 160 = 0 THEN 'converted' ELSE 'active' END,
    applied_at - INTERVAL 3 DAY, NULL, applied_at - INTERVAL 3 DAY, [job], source, NULL, NULL
  FROM base WHERE id % 40 = 0
)
SELECT
  md5('applications:' || id)[1:8] || '-' || md5('applications:' || id)[9:12] || '-' || md5('applications:' || id)[13:16] || '-'
    || md5('applications:' || id)[17:20] || '-' || md5('applications:' || id)[21:32] AS _airbyte_ab_id,
  1790000000000 AS _airbyte_emitted_at,
  {
    'status': status,
    'source': source,
    'rejection_reason': rejection_reason,
    'rejection_details': NULL::JSON,
    'rejected_at': strftime(rejected_at, '%Y-%m-%dT%H:%M:%S.%gZ'),
    'prospect': prospect,
    'last_activity_at': strftime(last_activity_at, '%Y-%m-%dT%H:%M:%S.%gZ'),
    'jobs': jobs,
    'job_post_id': NULL::BIGINT,
    'id': id,
    'current_stage': current_stage,
    'candidate_id': candidate_id,
    'applied_at': strftime(applied_at, '%Y-%m-%dT%H:%M:%S.%gZ'),
    'attachments': []::JSON[],
    'answers': []::JSON[]
  } AS _airbyte_data
FROM records
ORDER BY id
