-- Fivetran's Lever `offer`: id, status, created_at, creator and the opportunity, nothing else (no send or
-- signature time, no offer form fields). An accepted offer is signed; a declined one stays sent or opened,
-- or is denied by the candidate, and its opportunity is archived with the candidate's reason; a rescinded
-- one stays sent and its opportunity is archived "Offer rescinded"; a deprecated version 1 stays sent and
-- a newer offer supersedes it. Keys as in real syncs: an offer number divisible by 3 has only
-- `candidate_id` (an older offer: the candidate id is the opportunity id), one with remainder 1 both, the
-- others only `opportunity_id`. Besides: every 200th candidate's second application (to the deleted
-- posting) has a pending offer, left out with its opportunity.
WITH rows AS (
  SELECT o.offer_id AS key, 'opportunity:' || o.application_id AS opportunity, regexp_extract(o.offer_id, '\d+')::BIGINT AS n,
    CASE o.status
      WHEN 'accepted' THEN 'signed'
      WHEN 'declined' THEN CASE regexp_extract(o.offer_id, '\d+')::BIGINT % 3 WHEN 0 THEN 'denied' WHEN 1 THEN 'opened' ELSE 'sent' END
      ELSE 'sent'
    END AS status,
    o.created_at
  FROM c_offers o
  UNION ALL
  SELECT 'twice:' || application_id, 'twice:' || application_id, 1, 'sent', applied_at + INTERVAL 20 DAY
  FROM c_applications WHERE regexp_extract(application_id, '\d+')::BIGINT % 200 = 7
)
SELECT
  hs_uuid('offer:' || r.key) AS id,
  hs_sync_ts(e.taken_at) AS _fivetran_synced,
  CASE WHEN r.n % 3 IN (0, 1) THEN hs_uuid(r.opportunity) END AS candidate_id,
  hs_sync_ts(r.created_at) AS created_at,
  hs_uuid('user:' || (r.n % 7)) AS creator_id,
  r.status,
  CASE WHEN r.n % 3 <> 0 THEN hs_uuid(r.opportunity) END AS opportunity_id
FROM rows r
CROSS JOIN c_export e
ORDER BY id
