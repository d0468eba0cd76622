-- DESIGN §3 OAR: per application only the latest offer version counts — highest version, ties broken by
-- the latest created_at (then offer_id, so the choice is deterministic). Deprecated rows never count:
-- they are removed before the latest version is chosen.
CREATE OR REPLACE TEMP VIEW stg_offers_latest AS
SELECT *
FROM offers
WHERE status <> 'deprecated'
QUALIFY row_number() OVER (
  PARTITION BY application_id
  ORDER BY version DESC NULLS LAST, created_at DESC NULLS LAST, offer_id DESC
) = 1;
