-- DESIGN §3 Offer acceptance rate. Counting offers = latest version per application (stg_offers_latest).
-- accepted / declined / rescinded: resolved_at (a calendar date in the organisation time zone) inside
-- the period (an offer settled without a resolution date counts in every period: hs_settled_in). pending: unresolved at asOf, whatever the period — status pending, or resolved only after
-- asOf; an offer created after asOf does not exist yet and is not counted.
-- rate = accepted / (accepted + declined), with its 95% Wilson score interval (hs_wilson_low/high:
-- staging/contract.sql); both NULL when there is no resolved offer.
WITH counts AS (
  SELECT
    count(*) FILTER (WHERE status = 'accepted' AND hs_settled_in(hs_day(resolved_at), hs_day(coalesce(created_at, sent_at)), $from::DATE, $to::DATE))::INTEGER AS accepted,
    count(*) FILTER (WHERE status = 'declined' AND hs_settled_in(hs_day(resolved_at), hs_day(coalesce(created_at, sent_at)), $from::DATE, $to::DATE))::INTEGER AS declined,
    count(*) FILTER (WHERE status = 'rescinded' AND hs_settled_in(hs_day(resolved_at), hs_day(coalesce(created_at, sent_at)), $from::DATE, $to::DATE))::INTEGER AS rescinded,
    count(*) FILTER (
      WHERE (status = 'pending' OR (status IN ('accepted', 'declined', 'rescinded') AND hs_day(resolved_at) > $as_of::DATE))
        AND (coalesce(created_at, sent_at) IS NULL OR hs_day(coalesce(created_at, sent_at)) <= $as_of::DATE)
    )::INTEGER AS pending
  FROM f_offers
)
SELECT
  accepted, declined, pending, rescinded,
  accepted::DOUBLE / nullif(accepted + declined, 0) AS rate,
  hs_wilson_low(accepted, accepted + declined) AS ci_low,
  hs_wilson_high(accepted, accepted + declined) AS ci_high
FROM counts;
