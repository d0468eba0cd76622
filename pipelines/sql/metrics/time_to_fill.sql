-- DESIGN §3 Time to fill (SHRM): days = date(filled_at) - date(opened_at) per filled opening, over the
-- openings whose fill date falls in the period (the period ends at asOf at the latest).
SELECT
  count(*)::INTEGER AS filled,
  quantile_cont(days, 0.5)::DOUBLE AS median_days,
  avg(days)::DOUBLE AS mean_days,
  quantile_cont(days, 0.75)::DOUBLE AS p75_days
FROM (
  SELECT date_diff('day', opened_date, filled_date) AS days
  FROM f_openings
  WHERE hs_in_period(filled_date, $from::DATE, $to::DATE)
);
