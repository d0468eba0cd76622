-- Issue 18 "Owner views": per recruiter and per hiring manager (of the job; missing -> 'Unassigned'), on the
-- filtered populations (f_openings, f_applications, f_offers), with the metrics' own definitions:
--   open_openings  openings open at asOf (as snapshot/cube_open.sql, a current state)
--   filled, median_days  openings filled in the period, median days to fill (metrics/time_to_fill.sql)
--   hires          hired applications whose hire date falls in the period (metrics/time_to_hire.sql)
--   accepted, declined  counting offers resolved in the period (metrics/offer_acceptance.sql), with the
--                  95% Wilson interval of accepted / (accepted + declined)
--   active_load    active applications on their jobs at asOf (applied by asOf, status active)
WITH kinds(kind) AS (VALUES ('recruiter'), ('hiring_manager')),
openings AS (
  SELECT k.kind, coalesce(CASE k.kind WHEN 'recruiter' THEN o.recruiter ELSE o.hiring_manager END, 'Unassigned') AS owner,
    o.opened_date, o.filled_date, o.closed_date
  FROM f_openings o CROSS JOIN kinds k
), applications AS (
  SELECT k.kind, coalesce(CASE k.kind WHEN 'recruiter' THEN a.recruiter ELSE a.hiring_manager END, 'Unassigned') AS owner,
    a.application_id, a.status, a.applied_date, a.hired_date
  FROM f_applications a CROSS JOIN kinds k
), offers AS (
  SELECT k.kind, coalesce(CASE k.kind WHEN 'recruiter' THEN o.recruiter ELSE o.hiring_manager END, 'Unassigned') AS owner,
    o.status, hs_day(o.resolved_at) AS resolved, hs_day(coalesce(o.created_at, o.sent_at)) AS created
  FROM f_offers o CROSS JOIN kinds k
), opening_counts AS (
  SELECT kind, owner,
    count(*) FILTER (WHERE opened_date <= $as_of::DATE AND NOT coalesce(filled_date <= $as_of::DATE, false)
                       AND NOT coalesce(closed_date <= $as_of::DATE, false)) AS open_openings,
    count(*) FILTER (WHERE hs_in_period(filled_date, $from::DATE, $to::DATE)) AS filled,
    quantile_cont(date_diff('day', opened_date, filled_date), 0.5) FILTER (WHERE hs_in_period(filled_date, $from::DATE, $to::DATE)) AS median_days
  FROM openings GROUP BY ALL
), application_counts AS (
  SELECT a.kind, a.owner,
    count(*) FILTER (WHERE a.status = 'hired' AND hs_in_period(
      coalesce(CASE WHEN lo.status = 'accepted' THEN hs_day(lo.resolved_at) END, a.hired_date), $from::DATE, $to::DATE)) AS hires,
    count(*) FILTER (WHERE a.status = 'active' AND a.applied_date <= $as_of::DATE) AS active_load
  FROM applications a LEFT JOIN stg_offers_latest lo USING (application_id)
  GROUP BY ALL
), offer_counts AS (
  SELECT kind, owner,
    count(*) FILTER (WHERE status = 'accepted' AND hs_settled_in(resolved, created, $from::DATE, $to::DATE)) AS accepted,
    count(*) FILTER (WHERE status = 'declined' AND hs_settled_in(resolved, created, $from::DATE, $to::DATE)) AS declined
  FROM offers GROUP BY ALL
)
SELECT kind, owner,
  coalesce(open_openings, 0)::INTEGER AS open_openings,
  coalesce(filled, 0)::INTEGER AS filled,
  median_days::DOUBLE AS median_days,
  coalesce(hires, 0)::INTEGER AS hires,
  coalesce(accepted, 0)::INTEGER AS accepted,
  coalesce(declined, 0)::INTEGER AS declined,
  hs_wilson_low(coalesce(accepted, 0), coalesce(accepted, 0) + coalesce(declined, 0)) AS ci_low,
  hs_wilson_high(coalesce(accepted, 0), coalesce(accepted, 0) + coalesce(declined, 0)) AS ci_high,
  coalesce(active_load, 0)::INTEGER AS active_load
FROM opening_counts
FULL JOIN application_counts USING (kind, owner)
FULL JOIN offer_counts USING (kind, owner)
ORDER BY kind DESC, owner = 'Unassigned', owner;
