-- DESIGN §3 open openings: open at asOf (opened by then, neither filled nor closed by then), whatever the
-- period — a current state. Age = asOf - date(opened_at) in days, in buckets 0-30, 31-60, 61-90,
-- 91-180, >180.
WITH open_openings AS (
  SELECT date_diff('day', opened_date, $as_of::DATE) AS age
  FROM f_openings
  WHERE opened_date <= $as_of::DATE
    AND NOT coalesce(filled_date <= $as_of::DATE, false)
    AND NOT coalesce(closed_date <= $as_of::DATE, false)
)
SELECT
  count(*)::INTEGER AS open,
  count(*) FILTER (WHERE age <= 30)::INTEGER AS "0-30",
  count(*) FILTER (WHERE age BETWEEN 31 AND 60)::INTEGER AS "31-60",
  count(*) FILTER (WHERE age BETWEEN 61 AND 90)::INTEGER AS "61-90",
  count(*) FILTER (WHERE age BETWEEN 91 AND 180)::INTEGER AS "91-180",
  count(*) FILTER (WHERE age > 180)::INTEGER AS ">180"
FROM open_openings;
