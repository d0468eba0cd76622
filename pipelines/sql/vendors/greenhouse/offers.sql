-- Greenhouse offers -> canonical offers: unresolved -> pending, accepted, rejected -> declined,
-- deprecated. An offer still unresolved when its application was rejected is settled by that rejection
-- (the candidate withdrew -> declined; we rejected them, or no reason -> rescinded), at its rejected_at.
-- Salary and currency are the user's flattened offer custom fields, when exported.
SELECT
  o.id AS offer_id,
  o.application_id,
  CASE o.status
    WHEN 'accepted' THEN 'accepted'
    WHEN 'rejected' THEN 'declined'
    WHEN 'deprecated' THEN 'deprecated'
    WHEN 'unresolved' THEN coalesce(hs_offer_settled_by(a.status, a.rejection_type), 'pending')
  END AS status,
  o.version,
  o.created_at,
  o.sent_at,
  CASE WHEN o.status = 'unresolved' AND a.status = 'rejected' THEN a.rejected_at ELSE o.resolved_at END AS resolved_at,
  o.start_date,
  o.salary AS base_salary,
  o.currency,
  o._file_id,
  CASE WHEN a.application_id IS NULL THEN 'application left out' END AS _excluded
FROM greenhouse_offers o
LEFT JOIN vd_applications a ON a.application_id = o.application_id
