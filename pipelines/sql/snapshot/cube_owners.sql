-- Owners cube for the site (issue 18 "Owner views"), separate from the other cubes: owner dimensions on
-- every cube grew the snapshot past the DESIGN §7 budget (README "Owners and reasons"). One row per month x
-- department x region x level x recruiter x hiring manager x measure x value, as in pipelines/sql/owners/:
--   open      openings open at asOf (month NULL: a current state)
--   fill      openings filled by asOf, value = days to fill, month of fill
--   hire      hires dated by asOf, month of hire
--   accepted / declined   counting offers resolved by asOf, month of resolution (NULL: settled undated)
--   reached   applications applied by asOf, value = furthest stage rank (1 applied .. 6 hired), month applied
--   active    active applications applied by asOf (month NULL: a current state)
-- No row at all under privacy.owners "hide" (no name leaves the warehouse). Counts only.
WITH measures AS (
  SELECT NULL AS month, department, region, level, recruiter, hiring_manager, 'open' AS measure, 0 AS value
  FROM f_openings
  WHERE opened_date <= $as_of::DATE AND NOT coalesce(filled_date <= $as_of::DATE, false) AND NOT coalesce(closed_date <= $as_of::DATE, false)
  UNION ALL
  SELECT strftime(filled_date, '%Y-%m'), department, region, level, recruiter, hiring_manager, 'fill', date_diff('day', opened_date, filled_date)
  FROM f_openings
  WHERE filled_date IS NOT NULL AND filled_date <= $as_of::DATE
  UNION ALL
  SELECT strftime(h.hire_date, '%Y-%m'), a.department, a.region, a.level, a.recruiter, a.hiring_manager, 'hire', 0
  FROM f_applications a
  LEFT JOIN stg_offers_latest o USING (application_id)
  CROSS JOIN LATERAL (SELECT coalesce(CASE WHEN o.status = 'accepted' THEN hs_day(o.resolved_at) END, a.hired_date) AS hire_date) h
  WHERE a.status = 'hired' AND h.hire_date IS NOT NULL AND h.hire_date <= $as_of::DATE
  UNION ALL
  SELECT strftime(hs_day(resolved_at), '%Y-%m'), department, region, level, recruiter, hiring_manager, status, 0
  FROM f_offers
  WHERE status IN ('accepted', 'declined') AND hs_settled_in(hs_day(resolved_at), hs_day(coalesce(created_at, sent_at)), NULL, $as_of::DATE)
  UNION ALL
  SELECT strftime(applied_date, '%Y-%m'), department, region, level, recruiter, hiring_manager, 'reached', furthest
  FROM f_applications
  WHERE applied_date <= $as_of::DATE
  UNION ALL
  SELECT NULL, department, region, level, recruiter, hiring_manager, 'active', 0
  FROM f_applications
  WHERE status = 'active' AND applied_date <= $as_of::DATE
)
SELECT month, department, region, level, recruiter, hiring_manager, measure, value::INTEGER AS value, count(*)::INTEGER AS count
FROM measures
WHERE $owners_shown
GROUP BY ALL
ORDER BY ALL;
