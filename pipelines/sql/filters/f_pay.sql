-- The pay populations by view ("scope"): pay_bands.sql and offers_vs_bands.sql compute every scope in one
-- pass. Scope NULL holds f_compensation and f_offers whole: for the metrics of one set of filters, the
-- only scope. With $pay_views (the snapshot), also one scope per department of the compensation data
-- (as written; a department spelled two ways is two views) holding the rows its filter keeps —
-- lower(department) = lower(scope), as f_compensation.sql and f_offers.sql filter — so each view equals
-- the metrics with that department filter, computed for all views at once.
CREATE OR REPLACE TEMP TABLE pay_scopes AS
SELECT NULL::VARCHAR AS scope
UNION ALL
SELECT DISTINCT department FROM compensation
WHERE $pay_views::BOOLEAN AND department IS NOT NULL AND trim(department) <> '';

CREATE OR REPLACE TEMP TABLE f_pay_compensation AS
SELECT *, NULL::VARCHAR AS scope FROM f_compensation
UNION ALL
SELECT c.*, s.scope FROM f_compensation c JOIN pay_scopes s ON lower(c.department) = lower(s.scope);

CREATE OR REPLACE TEMP TABLE f_pay_offers AS
SELECT *, NULL::VARCHAR AS scope FROM f_offers
UNION ALL
SELECT o.*, s.scope FROM f_offers o JOIN pay_scopes s ON lower(o.department) = lower(s.scope);
