-- Market benchmarks in USD: the user's rows (priority 0) over the shipped defaults (priority 1: the seed
-- article's table and BLS OEWS 15-1252), with canonical level (a level "all" matches every level, after
-- an exact one) and region (a region name, or a country mapped to its region). Midpoint = p50, else
-- (low + high) / 2. Rows in a currency without a rate at asOf are left out.
CREATE OR REPLACE TEMP TABLE f_benchmarks AS
WITH rows AS (
  SELECT source, level, region, currency, role_family, low, high, p50, as_of, 0 AS priority FROM benchmarks
  UNION ALL
  SELECT source, level, region, currency, role_family, low, high, p50, as_of, 1 AS priority FROM ref_benchmarks
)
SELECT
  r.source,
  CASE WHEN lower(trim(r.level)) = 'all' THEN 'all' ELSE coalesce(l.level, lower(trim(r.level))) END AS level,
  coalesce(g.region, k.region, 'Other') AS region,
  nullif(lower(trim(r.role_family)), '') AS role_family,
  r.low * fx.usd_per_unit AS low,
  r.high * fx.usd_per_unit AS high,
  coalesce(r.p50, (r.low + r.high) / 2) * fx.usd_per_unit AS midpoint,
  r.as_of,
  r.priority
FROM rows r
JOIN f_fx fx ON fx.currency = upper(r.currency)
LEFT JOIN ref_level l ON l.alias_key = lower(trim(r.level))
LEFT JOIN (SELECT DISTINCT region FROM ref_country) g ON lower(g.region) = lower(trim(r.region))
LEFT JOIN ref_country k ON k.key = lower(trim(r.region))
WHERE coalesce(r.p50, (r.low + r.high) / 2) IS NOT NULL;
