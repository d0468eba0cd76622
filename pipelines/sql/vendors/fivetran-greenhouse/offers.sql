-- Fivetran Greenhouse offer (the Harvest offer object) -> canonical offers: unresolved -> pending,
-- accepted, rejected -> declined, deprecated. An offer still unresolved when its application was rejected
-- is settled by that rejection (the candidate withdrew -> declined; we rejected them, or no reason ->
-- rescinded), at its rejected_at. sent_at and starts_at are dates: sent_at becomes noon of that day, so the
-- day is kept whatever the zone. Salary and currency are offer custom fields (custom_salary...), when
-- synced. Decline reason (issue 18): of a declined offer only, the offer custom field custom_decline_reason,
-- else the rejection reason of its application (Greenhouse rejects the application when the candidate
-- declines). Offers deleted in Greenhouse, and offers of applications left out, are left out and counted.
SELECT
  o.id AS offer_id,
  o.application_id,
  hs_greenhouse_offer_status(o.status, a.status, a.rejection_type) AS status,
  o.version,
  o.created_at,
  (o.sent_at + INTERVAL 12 HOUR)::TIMESTAMPTZ AS sent_at,
  hs_greenhouse_offer_resolved_at(o.status, o.resolved_at, a.status, a.rejected_at) AS resolved_at,
  o.starts_at AS start_date,
  o.salary AS base_salary,
  o.currency,
  CASE WHEN hs_greenhouse_offer_status(o.status, a.status, a.rejection_type) = 'declined'
    THEN coalesce(nullif(trim(o.decline_reason), ''), a.rejection_reason) END AS decline_reason,
  o._file_id,
  CASE
    WHEN coalesce(o._fivetran_deleted, false) THEN 'deleted (_fivetran_deleted)'
    WHEN a.application_id IS NULL THEN 'application left out'
  END AS _excluded
FROM fivetran_greenhouse_offer o
LEFT JOIN vd_applications a ON a.application_id = o.application_id
