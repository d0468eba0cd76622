-- Funnel by applied month x department x region x level x furthest stage (1 applied .. 6 hired) x status
-- x rejection type, as in metrics/funnel.sql.
WITH offered AS (
  SELECT DISTINCT application_id FROM offers
)
SELECT strftime(a.applied_date, '%Y-%m') AS month, a.department, a.region, a.level,
  greatest(1, coalesce(h.rank, 1), CASE WHEN o.application_id IS NOT NULL THEN 5 ELSE 1 END,
           CASE WHEN a.status = 'hired' THEN 6 ELSE 1 END)::TINYINT AS furthest,
  a.status, a.rejection_type,
  count(*)::INTEGER AS count
FROM f_applications a
LEFT JOIN stg_progress h USING (application_id)
LEFT JOIN offered o USING (application_id)
WHERE a.applied_date <= $as_of::DATE
GROUP BY ALL
ORDER BY ALL;
