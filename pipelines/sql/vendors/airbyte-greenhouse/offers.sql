-- Airbyte Greenhouse (Harvest v1/v2) offers -> canonical offers: unresolved -> pending, accepted,
-- rejected -> declined, deprecated. As in the Data Lake adapter, an offer still unresolved when its
-- application was rejected is settled by that rejection (the candidate withdrew -> declined; we rejected
-- them, or no reason -> rescinded), at the application's rejected_at. sent_at is a date in Harvest: it
-- becomes noon of that day in the configured time zone, so the day is kept whatever the zone. Salary and
-- currency: an offer custom field of type currency ({amount, unit}, name_key `salary` or `base_salary`),
-- or a plain number (then no currency). Offers of applications left out (prospects...) go with them.
SELECT
  o.id AS offer_id,
  o.application_id,
  hs_greenhouse_offer_status(o.status, a.status, a.rejection_type) AS status,
  o.version,
  o.created_at,
  (o.sent_at + INTERVAL 12 HOUR)::TIMESTAMPTZ AS sent_at,
  hs_greenhouse_offer_resolved_at(o.status, o.resolved_at, a.status, a.rejected_at) AS resolved_at,
  o.starts_at AS start_date,
  CASE WHEN json_valid(o.salary) AND starts_with(ltrim(o.salary), '{')
    THEN hs_num(json_extract_string(o.salary, '$.amount')) ELSE hs_num(trim(o.salary)) END AS base_salary,
  CASE WHEN json_valid(o.salary) AND starts_with(ltrim(o.salary), '{')
    THEN upper(trim(json_extract_string(o.salary, '$.unit'))) END AS currency,
  -- Issue 18, a declined offer's reason: the offer custom field decline_reason, else its application's rejection reason.
  CASE WHEN hs_greenhouse_offer_status(o.status, a.status, a.rejection_type) = 'declined'
    THEN coalesce(nullif(trim(o.decline_reason), ''), a.rejection_reason) END AS decline_reason,
  o._file_id,
  CASE WHEN a.application_id IS NULL THEN 'application left out' END AS _excluded
FROM airbyte_greenhouse_offers o
LEFT JOIN vd_applications a ON a.application_id = o.application_id
