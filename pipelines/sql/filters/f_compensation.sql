-- DESIGN §4 population: per employee, the latest compensation row with effective_date <= asOf (a row
-- without a date counts as current: it wins over dated rows), annual base converted to USD, with
-- canonical level and region; then the attribute filters (department, region, level). Employees whose
-- currency has no rate at asOf keep usd_base NULL and are left out of the bands.
CREATE OR REPLACE TEMP TABLE f_compensation AS
SELECT
  c.employee_id,
  coalesce(nullif(lower(trim(c.role_family)), ''), 'unknown') AS role_family,
  c.department,
  coalesce(l.level, lower(trim(c.level))) AS level,
  coalesce(k.region, 'Other') AS region,
  c.base_salary * fx.usd_per_unit AS usd_base
FROM hs_current_compensation($as_of::DATE) c
LEFT JOIN ref_level l ON l.alias_key = lower(trim(c.level))
LEFT JOIN ref_country k ON k.key = lower(trim(c.country))
LEFT JOIN f_fx fx ON fx.currency = c.currency
WHERE ($department::VARCHAR IS NULL OR lower(c.department) = lower($department::VARCHAR))
  AND ($region::VARCHAR IS NULL OR lower(coalesce(k.region, 'Other')) = lower($region::VARCHAR))
  AND ($level::VARCHAR IS NULL OR coalesce(l.level, lower(trim(c.level))) = $level::VARCHAR);
