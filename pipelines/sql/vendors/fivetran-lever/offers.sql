-- Fivetran's Lever `offer` -> canonical offers. Fivetran keys an offer by `opportunity_id`, else by
-- `candidate_id` (older offers: a candidate's id is its opportunity's id), as dbt_lever does. Fivetran
-- syncs only id, status and created_at: no send or signature time, no offer form fields (salary,
-- currency, start date stay empty).
-- * Versions: the live offers of an opportunity numbered by created_at; every one but the newest is
--   deprecated (superseded, never counted).
-- * The newest: signed -> accepted, resolved at the hire; denied -> declined; any other status settles
--   with the opportunity (hired -> accepted at the hire; archived non-hired -> declined when the candidate
--   withdrew, else rescinded, at the archive time; still active -> pending), as lever/offers.sql.
-- * A soft-deleted offer is left out ('offer deleted') and numbers nothing; offers of an opportunity
--   left out (a lead, a deleted opportunity or posting) go with it.
WITH o AS (
  SELECT
    o.*,
    coalesce(o.opportunity_id, o.candidate_id) AS opportunity,
    hs_soft_deleted(o._fivetran_deleted, o.is_deleted, o.deleted_at) AS deleted
  FROM fivetran_lever_offer o
), v AS (
  SELECT
    o.*,
    row_number() OVER (PARTITION BY o.opportunity, o.deleted ORDER BY o.created_at NULLS FIRST, o.id) AS version,
    count(*) OVER (PARTITION BY o.opportunity, o.deleted) AS offers
  FROM o
)
SELECT
  v.id AS offer_id,
  v.opportunity AS application_id,
  hs_lever_offer_status(v.version < v.offers, v.status, a.status, a.rejection_type) AS status,
  v.version::INTEGER AS version,
  v.created_at,
  NULL::TIMESTAMPTZ AS sent_at,
  CASE
    WHEN v.version < v.offers THEN NULL
    WHEN v.status = 'signed' THEN a.hired_at
    ELSE coalesce(a.hired_at, a.rejected_at)
  END AS resolved_at,
  NULL::DATE AS start_date,
  NULL::DOUBLE AS base_salary,
  NULL::VARCHAR AS currency,
  -- Issue 18: no offer form fields in the sync; a declined offer's reason is its opportunity's archive reason.
  CASE WHEN hs_lever_offer_status(v.version < v.offers, v.status, a.status, a.rejection_type) = 'declined'
    THEN regexp_replace(a.rejection_reason, '^Withdrew - ', '') END AS decline_reason, -- the reason without the withdrew mark
  v._file_id,
  CASE
    WHEN v.deleted THEN 'offer deleted'
    WHEN a.application_id IS NULL THEN 'opportunity left out'
  END AS _excluded
FROM v
LEFT JOIN vd_applications a ON a.application_id = v.opportunity
