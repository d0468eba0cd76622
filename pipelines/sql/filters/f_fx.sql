-- DESIGN §4: money is normalised to USD with the most recent fx_rates row for the currency with
-- as_of <= asOf — the user's rows first, else the shipped ECB-derived table. USD is always 1. A currency
-- with no rate at asOf has no row here: its amounts are left out and counted in data quality, never guessed.
CREATE OR REPLACE TEMP TABLE f_fx AS
WITH candidates AS (
  SELECT currency, usd_per_unit, as_of, 0 AS priority FROM fx_rates WHERE as_of <= $as_of::DATE
  UNION ALL
  SELECT currency, usd_per_unit, as_of, 1 AS priority FROM ref_fx WHERE as_of <= $as_of::DATE
)
SELECT 'USD' AS currency, 1.0::DOUBLE AS usd_per_unit, NULL::DATE AS as_of, 'USD' AS source
UNION ALL
SELECT currency, arg_min(usd_per_unit, (priority, -epoch(as_of))), arg_min(as_of, (priority, -epoch(as_of))),
  CASE WHEN min(priority) = 0 THEN 'user fx_rates' ELSE 'shipped ECB annual means' END
FROM candidates
WHERE currency <> 'USD'
GROUP BY currency;
