-- Ashby application.list, flattened: UUID ids, ISO 8601 UTC timestamps with milliseconds, source and
-- archiveReason as nested objects (source_title, archiveReason_reasonType...). A rejected application is
-- Archived at its rejection with a reason of type RejectedByOrg (we rejected), RejectedByCandidate (they
-- withdrew) or Other. Besides the canonical applications: every 40th copied as a Lead (a sourced
-- prospect on the same job, three days earlier, never an applicant) — rows the adapter leaves out.
WITH a AS (
  SELECT *, regexp_extract(application_id, '\d+')::BIGINT AS n FROM c_applications
)
SELECT
  regexp_replace(md5('application:' || application_id), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5') AS id,
  strftime(applied_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS "createdAt",
  CASE status WHEN 'active' THEN 'Active' WHEN 'rejected' THEN 'Archived' WHEN 'hired' THEN 'Hired' END AS status,
  regexp_replace(md5('candidate:' || candidate_id), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5') AS "candidate_id",
  regexp_replace(md5('job:' || job_id), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5') AS "job_id",
  source AS "source_title",
  array_to_string(list_transform(string_split(source_type, '_'), w -> upper(w[1]) || w[2:]), ' ') AS "source_sourceType_title",
  CASE WHEN status = 'rejected' THEN regexp_replace(md5('archive-reason:' || rejection_type || ':' || coalesce(rejection_reason, '')), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5') END AS "archiveReason_id",
  CASE WHEN status = 'rejected' THEN rejection_reason END AS "archiveReason_text",
  CASE WHEN status = 'rejected' THEN CASE rejection_type WHEN 'rejected' THEN 'RejectedByOrg' WHEN 'withdrew' THEN 'RejectedByCandidate' ELSE 'Other' END END AS "archiveReason_reasonType",
  strftime(rejected_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS "archivedAt"
FROM a
UNION ALL
SELECT
  regexp_replace(md5('lead:' || application_id), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5'),
  strftime(applied_at - INTERVAL 3 DAY, '%Y-%m-%dT%H:%M:%S.%gZ'),
  'Lead',
  regexp_replace(md5('lead-candidate:' || application_id), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5'),
  regexp_replace(md5('job:' || job_id), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5'),
  source,
  array_to_string(list_transform(string_split(source_type, '_'), w -> upper(w[1]) || w[2:]), ' '),
  NULL, NULL, NULL, NULL
FROM a WHERE n % 40 = 0
ORDER BY id
