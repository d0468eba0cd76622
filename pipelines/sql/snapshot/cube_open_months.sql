-- Openings open at the end of each month (the asOf month: at asOf) by department x region x level: the
-- open-openings tile's comparison periods on the site (contract/compare.ts), as compare/open_at.sql
-- counts them at a period's last day. Months from the first opening's month to asOf's. Counts only.
WITH months AS (
  SELECT m::DATE AS month_start, least(last_day(m::DATE), $as_of::DATE) AS month_end
  FROM range(
    coalesce((SELECT date_trunc('month', min(opened_date)) FROM f_openings), date_trunc('month', $as_of::DATE))::TIMESTAMP,
    (date_trunc('month', $as_of::DATE) + INTERVAL 1 MONTH)::TIMESTAMP,
    INTERVAL 1 MONTH
  ) t(m)
)
SELECT strftime(m.month_start, '%Y-%m') AS month, o.department, o.region, o.level,
  CASE WHEN $owners_shown THEN o.recruiter END AS recruiter, CASE WHEN $owners_shown THEN o.hiring_manager END AS hiring_manager, count(*)::INTEGER AS count
FROM months m
JOIN f_openings o
  ON o.opened_date <= m.month_end
 AND NOT coalesce(o.filled_date <= m.month_end, false)
 AND NOT coalesce(o.closed_date <= m.month_end, false)
GROUP BY ALL
ORDER BY ALL;
