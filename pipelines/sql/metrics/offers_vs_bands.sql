-- DESIGN §4 offers vs bands, in aggregate only. Offers: the counting (latest) version of each filtered
-- application with a base salary in a currency with a rate, sent (else created) in the period. Each is
-- placed in its job's cell — the role-family cell when it publishes P10 and P90 (n >= 10), else the
-- 'all' cell — as below P10, within, or above P90, with range penetration (offer - P10) / (P90 - P10);
-- offers with no such cell are 'unbanded'. Reads the published bands of m_pay_bands (already
-- confidential: with $publish, the rounded published P10 and P90, so penetration derives from them).
-- A group of fewer than minCell banded offers is suppressed like a pay cell: only its count.
-- With $publish (issue 15): the median penetration of a group under exactFrom offers is a Harrell-Davis
-- estimate, every median penetration and rate has 2 decimals, and nested groups (a cell in its scope's
-- overall row, a department's cell or overall row in the company's) differing by 1 to minCell - 1
-- offers (banded, or all) suppress the smaller, decided top-down like the pay cells; a position group's
-- acceptance (below / within / above) of a department is suppressed the same way against the company's.
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
), grouped AS (
  -- each offer in its cell's group (banded offers) and in its scope's overall group
  SELECT scope, false AS overall, band_role_family, level, region, status, position, penetration FROM positioned WHERE band_role_family IS NOT NULL
  UNION ALL
  SELECT scope, true, NULL, NULL, NULL, status, position, penetration FROM positioned
), ranked AS (
  SELECT *,
    row_number() OVER (PARTITION BY scope, overall, band_role_family, level, region ORDER BY penetration NULLS LAST) AS i,
    count(penetration) OVER (PARTITION BY scope, overall, band_role_family, level, region) AS m
  FROM grouped
), hd AS (
  SELECT r.scope, r.overall, r.band_role_family, r.level, r.region, sum(w.w * r.penetration) AS hd_median
  FROM ranked r
  JOIN hs_hd_weights w ON w.n = r.m AND w.i = r.i AND w.pct = 50
  WHERE $publish::BOOLEAN AND r.penetration IS NOT NULL
  GROUP BY r.scope, r.overall, r.band_role_family, r.level, r.region
), groups AS (
  SELECT
    scope, overall, band_role_family, level, region,
    count(*)::INTEGER AS offers,
    count(*) FILTER (WHERE position = 'unbanded')::INTEGER AS unbanded,
    count(*) FILTER (WHERE position = 'below')::INTEGER AS below,
    count(*) FILTER (WHERE position = 'within')::INTEGER AS within,
    count(*) FILTER (WHERE position = 'above')::INTEGER AS above,
    count(penetration)::INTEGER AS measured,
    quantile_cont(penetration, 0.5) AS sample_median,
    count(*) FILTER (WHERE position = 'below' AND status = 'accepted')::INTEGER AS below_accepted,
    count(*) FILTER (WHERE position = 'below' AND status = 'declined')::INTEGER AS below_declined,
    count(*) FILTER (WHERE position = 'within' AND status = 'accepted')::INTEGER AS within_accepted,
    count(*) FILTER (WHERE position = 'within' AND status = 'declined')::INTEGER AS within_declined,
    count(*) FILTER (WHERE position = 'above' AND status = 'accepted')::INTEGER AS above_accepted,
    count(*) FILTER (WHERE position = 'above' AND status = 'declined')::INTEGER AS above_declined
  FROM grouped
  GROUP BY scope, overall, band_role_family, level, region
), complete AS (
  SELECT g.*, h.hd_median FROM groups g
  LEFT JOIN hd h ON h.scope IS NOT DISTINCT FROM g.scope AND h.overall = g.overall AND h.band_role_family IS NOT DISTINCT FROM g.band_role_family
    AND h.level IS NOT DISTINCT FROM g.level AND h.region IS NOT DISTINCT FROM g.region
  UNION ALL
  -- a scope without offers: the overall row the aggregates give over no rows
  SELECT s.scope, true, NULL, NULL, NULL, 0, 0, 0, 0, 0, 0, NULL, 0, 0, 0, 0, 0, 0, NULL
  FROM pay_scopes s
  WHERE NOT EXISTS (SELECT 1 FROM groups g WHERE g.overall AND g.scope IS NOT DISTINCT FROM s.scope)
), sized AS (
  SELECT *, offers - unbanded AS banded,
    (scope IS NOT NULL)::INTEGER + (NOT overall)::INTEGER AS depth
  FROM complete
), depth0 AS (
  SELECT scope, overall, band_role_family, level, region, offers, banded, hs_enough(banded) AS shown FROM sized WHERE depth = 0
), depth1 AS (
  -- the company's cells in the company's overall row; a department's overall row in the company's.
  -- Too close in banded offers, or in all offers (a reader sees both counts)
  SELECT c.scope, c.overall, c.band_role_family, c.level, c.region, c.offers, c.banded,
    hs_enough(c.banded) AND NOT ($publish::BOOLEAN AND EXISTS (
      SELECT 1 FROM depth0 a WHERE a.shown AND (hs_too_close(a.banded, c.banded) OR hs_too_close(a.offers, c.offers)))) AS shown
  FROM sized c WHERE c.depth = 1
), depth2 AS (
  -- a department's cell in the company's overall row, the company's same cell and its department's overall row
  SELECT c.scope, c.overall, c.band_role_family, c.level, c.region, c.offers, c.banded,
    hs_enough(c.banded) AND NOT ($publish::BOOLEAN AND EXISTS (
      SELECT 1 FROM (SELECT * FROM depth0 UNION ALL SELECT * FROM depth1) a
      WHERE a.shown AND (hs_too_close(a.banded, c.banded) OR hs_too_close(a.offers, c.offers))
        AND (a.scope IS NULL OR a.scope = c.scope)
        AND (a.overall OR (a.band_role_family = c.band_role_family AND a.level = c.level AND a.region = c.region)))) AS shown
  FROM sized c WHERE c.depth = 2
), decided AS (
  SELECT * FROM depth0 UNION ALL SELECT * FROM depth1 UNION ALL SELECT * FROM depth2
), final AS (
  SELECT c.*, d.shown,
    -- a position group's acceptance: enough offers, and (published) not within minCell - 1 of the company's
    hs_enough(c.below) AND NOT ($publish::BOOLEAN AND c.scope IS NOT NULL AND EXISTS (
      SELECT 1 FROM complete t WHERE t.scope IS NULL AND t.overall AND c.overall AND hs_enough(t.below) AND hs_too_close(t.below, c.below))) AS below_shown,
    hs_enough(c.within) AND NOT ($publish::BOOLEAN AND c.scope IS NOT NULL AND EXISTS (
      SELECT 1 FROM complete t WHERE t.scope IS NULL AND t.overall AND c.overall AND hs_enough(t.within) AND hs_too_close(t.within, c.within))) AS within_shown,
    hs_enough(c.above) AND NOT ($publish::BOOLEAN AND c.scope IS NOT NULL AND EXISTS (
      SELECT 1 FROM complete t WHERE t.scope IS NULL AND t.overall AND c.overall AND hs_enough(t.above) AND hs_too_close(t.above, c.above))) AS above_shown
  FROM sized c
  JOIN decided d ON d.scope IS NOT DISTINCT FROM c.scope AND d.overall = c.overall AND d.band_role_family IS NOT DISTINCT FROM c.band_role_family
    AND d.level IS NOT DISTINCT FROM c.level AND d.region IS NOT DISTINCT FROM c.region
)
SELECT scope, overall, band_role_family AS role_family, level, region, offers,
  NOT shown AS suppressed,
  unbanded,
  CASE WHEN shown THEN below END AS below,
  CASE WHEN shown THEN within END AS within,
  CASE WHEN shown THEN above END AS above,
  CASE WHEN shown THEN
    CASE WHEN NOT $publish::BOOLEAN THEN sample_median
         ELSE hs_publish_ratio(CASE WHEN measured < hs_exact_from() THEN hd_median ELSE sample_median END) END
  END AS median_penetration,
  CASE WHEN below_shown THEN below_accepted END AS below_accepted,
  CASE WHEN below_shown THEN below_declined END AS below_declined,
  CASE WHEN within_shown THEN within_accepted END AS within_accepted,
  CASE WHEN within_shown THEN within_declined END AS within_declined,
  CASE WHEN above_shown THEN above_accepted END AS above_accepted,
  CASE WHEN above_shown THEN above_declined END AS above_declined
FROM final
ORDER BY scope NULLS FIRST, NOT overall, role_family <> 'all', role_family,
  hs_level_rank(level), level,
  hs_region_rank(region), region;
