-- Issue 19 population: the workers employed at $as_of — per employee, the latest compensation row with
-- effective_date <= $as_of (a row without a date counts as current, as in DESIGN §4) — with pay converted
-- to the report currency at the as-of rate (f_fx: USD per unit; report = local x usd_per_unit(local) /
-- usd_per_unit(report)), not filtered: population.sql filters it
-- (once per as-of and currency; the snapshot's ~50 views each filter the same base).
-- Hours per week: hours_per_week, else fte x $standard_hours, else $standard_hours.
-- hourly = annual / (hours x 52); hourly total = (basic + variable) / (hours x 52).
-- A missing gender counts as `undisclosed`. Category: the roster's, else role_family x level.
-- Rows whose currency has no rate at $as_of are left out (never guessed), as for the pay bands.
CREATE OR REPLACE TEMP TABLE pg_base AS
WITH report_rate AS (
  SELECT usd_per_unit FROM f_fx WHERE currency = upper($currency::VARCHAR)
), converted AS (
  SELECT
    c.employee_id,
    coalesce(c.gender, 'undisclosed') AS gender,
    coalesce(nullif(trim(c.category), ''),
      coalesce(nullif(lower(trim(c.role_family)), ''), 'unknown') || ' x ' || coalesce(l.level, lower(trim(c.level)))) AS category,
    coalesce(k.code, upper(trim(c.country))) AS country,
    coalesce(k.region, 'Other') AS region,
    c.department,
    c.base_salary * fx.usd_per_unit / r.usd_per_unit AS annual,
    coalesce(c.variable_pay, 0) * fx.usd_per_unit / r.usd_per_unit AS variable,
    coalesce(c.hours_per_week, c.fte * $standard_hours::DOUBLE, $standard_hours::DOUBLE) AS hours,
    date_diff('day', c.hire_date, $as_of::DATE) / 365.25 AS tenure
  FROM hs_current_compensation($as_of::DATE) c
  JOIN f_fx fx ON fx.currency = c.currency
  CROSS JOIN report_rate r
  LEFT JOIN ref_level l ON l.alias_key = lower(trim(c.level))
  LEFT JOIN ref_country k ON k.key = lower(trim(c.country))
)
SELECT
  *,
  annual / (hours * 52) AS hourly,
  (annual + variable) / (hours * 52) AS hourly_total
FROM converted;
