-- Greenhouse offers -> canonical offers: unresolved -> pending, accepted, rejected -> declined,
-- deprecated. An offer still unresolved when its application was rejected is settled by that rejection
-- (the candidate withdrew -> declined; we rejected them, or no reason -> rescinded), at its rejected_at.
-- Salary and currency are the user's flattened offer custom fields, when exported.
SELECT
  o.id AS offer_id,
  o.application_id,
  hs_greenhouse_offer_status(o.status, a.status, a.rejection_type) AS status,
  o.version,
  o.created_at,
  o.sent_at,
  hs_greenhouse_offer_resolved_at(o.status, o.resolved_at, a.status, a.rejected_at) AS resolved_at,
  o.start_date,
  o.salary AS base_salary,
  o.currency,
  -- Issue 18, a declined offer's reason: the offer custom field decline_reason, else its application's rejection reason.
  CASE WHEN hs_greenhouse_offer_status(o.status, a.status, a.rejection_type) = 'declined'
    THEN coalesce(nullif(trim(o.decline_reason), ''), a.rejection_reason) END AS decline_reason,
  o._file_id,
  CASE WHEN a.application_id IS NULL THEN 'application left out' END AS _excluded
FROM greenhouse_offers o
LEFT JOIN vd_applications a ON a.application_id = o.application_id
