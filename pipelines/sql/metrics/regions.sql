-- DESIGN §3 Regional timelines: per region, openings filled in the period and their median time to fill
-- against the benchmark range (seed article: US 40-55, EU 35-50, LatAm 25-35, APAC 20-35; configurable):
-- hs_benchmark_status (below the low end, within, above the high end). No filled opening, or no benchmark:
-- status NULL.
WITH filled AS (
  SELECT region, date_diff('day', opened_date, filled_date) AS days
  FROM f_openings
  WHERE hs_in_period(filled_date, $from::DATE, $to::DATE)
), per_region AS (
  SELECT region, count(*)::INTEGER AS filled, quantile_cont(days, 0.5)::DOUBLE AS median_days
  FROM filled GROUP BY region
)
SELECT
  coalesce(b.region, r.region) AS region,
  coalesce(r.filled, 0)::INTEGER AS filled,
  r.median_days,
  b.low_days::INTEGER AS low_days,
  b.high_days::INTEGER AS high_days,
  hs_benchmark_status(r.median_days, b.low_days, b.high_days) AS status
FROM ref_region_benchmarks b
FULL JOIN per_region r ON r.region = b.region
WHERE $region::VARCHAR IS NULL OR lower(coalesce(b.region, r.region)) = lower($region::VARCHAR)
ORDER BY coalesce(b.sort, 99), region;
