-- DESIGN §4 pay bands per (role family or 'all', level, region) over f_compensation, in whole USD, for
-- each scope of f_pay_compensation (the metrics: one; the snapshot: all departments and each one).
-- Confidentiality, applied here in SQL before anything leaves the warehouse: n < $min_cell -> suppressed
-- (no n, no percentile); P10 and P90 only when n >= 10; minimum and maximum are never computed.
-- Market: the best benchmark for the cell — user rows first, then one whose role family equals the
-- cell's (when both have one), then an exact level over level 'all', then the latest as_of; for the
-- 'all' cell a row without role family first, then role families by name; then source.
-- compaRatio = p50 / midpoint; belowMarket when p50 is under the market low.
WITH cells AS (
  SELECT
    scope,
    CASE WHEN grouping(role_family) = 1 THEN 'all' ELSE role_family END AS role_family,
    level, region,
    count(*)::INTEGER AS n,
    quantile_cont(usd_base, 0.10) AS p10,
    quantile_cont(usd_base, 0.25) AS p25,
    quantile_cont(usd_base, 0.50) AS p50,
    quantile_cont(usd_base, 0.75) AS p75,
    quantile_cont(usd_base, 0.90) AS p90
  FROM f_pay_compensation
  WHERE usd_base IS NOT NULL
  GROUP BY GROUPING SETS ((scope, role_family, level, region), (scope, level, region))
), published AS (
  SELECT scope, role_family, level, region,
    n < $min_cell::INTEGER AS suppressed,
    CASE WHEN n >= $min_cell::INTEGER THEN n END AS n,
    CASE WHEN n >= $min_cell::INTEGER AND n >= 10 THEN round(p10)::INTEGER END AS p10,
    CASE WHEN n >= $min_cell::INTEGER THEN round(p25)::INTEGER END AS p25,
    CASE WHEN n >= $min_cell::INTEGER THEN round(p50)::INTEGER END AS p50,
    CASE WHEN n >= $min_cell::INTEGER THEN round(p75)::INTEGER END AS p75,
    CASE WHEN n >= $min_cell::INTEGER AND n >= 10 THEN round(p90)::INTEGER END AS p90
  FROM cells
), matched AS (
  SELECT p.scope, p.role_family, p.level, p.region, b.source, b.low, b.high, b.midpoint,
    row_number() OVER (
      PARTITION BY p.scope, p.role_family, p.level, p.region
      ORDER BY b.priority, (b.role_family IS NOT NULL AND b.role_family = p.role_family) DESC,
               (b.level = p.level) DESC, b.as_of DESC NULLS LAST, b.role_family NULLS FIRST, b.source
    ) AS choice
  FROM published p
  JOIN f_benchmarks b
    ON b.region = p.region
   AND (b.level = p.level OR b.level = 'all')
   AND (p.role_family = 'all' OR b.role_family IS NULL OR b.role_family = p.role_family)
)
SELECT
  p.scope, p.role_family, p.level, p.region, p.suppressed, p.n, p.p10, p.p25, p.p50, p.p75, p.p90,
  m.source AS market_source,
  round(m.low)::INTEGER AS market_low,
  round(m.high)::INTEGER AS market_high,
  round(m.midpoint)::INTEGER AS market_midpoint,
  -- ratios of the published whole-dollar figures, so a reader can recompute them from the table
  CASE WHEN p.p50 IS NOT NULL AND round(m.midpoint) > 0 THEN p.p50 / round(m.midpoint) END AS compa_ratio,
  CASE WHEN p.p50 IS NOT NULL AND m.low IS NOT NULL THEN p.p50 < round(m.low) END AS below_market
FROM published p
LEFT JOIN matched m ON m.scope IS NOT DISTINCT FROM p.scope AND m.role_family = p.role_family AND m.level = p.level AND m.region = p.region AND m.choice = 1
ORDER BY
  p.scope NULLS FIRST,
  p.role_family <> 'all', p.role_family,
  coalesce(list_position(['entry', 'mid', 'senior', 'staff', 'principal', 'executive'], p.level), 99), p.level,
  coalesce(list_position(['US', 'EU', 'LatAm', 'APAC', 'Other'], p.region), 99), p.region;
