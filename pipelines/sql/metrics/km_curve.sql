-- The Kaplan-Meier curve behind km_median.sql, one row per distinct time: for the dashboard's chart
-- (censored openings marked). Same cohort and rules as km_median.sql.
WITH cohort AS (
  SELECT
    CASE
      WHEN filled_date <= $as_of::DATE THEN date_diff('day', opened_date, filled_date)
      WHEN closed_date <= $as_of::DATE THEN date_diff('day', opened_date, closed_date)
      ELSE date_diff('day', opened_date, $as_of::DATE)
    END AS t,
    coalesce(filled_date <= $as_of::DATE, false) AS event
  FROM f_openings
  WHERE hs_in_period(opened_date, $from::DATE, $to::DATE)
), times AS (
  SELECT t, count(*) FILTER (WHERE event) AS d, count(*) FILTER (WHERE NOT event) AS c, count(*) AS leaving
  FROM cohort GROUP BY t
), at_risk AS (
  SELECT t, d, c, sum(leaving) OVER (ORDER BY t DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS n
  FROM times
)
SELECT t::INTEGER AS days, n::INTEGER AS at_risk, d::INTEGER AS events, c::INTEGER AS censored,
  product(1 - d::DOUBLE / n) OVER (ORDER BY t ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)::DOUBLE AS survival
FROM at_risk
ORDER BY t;
