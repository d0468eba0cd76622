-- Greenhouse Harvest v3 offers -> canonical offers. Statuses are capitalised in v3 (read
-- case-insensitively): Accepted -> accepted, Rejected -> declined, Deprecated -> deprecated, Created ->
-- pending. As in the Data Lake adapter, an offer still Created when its application was rejected is
-- settled by that rejection (the candidate withdrew -> declined; we rejected them, or no reason ->
-- rescinded), at the application's rejected_at. sent_on is a date: it becomes noon of that day in the
-- configured time zone, so the day is kept whatever the zone. Salary and currency are offer custom
-- fields (custom_fields_<key>_value_amount / _unit).
SELECT
  o.id AS offer_id,
  o.application_id,
  hs_greenhouse_offer_status(o.status, a.status, a.rejection_type) AS status,
  o.version,
  o.created_at,
  (o.sent_on + INTERVAL 12 HOUR)::TIMESTAMPTZ AS sent_at,
  hs_greenhouse_offer_resolved_at(o.status, o.resolved_at, a.status, a.rejected_at) AS resolved_at,
  o.starts_on AS start_date,
  o.salary AS base_salary,
  o.currency,
  -- Issue 18, a declined offer's reason: the offer custom field decline_reason, else its application's rejection reason.
  CASE WHEN hs_greenhouse_offer_status(o.status, a.status, a.rejection_type) = 'declined'
    THEN coalesce(nullif(trim(o.decline_reason), ''), a.rejection_reason) END AS decline_reason,
  o._file_id,
  CASE WHEN a.application_id IS NULL THEN 'application left out' END AS _excluded
FROM greenhouse_harvest_offers o
LEFT JOIN vd_applications a ON a.application_id = o.application_id
