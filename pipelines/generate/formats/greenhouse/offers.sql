-- Greenhouse Data Lake `offers`: accepted, rejected (the candidate declined), deprecated (replaced by a
-- newer version), unresolved. Greenhouse has no "rescinded": the company closes the application with a
-- rejection while the offer is still out, so a rescinded offer is written unresolved, with no resolved_at.
-- Salary, currency and (issue 18) decline_reason stand for the offer custom fields a user flattens into the export.
SELECT
  regexp_extract(offer_id, '\d+')::BIGINT AS id,
  regexp_extract(application_id, '\d+')::BIGINT AS application_id,
  CASE status WHEN 'declined' THEN 'rejected' WHEN 'pending' THEN 'unresolved' WHEN 'rescinded' THEN 'unresolved' ELSE status END AS status,
  version,
  strftime(created_at, '%Y-%m-%d %H:%M:%S') AS created_at,
  strftime(sent_at, '%Y-%m-%d %H:%M:%S') AS sent_at,
  CASE WHEN status NOT IN ('rescinded', 'pending') THEN strftime(resolved_at, '%Y-%m-%d %H:%M:%S') END AS resolved_at,
  start_date,
  base_salary::BIGINT AS salary,
  currency,
  decline_reason
FROM c_offers
ORDER BY id
