-- DESIGN §4 offers vs bands, in aggregate only. Offers: the counting (latest) version of each filtered
-- application with a base salary in a currency with a rate, sent (else created) in the period. Each is
-- placed in its job's cell — the role-family cell when it publishes P10 and P90 (n >= 10), else the
-- 'all' cell — as below P10, within, or above P90, with range penetration (offer - P10) / (P90 - P10);
-- offers with no such cell are 'unbanded'. Reads the published bands of m_pay_bands (already
-- confidential). A group of fewer than $min_cell offers is suppressed like a pay cell: only its count.
-- Every scope of f_pay_offers / m_pay_bands at once (see f_pay.sql); each scope of pay_scopes has its
-- overall row, with no offers too.
WITH offers AS (
  SELECT o.scope, o.status, o.base_salary * fx.usd_per_unit AS usd,
    coalesce(nullif(lower(trim(o.role_family)), ''), 'unknown') AS role_family, o.level, o.region
  FROM f_pay_offers o
  JOIN f_fx fx ON fx.currency = o.currency
  WHERE o.base_salary IS NOT NULL
    AND hs_in_period(hs_day(coalesce(o.sent_at, o.created_at)), $from::DATE, $to::DATE)
), placed AS (
  SELECT o.scope, o.status, o.usd,
    CASE WHEN f.p10 IS NOT NULL THEN f.role_family WHEN a.p10 IS NOT NULL THEN 'all' END AS band_role_family,
    o.level, o.region,
    coalesce(f.p10, a.p10) AS p10,
    CASE WHEN f.p10 IS NOT NULL THEN f.p90 ELSE a.p90 END AS p90
  FROM offers o
  LEFT JOIN m_pay_bands f ON f.scope IS NOT DISTINCT FROM o.scope AND f.role_family = o.role_family AND f.level = o.level AND f.region = o.region AND f.p10 IS NOT NULL
  LEFT JOIN m_pay_bands a ON a.scope IS NOT DISTINCT FROM o.scope AND a.role_family = 'all' AND a.level = o.level AND a.region = o.region AND a.p10 IS NOT NULL
), positioned AS (
  SELECT *,
    CASE WHEN p10 IS NULL THEN 'unbanded' WHEN usd < p10 THEN 'below' WHEN usd > p90 THEN 'above' ELSE 'within' END AS position,
    CASE WHEN p10 IS NOT NULL AND p90 > p10 THEN (usd - p10) / (p90 - p10) END AS penetration
  FROM placed
), groups AS (
  SELECT
    scope,
    grouping(band_role_family, level, region) = 7 AS overall,
    band_role_family, level, region,
    count(*)::INTEGER AS offers,
    count(*) FILTER (WHERE position = 'unbanded')::INTEGER AS unbanded,
    count(*) FILTER (WHERE position = 'below')::INTEGER AS below,
    count(*) FILTER (WHERE position = 'within')::INTEGER AS within,
    count(*) FILTER (WHERE position = 'above')::INTEGER AS above,
    quantile_cont(penetration, 0.5) AS median_penetration,
    count(*) FILTER (WHERE position = 'below' AND status = 'accepted')::INTEGER AS below_accepted,
    count(*) FILTER (WHERE position = 'below' AND status = 'declined')::INTEGER AS below_declined,
    count(*) FILTER (WHERE position = 'within' AND status = 'accepted')::INTEGER AS within_accepted,
    count(*) FILTER (WHERE position = 'within' AND status = 'declined')::INTEGER AS within_declined,
    count(*) FILTER (WHERE position = 'above' AND status = 'accepted')::INTEGER AS above_accepted,
    count(*) FILTER (WHERE position = 'above' AND status = 'declined')::INTEGER AS above_declined
  FROM positioned
  GROUP BY GROUPING SETS ((scope, band_role_family, level, region), (scope))
), complete AS (
  SELECT * FROM groups
  UNION ALL
  -- a scope without offers: the overall row the aggregates give over no rows
  SELECT s.scope, true, NULL, NULL, NULL, 0, 0, 0, 0, 0, NULL, 0, 0, 0, 0, 0, 0
  FROM pay_scopes s
  WHERE NOT EXISTS (SELECT 1 FROM groups g WHERE g.overall AND g.scope IS NOT DISTINCT FROM s.scope)
)
SELECT scope, overall, band_role_family AS role_family, level, region, offers,
  (offers - unbanded) < $min_cell::INTEGER AS suppressed,
  unbanded,
  CASE WHEN offers - unbanded >= $min_cell::INTEGER THEN below END AS below,
  CASE WHEN offers - unbanded >= $min_cell::INTEGER THEN within END AS within,
  CASE WHEN offers - unbanded >= $min_cell::INTEGER THEN above END AS above,
  CASE WHEN offers - unbanded >= $min_cell::INTEGER THEN median_penetration END AS median_penetration,
  CASE WHEN below >= $min_cell::INTEGER THEN below_accepted END AS below_accepted,
  CASE WHEN below >= $min_cell::INTEGER THEN below_declined END AS below_declined,
  CASE WHEN within >= $min_cell::INTEGER THEN within_accepted END AS within_accepted,
  CASE WHEN within >= $min_cell::INTEGER THEN within_declined END AS within_declined,
  CASE WHEN above >= $min_cell::INTEGER THEN above_accepted END AS above_accepted,
  CASE WHEN above >= $min_cell::INTEGER THEN above_declined END AS above_declined
FROM complete
WHERE overall OR band_role_family IS NOT NULL
ORDER BY scope NULLS FIRST, NOT overall, role_family <> 'all', role_family,
  coalesce(list_position(['entry', 'mid', 'senior', 'staff', 'principal', 'executive'], level), 99), level,
  coalesce(list_position(['US', 'EU', 'LatAm', 'APAC', 'Other'], region), 99), region;
