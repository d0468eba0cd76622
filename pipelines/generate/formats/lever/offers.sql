-- Lever offers: no versions and no "declined" or "rescinded" status. An accepted offer is signed (signedAt
-- = when it was accepted); a declined one stays sent or opened, or is denied by the candidate, and its
-- opportunity is archived with the candidate's reason; a rescinded one stays sent and its opportunity is
-- archived "Offer rescinded"; a deprecated version 1 stays sent and a newer offer supersedes it. Salary,
-- currency, start date and (issue 18) decline reason are the offer form's fields, flattened by identifier.
SELECT
  regexp_replace(md5('offer:' || o.offer_id), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5') AS id,
  regexp_replace(md5('opportunity:' || o.application_id), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5') AS opportunityId,
  CASE o.status
    WHEN 'accepted' THEN 'signed'
    WHEN 'declined' THEN CASE regexp_extract(o.offer_id, '\d+')::BIGINT % 3 WHEN 0 THEN 'denied' WHEN 1 THEN 'opened' ELSE 'sent' END
    ELSE 'sent'
  END AS status,
  epoch_ms(o.created_at) AS createdAt,
  epoch_ms(o.created_at + (o.sent_at - o.created_at) / 2) AS approvedAt,
  epoch_ms(o.sent_at) AS sentAt,
  CASE WHEN o.status = 'accepted' THEN epoch_ms(o.resolved_at) END AS signatures_candidate_signedAt,
  regexp_replace(md5('posting:' || a.job_id), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5') AS posting,
  o.base_salary::BIGINT AS fields_salary_amount,
  o.currency AS fields_salary_currency,
  epoch_ms(o.start_date::TIMESTAMP) AS fields_anticipated_start_date,
  o.decline_reason AS fields_decline_reason
FROM c_offers o
LEFT JOIN c_applications a USING (application_id)
ORDER BY id
