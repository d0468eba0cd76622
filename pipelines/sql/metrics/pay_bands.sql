-- DESIGN §4 pay bands per (role family or 'all', level, region) over f_compensation, in USD, for each
-- scope of f_pay_compensation (the metrics: one; the snapshot and --publish: the company and each
-- department). Disclosure control (issue 15) is applied here, in SQL, before anything leaves the
-- warehouse, with the rules and macros of disclosure/rules.sql:
--   * n < minCell -> suppressed (no n, no percentile); P10 and P90 only when n >= 10; minimum and
--     maximum are never computed;
--   * $publish (the site, the CSV export, metrics --publish):
--     - cells under exactFrom people publish Harrell-Davis percentiles (a weighted average of every value
--       of the cell: hs_hd_weights), larger cells the sample quantiles (quantile_cont);
--     - every pay figure is rounded to the cell's grid (hs_publish_pay), market figures to the fine grid;
--     - secondary suppression: of two published cells that nest (a department's cell in the company's,
--       a role family's in 'all', and both at once) the smaller is suppressed when they differ by 1 to
--       minCell - 1 people; decided top-down (company 'all' cells, then cells one step in, then two), so a
--       cell is only compared with ancestors that stay published — a fixed point in one pass;
--     - compaRatio = published p50 / published midpoint, to 2 decimals; belowMarket from published figures;
--   * without $publish (`metrics` on a terminal, for the operator): whole-dollar sample quantiles and
--     primary suppression only, as before.
-- Market: the best benchmark for the cell — user rows first, then one whose role family equals the
-- cell's (when both have one), then an exact level over level 'all', then the latest as_of; for the
-- 'all' cell a row without role family first, then role families by name; then source.
WITH members AS (
  SELECT scope, role_family, level, region, usd_base AS usd FROM f_pay_compensation WHERE usd_base IS NOT NULL
  UNION ALL
  SELECT scope, 'all', level, region, usd_base FROM f_pay_compensation WHERE usd_base IS NOT NULL
), ranked AS (
  SELECT *,
    row_number() OVER (PARTITION BY scope, role_family, level, region ORDER BY usd) AS i,
    count(*) OVER (PARTITION BY scope, role_family, level, region) AS n
  FROM members
), sample AS (
  SELECT scope, role_family, level, region, any_value(n)::INTEGER AS n,
    quantile_cont(usd, 0.10) AS s10, quantile_cont(usd, 0.25) AS s25, quantile_cont(usd, 0.50) AS s50,
    quantile_cont(usd, 0.75) AS s75, quantile_cont(usd, 0.90) AS s90
  FROM ranked
  GROUP BY scope, role_family, level, region
), hd AS (
  -- only cells of at least minCell people are ever published: no estimate for smaller ones
  SELECT r.scope, r.role_family, r.level, r.region,
    sum(w.w * r.usd) FILTER (WHERE w.pct = 10) AS h10, sum(w.w * r.usd) FILTER (WHERE w.pct = 25) AS h25,
    sum(w.w * r.usd) FILTER (WHERE w.pct = 50) AS h50, sum(w.w * r.usd) FILTER (WHERE w.pct = 75) AS h75,
    sum(w.w * r.usd) FILTER (WHERE w.pct = 90) AS h90
  FROM ranked r
  JOIN hs_hd_weights w ON w.n = r.n AND w.i = r.i
  WHERE $publish::BOOLEAN AND hs_enough(r.n)
  GROUP BY r.scope, r.role_family, r.level, r.region
), cells AS (
  SELECT s.*, h.h10, h.h25, h.h50, h.h75, h.h90,
    (s.scope IS NOT NULL)::INTEGER + (s.role_family <> 'all')::INTEGER AS depth
  FROM sample s
  LEFT JOIN hd h ON h.scope IS NOT DISTINCT FROM s.scope AND h.role_family = s.role_family AND h.level = s.level AND h.region = s.region
), depth0 AS (
  SELECT scope, role_family, level, region, n, depth, hs_enough(n) AS shown FROM cells WHERE depth = 0
), depth1 AS (
  SELECT c.scope, c.role_family, c.level, c.region, c.n, c.depth,
    hs_enough(c.n) AND NOT ($publish::BOOLEAN AND EXISTS (
      SELECT 1 FROM depth0 a
      WHERE a.shown AND a.level = c.level AND a.region = c.region AND hs_too_close(a.n, c.n))) AS shown
  FROM cells c WHERE c.depth = 1
), depth2 AS (
  SELECT c.scope, c.role_family, c.level, c.region, c.n, c.depth,
    hs_enough(c.n) AND NOT ($publish::BOOLEAN AND EXISTS (
      SELECT 1 FROM (SELECT * FROM depth0 UNION ALL SELECT * FROM depth1) a
      WHERE a.shown AND a.level = c.level AND a.region = c.region
        AND (a.scope IS NULL OR a.scope = c.scope) AND (a.role_family = 'all' OR a.role_family = c.role_family)
        AND hs_too_close(a.n, c.n))) AS shown
  FROM cells c WHERE c.depth = 2
), decided AS (
  SELECT * FROM depth0 UNION ALL SELECT * FROM depth1 UNION ALL SELECT * FROM depth2
), published AS (
  SELECT c.scope, c.role_family, c.level, c.region,
    NOT d.shown AS suppressed,
    CASE WHEN d.shown THEN c.n END AS n,
    CASE WHEN d.shown AND $publish::BOOLEAN THEN hs_pay_grid(c.n) END AS rounded_to,
    CASE WHEN d.shown AND $publish::BOOLEAN THEN CASE WHEN c.n < hs_exact_from() THEN 'harrell-davis' ELSE 'sample' END END AS estimator,
    CASE WHEN d.shown AND c.n >= hs_tails_from() THEN
      CASE WHEN NOT $publish::BOOLEAN THEN round(c.s10)::INTEGER ELSE hs_publish_pay(CASE WHEN c.n < hs_exact_from() THEN c.h10 ELSE c.s10 END, c.n) END END AS p10,
    CASE WHEN d.shown THEN
      CASE WHEN NOT $publish::BOOLEAN THEN round(c.s25)::INTEGER ELSE hs_publish_pay(CASE WHEN c.n < hs_exact_from() THEN c.h25 ELSE c.s25 END, c.n) END END AS p25,
    CASE WHEN d.shown THEN
      CASE WHEN NOT $publish::BOOLEAN THEN round(c.s50)::INTEGER ELSE hs_publish_pay(CASE WHEN c.n < hs_exact_from() THEN c.h50 ELSE c.s50 END, c.n) END END AS p50,
    CASE WHEN d.shown THEN
      CASE WHEN NOT $publish::BOOLEAN THEN round(c.s75)::INTEGER ELSE hs_publish_pay(CASE WHEN c.n < hs_exact_from() THEN c.h75 ELSE c.s75 END, c.n) END END AS p75,
    CASE WHEN d.shown AND c.n >= hs_tails_from() THEN
      CASE WHEN NOT $publish::BOOLEAN THEN round(c.s90)::INTEGER ELSE hs_publish_pay(CASE WHEN c.n < hs_exact_from() THEN c.h90 ELSE c.s90 END, c.n) END END AS p90
  FROM cells c
  JOIN decided d ON d.scope IS NOT DISTINCT FROM c.scope AND d.role_family = c.role_family AND d.level = c.level AND d.region = c.region
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
), market AS (
  SELECT scope, role_family, level, region, source,
    CASE WHEN $publish::BOOLEAN THEN hs_publish_market(low) ELSE round(low)::INTEGER END AS low,
    CASE WHEN $publish::BOOLEAN THEN hs_publish_market(high) ELSE round(high)::INTEGER END AS high,
    CASE WHEN $publish::BOOLEAN THEN hs_publish_market(midpoint) ELSE round(midpoint)::INTEGER END AS midpoint
  FROM matched WHERE choice = 1
)
SELECT
  p.scope, p.role_family, p.level, p.region, p.suppressed, p.n, p.p10, p.p25, p.p50, p.p75, p.p90,
  p.rounded_to, p.estimator,
  m.source AS market_source,
  m.low AS market_low,
  m.high AS market_high,
  m.midpoint AS market_midpoint,
  -- ratios of the published figures, so a reader can recompute them from the table
  CASE WHEN p.p50 IS NOT NULL AND m.midpoint > 0 THEN
    CASE WHEN $publish::BOOLEAN THEN hs_publish_ratio(p.p50 / m.midpoint) ELSE p.p50 / m.midpoint END END AS compa_ratio,
  CASE WHEN p.p50 IS NOT NULL AND m.low IS NOT NULL THEN p.p50 < m.low END AS below_market
FROM published p
LEFT JOIN market m ON m.scope IS NOT DISTINCT FROM p.scope AND m.role_family = p.role_family AND m.level = p.level AND m.region = p.region
ORDER BY
  p.scope NULLS FIRST,
  p.role_family <> 'all', p.role_family,
  hs_level_rank(p.level), p.level,
  hs_region_rank(p.region), p.region;
