-- Ashby offers -> canonical offers, one per offer with its latest version (offer.list exports no older
-- versions, so no `deprecated` rows and no version number).
-- * acceptanceStatus: Accepted -> accepted, Declined -> declined, Cancelled -> rescinded; Pending, Created
--   and WaitingOnResponse are still waiting on the candidate (offerStatus reads the same way when
--   acceptanceStatus is empty: CandidateAccepted, CandidateRejected, OfferCancelled, WaitingOn...).
-- * A waiting offer is settled by its application: archived because the candidate withdrew -> declined,
--   archived for any other reason (we rejected them, or other) -> rescinded, both at the archive date;
--   hired -> accepted at the hire; otherwise pending.
-- * resolved_at = decidedAt (else the archive or hire date that settles it). created_at = the latest
--   version's createdAt; sent_at = sentAt when exported, else the latest version's createdAt.
WITH offers AS (
  SELECT o.*,
    CASE
      WHEN o.acceptanceStatus = 'accepted' THEN 'accepted'
      WHEN o.acceptanceStatus = 'declined' THEN 'declined'
      WHEN o.acceptanceStatus = 'cancelled' THEN 'rescinded'
      WHEN o.acceptanceStatus IN ('pending', 'created', 'waitingonresponse') THEN 'waiting'
      WHEN o.offerStatus = 'candidateaccepted' THEN 'accepted'
      WHEN o.offerStatus = 'candidaterejected' THEN 'declined'
      WHEN o.offerStatus = 'offercancelled' THEN 'rescinded'
      WHEN o.offerStatus LIKE 'waitingon%' THEN 'waiting'
    END AS state
  FROM ashby_offers o
)
SELECT
  o.id AS offer_id,
  o.applicationId AS application_id,
  CASE o.state
    WHEN 'waiting' THEN coalesce(hs_offer_settled_by(a.status, a.rejection_type), CASE WHEN a.status = 'hired' THEN 'accepted' ELSE 'pending' END)
    ELSE o.state
  END AS status,
  NULL::INTEGER AS version,
  o.latestVersion_createdAt AS created_at,
  coalesce(o.sentAt, o.latestVersion_createdAt) AS sent_at,
  CASE
    WHEN o.state = 'waiting' AND a.status = 'rejected' THEN a.rejected_at
    WHEN o.state = 'waiting' AND a.status = 'hired' THEN a.hired_at
    WHEN o.state = 'accepted' THEN coalesce(o.decidedAt, a.hired_at)
    WHEN o.state IN ('declined', 'rescinded') THEN coalesce(o.decidedAt, a.rejected_at)
  END AS resolved_at,
  o.latestVersion_startDate AS start_date,
  o.latestVersion_salary_value AS base_salary,
  o.latestVersion_salary_currencyCode AS currency,
  -- Issue 18: a declined offer's reason is its application's archive reason (offer.list carries none).
  CASE WHEN (CASE o.state
      WHEN 'waiting' THEN coalesce(hs_offer_settled_by(a.status, a.rejection_type), CASE WHEN a.status = 'hired' THEN 'accepted' ELSE 'pending' END)
      ELSE o.state END) = 'declined' THEN a.rejection_reason END AS decline_reason,
  o._file_id,
  CASE WHEN a.application_id IS NULL THEN 'application left out' END AS _excluded
FROM offers o
LEFT JOIN vd_applications a ON a.application_id = o.applicationId
