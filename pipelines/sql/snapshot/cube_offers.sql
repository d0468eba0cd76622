-- Offers cube for the site: counting offers by resolution month x department x region x level x source x
-- status, and whether the offer went out within 2 days of the last onsite stay (1), later (0) or n/a (-1).
-- Pending = unresolved at asOf (month NULL), as in metrics/offer_acceptance.sql. An offer settled without a
-- resolution date has month NULL too (it passes every period, and monthly trends leave it out). Counts only.
WITH onsite_end AS (
  SELECT application_id, onsite_ended AS ended FROM stg_progress WHERE onsite_ended IS NOT NULL
), offers AS (
  SELECT o.status, hs_day(o.resolved_at) AS resolved, hs_day(coalesce(o.created_at, o.sent_at)) AS created,
    o.department, o.region, o.level, CASE WHEN $owners_shown THEN o.recruiter END AS recruiter, CASE WHEN $owners_shown THEN o.hiring_manager END AS hiring_manager, o.source,
    CASE WHEN e.ended IS NULL OR o.sent_at IS NULL THEN -1
         WHEN date_diff('day', e.ended, hs_day(o.sent_at)) <= 2 THEN 1 ELSE 0 END AS within2
  FROM f_offers o LEFT JOIN onsite_end e USING (application_id)
), classified AS (
  SELECT *,
    (status = 'pending' OR (status IN ('accepted', 'declined', 'rescinded') AND resolved > $as_of::DATE))
      AND (created IS NULL OR created <= $as_of::DATE) AS pending
  FROM offers
)
SELECT
  CASE WHEN pending THEN NULL ELSE strftime(resolved, '%Y-%m') END AS month,
  department, region, level, recruiter, hiring_manager, source,
  CASE WHEN pending THEN 'pending' ELSE status END AS status,
  within2::TINYINT AS within2,
  count(*)::INTEGER AS count
FROM classified
WHERE pending OR (status IN ('accepted', 'declined', 'rescinded') AND hs_settled_in(resolved, created, NULL, $as_of::DATE))
GROUP BY ALL
ORDER BY ALL;
