-- DESIGN §3 Kaplan-Meier over the openings opened in the period, one row per distinct time. A filled
-- opening is an event at its days; one still open is censored at asOf; one closed without a hire is
-- censored at its close. At equal times events come before censorings (the censored are still at risk).
-- S(t) = product over event times u <= t of (1 - d_u / n_u). The median (smallest event time with
-- S(t) <= 0.5) is read off this curve in metrics/timeToFill.ts.
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
