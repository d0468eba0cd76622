-- DESIGN §3 Offer acceptance rate. Counting offers = latest version per application (stg_offers_latest).
-- accepted / declined / rescinded: resolved_at (a calendar date in the organisation time zone) inside
-- the period (an offer settled without a resolution date counts in every period: hs_settled_in). pending: unresolved at asOf, whatever the period — status pending, or resolved only after
-- asOf; an offer created after asOf does not exist yet and is not counted.
-- rate = accepted / (accepted + declined), with a 95% Wilson score interval (z = 1.959963984540054);
-- both NULL when there is no resolved offer.
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
), wilson AS (
  SELECT *, (accepted + declined)::DOUBLE AS n, accepted::DOUBLE / nullif(accepted + declined, 0) AS p,
         1.959963984540054::DOUBLE AS z
  FROM counts
)
SELECT
  accepted, declined, pending, rescinded,
  p AS rate,
  CASE WHEN n > 0 THEN (p + z * z / (2 * n) - z * sqrt(p * (1 - p) / n + z * z / (4 * n * n))) / (1 + z * z / n) END AS ci_low,
  CASE WHEN n > 0 THEN (p + z * z / (2 * n) + z * sqrt(p * (1 - p) / n + z * z / (4 * n * n))) / (1 + z * z / n) END AS ci_high
FROM wilson;
