-- Greenhouse Harvest v3 `offers`: capitalised statuses — Accepted, Rejected (the candidate declined),
-- Deprecated (replaced by a newer version), Created (not resolved). Greenhouse has no "rescinded": the
-- company rejects the application while the offer is out, so a rescinded offer is written Created with no
-- resolved_at. sent_on and starts_on are dates. Salary and currency stand for an offer custom field of
-- type currency (name_key `salary`, value {amount, unit}), flattened; decline reason (issue 18): a text
-- custom field (name_key `decline_reason`).
SELECT
  regexp_extract(o.offer_id, '\d+')::BIGINT AS id,
  regexp_extract(o.application_id, '\d+')::BIGINT AS application_id,
  regexp_extract(a.candidate_id, '\d+')::BIGINT AS candidate_id,
  regexp_extract(a.job_id, '\d+')::BIGINT AS job_id,
  CASE o.status WHEN 'accepted' THEN 'Accepted' WHEN 'declined' THEN 'Rejected' WHEN 'deprecated' THEN 'Deprecated' ELSE 'Created' END AS status,
  o.version,
  strftime(o.created_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS created_at,
  strftime(o.sent_at, '%Y-%m-%d') AS sent_on,
  CASE WHEN o.status IN ('accepted', 'declined') THEN strftime(o.resolved_at, '%Y-%m-%dT%H:%M:%S.%gZ') END AS resolved_at,
  o.start_date AS starts_on,
  o.base_salary::BIGINT AS custom_fields_salary_value_amount,
  o.currency AS custom_fields_salary_value_unit,
  o.decline_reason AS custom_fields_decline_reason
FROM c_offers o
LEFT JOIN c_applications a USING (application_id)
ORDER BY id
