-- Ashby offer.list: one row per offer with its latest version (a renegotiated offer's first version —
-- canonical 'deprecated' — is not exported). Accepted / CandidateAccepted, Declined / CandidateRejected,
-- Cancelled / OfferCancelled, WaitingOnResponse / WaitingOnCandidateResponse, with decidedAt. The quirks
-- of real exports: every second rescinded offer and every third declined one was never closed in Ashby —
-- still WaitingOnResponse, no decidedAt — and it is the application's archive (Other "Offer rescinded",
-- or RejectedByCandidate) at that date that settles it. latestVersion_openingId names the opening an
-- accepted offer fills; sentAt is the e-signature request's send time (not part of offer.list).
WITH o AS (
  SELECT *, row_number() OVER (PARTITION BY status ORDER BY offer_id) AS rank FROM c_offers WHERE status <> 'deprecated'
), x AS (
  SELECT o.*, (status = 'rescinded' AND rank % 2 = 0) OR (status = 'declined' AND rank % 3 = 0) OR status = 'pending' AS waiting FROM o
)
SELECT
  regexp_replace(md5('offer:' || x.offer_id), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5') AS id,
  regexp_replace(md5('application:' || x.application_id), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5') AS "applicationId",
  CASE WHEN waiting THEN 'WaitingOnResponse' WHEN status = 'accepted' THEN 'Accepted' WHEN status = 'declined' THEN 'Declined' ELSE 'Cancelled' END AS "acceptanceStatus",
  CASE WHEN waiting THEN 'WaitingOnCandidateResponse' WHEN status = 'accepted' THEN 'CandidateAccepted' WHEN status = 'declined' THEN 'CandidateRejected' ELSE 'OfferCancelled' END AS "offerStatus",
  CASE WHEN NOT waiting THEN strftime(x.resolved_at, '%Y-%m-%dT%H:%M:%S.%gZ') END AS "decidedAt",
  regexp_replace(md5('offer-version:' || x.offer_id), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5') AS "latestVersion_id",
  strftime(x.created_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS "latestVersion_createdAt",
  strftime(x.start_date, '%Y-%m-%d') AS "latestVersion_startDate",
  x.base_salary::BIGINT AS "latestVersion_salary_value",
  x.currency AS "latestVersion_salary_currencyCode",
  CASE WHEN x.status = 'accepted' AND p.opening_id IS NOT NULL THEN regexp_replace(md5('opening:' || p.opening_id), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5') END AS "latestVersion_openingId",
  strftime(x.sent_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS "sentAt"
FROM x
LEFT JOIN (SELECT hired_application_id, min(opening_id) AS opening_id FROM c_openings WHERE hired_application_id IS NOT NULL GROUP BY ALL) p
  ON p.hired_application_id = x.application_id
ORDER BY id
