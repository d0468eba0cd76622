-- The attacker's knowledge, for confirming recoveries: every current employee and every counting offer
-- with canonical level and region and the amount in USD at the pipeline's rate as of $as_of. Runs after
-- prepareMetrics (f_compensation, f_offers and f_fx are the pipeline's own populations), so a roster and
-- the published figures agree on who is in which cell.
SELECT 'person' AS kind, employee_id AS id, department, role_family, level, region, usd_base AS usd
FROM f_compensation
WHERE usd_base IS NOT NULL
UNION ALL
SELECT 'offer', o.offer_id, o.department, coalesce(nullif(lower(trim(o.role_family)), ''), 'unknown'), o.level, o.region,
  o.base_salary * fx.usd_per_unit
FROM f_offers o
JOIN f_fx fx ON fx.currency = o.currency
WHERE o.base_salary IS NOT NULL AND $as_of::VARCHAR IS NOT NULL
ORDER BY kind, id;
