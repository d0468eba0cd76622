-- Workable candidates -> canonical applications. A Workable candidate belongs to one job: it is the
-- application (a person in two jobs is two candidates; Workable exports no person id across them).
-- * Status: hired when hired_at is set, else rejected when disqualified (a missing flag with a
--   disqualified_at counts as disqualified), else active. rejected_at = disqualified_at.
-- * Rejection type from the disqualification reason text: the config's vendors.rejectionTypes first, then
--   the account's own disqualification_reasons file (candidate_withdrew true -> withdrew, false ->
--   rejected), then Workable's default reasons, split as Workable splits them into "Candidate rejected"
--   and "Candidate withdrew" (current texts and their older copies), else other (no reason, or a custom
--   one nothing above knows: we cannot tell who ended it). Curly apostrophes match straight ones.
-- * Source: the domain (referrer or job board) as written; source type sourced when a recruiter sourced
--   the candidate, applied when the candidate applied.
-- * Talent-pool candidates (no job) are left out.
WITH default_reasons (reason_key, rejection_type) AS (
  VALUES
    ('doesn''t have required qualifications', 'rejected'),
    ('minimum qualifications as stated in the ad not met', 'rejected'),
    ('doesn''t have required experience', 'rejected'),
    ('does not have the preferred experience as stated in the ad', 'rejected'),
    ('area of speciality doesn''t match job', 'rejected'),
    ('area of specialty is not a good fit at this time', 'rejected'),
    ('doesn''t match job location', 'rejected'),
    ('job no longer receiving applications', 'rejected'),
    ('other candidates are more suitable', 'rejected'),
    ('candidate selected had more experience/skills', 'rejected'),
    ('salary expectations too high', 'rejected'),
    ('salary requested is higher than available budget', 'rejected'),
    ('unsuccessful interview', 'rejected'),
    ('unfavourable interview', 'rejected'),
    ('unsuccessful assessment', 'rejected'),
    ('not satisfactory assessment results', 'rejected'),
    ('doesn''t meet timeframe for job', 'rejected'),
    ('doesn''t meet job''s timeplan requirements', 'rejected'),
    ('not interested', 'withdrew'),
    ('withdrew/declined interview', 'withdrew'),
    ('did not attend interview', 'withdrew'),
    ('did not show up for interview', 'withdrew'),
    ('could not be contacted', 'withdrew'),
    ('unable to contact candidate', 'withdrew'),
    ('rejected offer', 'withdrew')
), account_reasons AS (
  SELECT lower(trim(replace(description, '’', ''''))) AS reason_key,
    CASE WHEN bool_or(candidate_withdrew) THEN 'withdrew' ELSE 'rejected' END AS rejection_type
  FROM workable_disqualification_reasons GROUP BY ALL
), configured AS (
  SELECT replace(reason_key, '’', '''') AS reason_key, arg_max(rejection_type, reason_key) AS rejection_type
  FROM vendor_rejection_types GROUP BY ALL
), candidates AS (
  SELECT c.*,
    c.hired_at IS NULL AND coalesce(c.disqualified, c.disqualified_at IS NOT NULL) AS is_rejected,
    lower(trim(replace(c.disqualification_reason, '’', ''''))) AS reason_key
  FROM workable_candidates c
)
SELECT
  c.id AS application_id,
  c.job_shortcode AS job_id,
  c.created_at AS applied_at,
  NULL::VARCHAR AS candidate_id,
  c.domain AS source,
  CASE WHEN c.sourced THEN 'sourced' WHEN NOT c.sourced THEN 'applied' END AS source_type,
  CASE WHEN c.hired_at IS NOT NULL THEN 'hired' WHEN c.is_rejected THEN 'rejected' ELSE 'active' END AS status,
  CASE WHEN c.is_rejected THEN c.disqualified_at END AS rejected_at,
  CASE WHEN c.is_rejected THEN coalesce(cf.rejection_type, ar.rejection_type, dr.rejection_type, 'other') END AS rejection_type,
  CASE WHEN c.is_rejected THEN c.disqualification_reason END AS rejection_reason,
  c.hired_at,
  c._file_id,
  CASE WHEN c.job_shortcode IS NULL THEN 'talent-pool candidate (no job)' END AS _excluded
FROM candidates c
LEFT JOIN configured cf ON cf.reason_key = c.reason_key
LEFT JOIN account_reasons ar ON ar.reason_key = c.reason_key
LEFT JOIN default_reasons dr ON dr.reason_key = c.reason_key
