-- Workable candidates (`GET /spi/v3/candidates`, job flattened): one row per application with its CURRENT
-- stage only, as Workable exports it. No names, e-mails or phones (the adapter would drop them anyway).
-- * Stage: the furthest canonical stage the application reached (DESIGN §3: the highest mapped stage of its
--   history, Offer when it had an offer, Hired when hired), named as in Workable's default pipeline
--   (Sourced or Applied, Phone Screen, Assessment, Interview, Offer, Hired). A Workable candidate stays in
--   the stage where it was disqualified; side stages no mapping covers (Culture Chat) and backward moves
--   exist only in the canonical history.
-- * Disqualification reasons in Workable's default wording (curly apostrophes as Workable writes them),
--   chosen by the canonical rejection type: "Candidate rejected" reasons for rejected, "Candidate withdrew"
--   reasons for withdrew (Rejected offer after a declined offer); reasons of type other (Offer rescinded,
--   Position cancelled...) are kept as custom texts.
-- * hired_at is when the candidate was moved to Hired (the canonical hired_at), not the offer's acceptance.
-- * Besides: every 50th application copied as a talent-pool candidate (no job), left out by the adapter.
WITH stage_rank (name, rank) AS (
  VALUES
    ('Application Review', 1), ('Applied', 1), ('Sourced', 1),
    ('Screen', 2), ('Preliminary Phone Screen', 2), ('Recruiter Screen', 2), ('Phone Screen', 2),
    ('Technical', 3), ('Take Home Test', 3), ('Coding Interview', 3), ('Assessment', 3),
    ('Onsite', 4), ('Face to Face', 4), ('Final Interview', 4), ('System Design', 4), ('Interview', 4),
    ('Offer', 5), ('Hired', 6)
), furthest AS (
  SELECT a.application_id,
    greatest(1, coalesce(h.rank, 1), CASE WHEN o.offered THEN 5 ELSE 1 END, CASE WHEN a.status = 'hired' THEN 6 ELSE 1 END) AS rank,
    coalesce(o.declined, false) AS declined
  FROM c_applications a
  LEFT JOIN (SELECT h.application_id, max(r.rank) AS rank FROM c_stage_history h JOIN stage_rank r ON r.name = h.stage GROUP BY ALL) h
    USING (application_id)
  LEFT JOIN (SELECT application_id, true AS offered, bool_or(status = 'declined') AS declined FROM c_offers GROUP BY ALL) o
    USING (application_id)
), rows AS (
  SELECT
    regexp_extract(a.application_id, '\d+')::BIGINT AS n,
    printf('%010X', (regexp_extract(a.job_id, '\d+')::BIGINT * 1103515245 + 305419896) % 1099511627776) AS job_shortcode,
    j.title AS job_title,
    CASE f.rank
      WHEN 1 THEN CASE WHEN a.source_type = 'sourced' THEN 'Sourced' ELSE 'Applied' END
      WHEN 2 THEN 'Phone Screen' WHEN 3 THEN 'Assessment' WHEN 4 THEN 'Interview' WHEN 5 THEN 'Offer' ELSE 'Hired'
    END AS stage,
    a.status = 'rejected' AS disqualified,
    CASE WHEN a.status = 'rejected' THEN CASE a.rejection_type
      WHEN 'rejected' THEN CASE a.rejection_reason
        WHEN 'Another candidate selected' THEN 'Other candidates are more suitable'
        WHEN 'Compensation expectations' THEN 'Salary expectations too high'
        WHEN 'Failed technical assessment' THEN 'Unsuccessful assessment'
        WHEN 'Insufficient experience' THEN 'Doesn’t have required experience'
        WHEN 'Location or work authorization' THEN 'Doesn’t match job location'
        WHEN 'Position filled' THEN 'Job no longer receiving applications'
        WHEN 'Not a fit' THEN 'Area of speciality doesn’t match job'
        ELSE 'Doesn’t have required qualifications'
      END
      WHEN 'withdrew' THEN CASE
        WHEN f.declined THEN 'Rejected offer'
        WHEN f.rank = 4 THEN 'Withdrew/declined interview'
        ELSE 'Not interested'
      END
      ELSE a.rejection_reason
    END END AS disqualification_reason,
    a.rejected_at AS disqualified_at,
    a.hired_at,
    a.source_type = 'sourced' AS sourced,
    a.source AS domain,
    a.applied_at AS created_at,
    greatest(a.applied_at, a.rejected_at, a.hired_at) AS updated_at
  FROM c_applications a
  JOIN furthest f USING (application_id)
  LEFT JOIN c_jobs j USING (job_id)
)
SELECT
  printf('%07x', (id_number * 2654435761) % 268435456) AS id,
  job_shortcode, job_title, stage, disqualified, disqualification_reason,
  strftime(disqualified_at, '%Y-%m-%dT%H:%M:%SZ') AS disqualified_at,
  strftime(hired_at, '%Y-%m-%dT%H:%M:%SZ') AS hired_at,
  sourced, domain,
  strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at,
  strftime(updated_at, '%Y-%m-%dT%H:%M:%SZ') AS updated_at
FROM (
  SELECT n AS id_number, * FROM rows
  UNION ALL
  SELECT 200000000 + n, n, NULL, NULL, NULL, false, NULL, NULL, NULL, sourced, domain,
    created_at - INTERVAL 30 DAY, created_at - INTERVAL 30 DAY
  FROM rows WHERE n % 50 = 0
)
ORDER BY id_number
