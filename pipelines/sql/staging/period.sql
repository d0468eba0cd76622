-- A date inside the reporting period [from, to], both inclusive; a NULL `from` means no lower bound.
CREATE OR REPLACE TEMP MACRO hs_in_period(d, period_from, period_to) AS
  d IS NOT NULL AND d <= period_to AND (period_from IS NULL OR d >= period_from);

-- An offer settled (accepted, declined, rescinded) counts in the period when its resolution day lies in
-- it. An offer settled with no resolution date (an export that carries none) cannot be placed in time: it
-- counts in every period as a current state, like a pending offer, once it existed (created or sent by
-- the period's end, or undated), is left out of monthly trends, and is reported in data quality.
CREATE OR REPLACE TEMP MACRO hs_settled_in(resolved, created, period_from, period_to) AS
  CASE WHEN resolved IS NULL THEN created IS NULL OR created <= period_to
       ELSE hs_in_period(resolved, period_from, period_to) END;
