-- DESIGN §3 Sources: per source (missing = Unknown) in the cohort of applications applied in the period:
-- applications, hires (status hired), hireRate = hires / applications, and the OAR counts of their
-- counting offers (latest version accepted / declined, resolved by asOf: an offer resolved later was still
-- pending at asOf, as in offer_acceptance.sql). Hires follow the application's status as exported.
SELECT
  a.source,
  count(*)::INTEGER AS applications,
  count(*) FILTER (WHERE a.status = 'hired')::INTEGER AS hires,
  (count(*) FILTER (WHERE a.status = 'hired'))::DOUBLE / count(*) AS hire_rate,
  count(*) FILTER (WHERE o.status = 'accepted' AND hs_settled_in(hs_day(o.resolved_at), hs_day(coalesce(o.created_at, o.sent_at)), NULL, $as_of::DATE))::INTEGER AS offers_accepted,
  count(*) FILTER (WHERE o.status = 'declined' AND hs_settled_in(hs_day(o.resolved_at), hs_day(coalesce(o.created_at, o.sent_at)), NULL, $as_of::DATE))::INTEGER AS offers_declined
FROM f_applications a
LEFT JOIN stg_offers_latest o USING (application_id)
WHERE hs_in_period(a.applied_date, $from::DATE, $to::DATE)
GROUP BY a.source
ORDER BY applications DESC, a.source;
