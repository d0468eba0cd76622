-- Workable candidates -> canonical stage stays. The export holds the CURRENT stage only, so each
-- application gets one stay at it: enough for the funnel, whose furthest stage is the highest mapped
-- stage reached (Workable keeps a disqualified candidate in the stage where it was disqualified, and a
-- candidate moved on is in a later stage). When the candidate entered that stage is not exported: the
-- stay starts at the candidate's creation (at hired_at for the Hired stage, which Workable stamps) and is
-- left open, so time in stage never counts it. A stage slug (`phone-screen`) reads as its name
-- (`phone screen`; stage names match case-insensitively). Stays of applications left out go with them.
SELECT
  c.id AS application_id,
  CASE WHEN regexp_full_match(c.stage, '[a-z0-9]+(-[a-z0-9]+)+') THEN replace(c.stage, '-', ' ') ELSE c.stage END AS stage,
  CASE WHEN lower(trim(c.stage)) = 'hired' THEN coalesce(c.hired_at, c.created_at) ELSE c.created_at END AS entered_at,
  NULL::TIMESTAMPTZ AS exited_at,
  c._file_id,
  CASE
    WHEN a.application_id IS NULL THEN 'application left out'
    WHEN c.stage IS NULL THEN 'no current stage'
  END AS _excluded
FROM workable_candidates c
LEFT JOIN vd_applications a ON a.application_id = c.id
