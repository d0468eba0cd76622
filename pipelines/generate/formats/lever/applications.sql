-- Lever applications (`/opportunities/:id/applications`): each opportunity's one application, naming
-- its posting, and for a hire the requisition it was hired against (`requisitionForHire`).
SELECT
  regexp_replace(md5('application:' || a.application_id), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5') AS id,
  regexp_replace(md5('opportunity:' || a.application_id), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5') AS opportunityId,
  regexp_replace(md5('posting:' || a.job_id), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5') AS posting,
  epoch_ms(a.applied_at) AS createdAt,
  CASE a.source_type WHEN 'referral' THEN 'referral' WHEN 'sourced' THEN 'user' WHEN 'agency' THEN 'user' ELSE 'posting' END AS type,
  CASE WHEN o.opening_id IS NOT NULL THEN
    regexp_replace(md5('requisition:' || o.opening_id), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5') END AS requisitionForHire_id,
  upper(o.opening_id) AS requisitionForHire_requisitionCode
FROM c_applications a
LEFT JOIN c_openings o ON o.hired_application_id = a.application_id
ORDER BY id
