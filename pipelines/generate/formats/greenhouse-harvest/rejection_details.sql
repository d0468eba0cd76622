-- Greenhouse Harvest v3 `rejection_details`: one row per rejected application, with the rejection reason
-- expanded from GET /v3/rejection_reasons and flattened (rejection_reason.name, .type.key, .type.name):
-- "We rejected them" (rejected), "They rejected us" (withdrew), "None specified" (other).
WITH reasons AS (
  SELECT rejection_reason, rejection_type, row_number() OVER (ORDER BY rejection_reason, rejection_type) AS id
  FROM (SELECT DISTINCT rejection_reason, rejection_type FROM c_applications WHERE rejection_reason IS NOT NULL)
)
SELECT
  row_number() OVER (ORDER BY a.application_id) AS id,
  regexp_extract(a.application_id, '\d+')::BIGINT AS application_id,
  strftime(a.rejected_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS rejected_at,
  NULL::BIGINT AS rejected_by_id,
  r.id AS rejection_reason_id,
  r.rejection_reason AS rejection_reason_name,
  CASE WHEN r.rejection_type = 'rejected' THEN 'WE_REJECTED_THEM' WHEN r.rejection_type = 'withdrew' THEN 'THEY_REJECTED_US' WHEN r.id IS NOT NULL THEN 'NONE_SPECIFIED' END AS rejection_reason_type_key,
  CASE WHEN r.rejection_type = 'rejected' THEN 'We rejected them' WHEN r.rejection_type = 'withdrew' THEN 'They rejected us' WHEN r.id IS NOT NULL THEN 'None specified' END AS rejection_reason_type_name
FROM c_applications a
LEFT JOIN reasons r ON r.rejection_reason = a.rejection_reason AND r.rejection_type IS NOT DISTINCT FROM a.rejection_type
WHERE a.status = 'rejected'
ORDER BY id
