-- The pay populations by view ("scope"): pay_bands.sql and offers_vs_bands.sql compute every scope in one
-- pass. Here, for the metrics of one set of filters, a single scope (NULL) over f_compensation and
-- f_offers; the snapshot replaces these with one scope per department (snapshot/pay_scopes.sql).
CREATE OR REPLACE TEMP TABLE pay_scopes AS SELECT NULL::VARCHAR AS scope;
CREATE OR REPLACE TEMP TABLE f_pay_compensation AS SELECT *, NULL::VARCHAR AS scope FROM f_compensation;
CREATE OR REPLACE TEMP TABLE f_pay_offers AS SELECT *, NULL::VARCHAR AS scope FROM f_offers;
