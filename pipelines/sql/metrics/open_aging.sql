-- DESIGN §3 open openings: open at asOf (opened by then, neither filled nor closed by then), whatever the
-- period — a current state. Age = asOf - date(opened_at) in days, counted by age bucket (hs_aging_bucket:
-- the buckets of pipelines/contract/dimensions.ts); buckets without an opening have no row.
WITH open_openings AS (
  SELECT date_diff('day', opened_date, $as_of::DATE) AS age
  FROM f_openings
  WHERE opened_date <= $as_of::DATE
    AND NOT coalesce(filled_date <= $as_of::DATE, false)
    AND NOT coalesce(closed_date <= $as_of::DATE, false)
)
SELECT hs_aging_bucket(age) AS bucket, count(*)::INTEGER AS count
FROM open_openings
GROUP BY ALL;
