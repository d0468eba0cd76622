-- A date inside the reporting period [from, to], both inclusive; a NULL `from` means no lower bound.
CREATE OR REPLACE TEMP MACRO hs_in_period(d, period_from, period_to) AS
  d IS NOT NULL AND d <= period_to AND (period_from IS NULL OR d >= period_from);
