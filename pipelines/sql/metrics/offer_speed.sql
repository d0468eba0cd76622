-- DESIGN §3 Offer speed (the seed's "offer within 48 hours"): days from the end of the application's
-- last onsite stay (its latest exited_at among stays mapped to onsite) to the counting offer's sent_at,
-- as calendar days; within 2 days (<= 2) vs later. OAR counts as in offer_acceptance.sql (resolved in
-- the period); offers without a sent_at or an ended onsite stay are left out.
WITH onsite_end AS (
  SELECT application_id, onsite_ended AS ended FROM stg_progress WHERE onsite_ended IS NOT NULL
), timed AS (
  SELECT o.status, date_diff('day', e.ended, hs_day(o.sent_at)) AS days
  FROM f_offers o JOIN onsite_end e USING (application_id)
  WHERE o.sent_at IS NOT NULL AND o.status IN ('accepted', 'declined')
    AND hs_settled_in(hs_day(o.resolved_at), hs_day(coalesce(o.created_at, o.sent_at)), $from::DATE, $to::DATE)
)
SELECT
  count(*) FILTER (WHERE days <= 2 AND status = 'accepted')::INTEGER AS within_accepted,
  count(*) FILTER (WHERE days <= 2 AND status = 'declined')::INTEGER AS within_declined,
  count(*) FILTER (WHERE days > 2 AND status = 'accepted')::INTEGER AS later_accepted,
  count(*) FILTER (WHERE days > 2 AND status = 'declined')::INTEGER AS later_declined
FROM timed;
