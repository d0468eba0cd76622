-- Airbyte Greenhouse source, `offers` stream (Airbyte destination wrapper): Harvest v1 offer objects.
-- Statuses: accepted, rejected (the candidate declined), deprecated (replaced by a newer version),
-- unresolved (not resolved). Greenhouse has no "rescinded": the company rejects the application while
-- the offer is out, so a rescinded offer is written unresolved with no resolved_at. sent_at and
-- starts_at are dates. Salary: an offer custom field of type currency (name_key `salary`, {amount, unit});
-- decline reason (issue 18): a text custom field (name_key `decline_reason`).
WITH records AS (
  SELECT
    regexp_extract(o.offer_id, '\d+')::BIGINT AS id,
    o.version,
    regexp_extract(o.application_id, '\d+')::BIGINT AS application_id,
    o.created_at,
    strftime(o.sent_at, '%Y-%m-%d') AS sent_at,
    CASE WHEN o.status IN ('accepted', 'declined') THEN o.resolved_at END AS resolved_at,
    strftime(o.start_date, '%Y-%m-%d') AS starts_at,
    CASE o.status WHEN 'accepted' THEN 'accepted' WHEN 'declined' THEN 'rejected' WHEN 'deprecated' THEN 'deprecated' ELSE 'unresolved' END AS status,
    regexp_extract(a.job_id, '\d+')::BIGINT AS job_id,
    regexp_extract(a.candidate_id, '\d+')::BIGINT AS candidate_id,
    CASE WHEN o.base_salary IS NOT NULL THEN {'amount': o.base_salary::BIGINT, 'unit': o.currency} END AS salary,
    o.decline_reason
  FROM c_offers o
  LEFT JOIN c_applications a USING (application_id)
)
SELECT
  md5('offers:' || id)[1:8] || '-' || md5('offers:' || id)[9:12] || '-' || md5('offers:' || id)[13:16] || '-'
    || md5('offers:' || id)[17:20] || '-' || md5('offers:' || id)[21:32] AS _airbyte_ab_id,
  1790000000000 AS _airbyte_emitted_at,
  {
    'id': id,
    'version': version,
    'application_id': application_id,
    'created_at': strftime(created_at, '%Y-%m-%dT%H:%M:%S.%gZ'),
    'sent_at': sent_at,
    'resolved_at': strftime(resolved_at, '%Y-%m-%dT%H:%M:%S.%gZ'),
    'starts_at': starts_at,
    'status': status,
    'job_id': job_id,
    'candidate_id': candidate_id,
    'opening': NULL::JSON,
    'custom_fields': {'salary': salary, 'decline_reason': decline_reason}
  } AS _airbyte_data
FROM records
ORDER BY id
