-- DESIGN §3 Kaplan-Meier median time to fill over the openings opened in the period. A filled opening
-- is an event at its days; one still open is censored at asOf; one closed without a hire is censored
-- at its close. At equal times events come before censorings (the censored are still at risk).
-- S(t) = prod over event times u <= t of (1 - d_u / n_u); the median is the smallest event time with
-- S(t) <= 0.5 (1e-12 of slack absorbs floating-point error in the product), else NULL.
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
  SELECT t, count(*) FILTER (WHERE event) AS d, count(*) AS leaving FROM cohort GROUP BY t
), at_risk AS (
  SELECT t, d, sum(leaving) OVER (ORDER BY t DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS n
  FROM times
), survival AS (
  SELECT t, d, n, product(1 - d::DOUBLE / n) OVER (ORDER BY t ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS s
  FROM at_risk
)
SELECT min(t) FILTER (WHERE d > 0 AND s <= 0.5 + 1e-12)::DOUBLE AS km_median_days
FROM survival;
