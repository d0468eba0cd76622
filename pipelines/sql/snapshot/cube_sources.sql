-- Sources by applied month x department x region x level x source: applications, hires and the outcome of
-- their latest offers resolved by asOf, as in metrics/sources.sql.
SELECT strftime(a.applied_date, '%Y-%m') AS month, a.department, a.region, a.level,
  CASE WHEN $owners_shown THEN a.recruiter END AS recruiter, CASE WHEN $owners_shown THEN a.hiring_manager END AS hiring_manager, a.source,
  count(*)::INTEGER AS applications,
  count(*) FILTER (WHERE a.status = 'hired')::INTEGER AS hires,
  count(*) FILTER (WHERE o.status = 'accepted' AND hs_settled_in(hs_day(o.resolved_at), hs_day(coalesce(o.created_at, o.sent_at)), NULL, $as_of::DATE))::INTEGER AS offers_accepted,
  count(*) FILTER (WHERE o.status = 'declined' AND hs_settled_in(hs_day(o.resolved_at), hs_day(coalesce(o.created_at, o.sent_at)), NULL, $as_of::DATE))::INTEGER AS offers_declined
FROM f_applications a
LEFT JOIN stg_offers_latest o USING (application_id)
WHERE a.applied_date <= $as_of::DATE
GROUP BY ALL
ORDER BY ALL;
