-- Ashby application history -> canonical stage stays: each event is a stay in its stage (title) from
-- enteredStageAt to leftStageAt (else to the next event's entry, by stageNumber). Events in a Lead, Hired
-- or Archived stage (interviewStage type; without the interview_stages file, a title of Hired or Archived)
-- are states of the application, not stages: left out (they date the hire and the archive, see
-- applications.sql). Stays of applications that were left out go with them. Two events in the same
-- stage at the same instant are one stay (the later event wins).
WITH events AS (
  SELECT h.*,
    CASE
      WHEN s.id IS NOT NULL THEN CASE lower(s.type) WHEN 'hired' THEN 'hired' WHEN 'archived' THEN 'archived' WHEN 'lead' THEN 'lead' END
      WHEN lower(trim(h.title)) IN ('hired', 'archived') THEN lower(trim(h.title))
    END AS state,
    coalesce(h.title, s.title) AS stage,
    lead(h.enteredStageAt) OVER (PARTITION BY h.applicationId ORDER BY h.stageNumber) AS next_entered
  FROM ashby_application_history h
  LEFT JOIN ashby_interview_stages s ON s.id = h.stageId
)
SELECT
  e.applicationId AS application_id,
  e.stage,
  e.enteredStageAt AS entered_at,
  coalesce(e.leftStageAt, e.next_entered) AS exited_at,
  e._file_id,
  CASE
    WHEN e.state IS NOT NULL THEN e.state || ' state (not an interview stage)'
    WHEN a.application_id IS NULL THEN 'application left out'
  END AS _excluded
FROM events e
LEFT JOIN vd_applications a ON a.application_id = e.applicationId
QUALIFY row_number() OVER (PARTITION BY e.applicationId, e.stage, e.enteredStageAt, e.state IS NULL ORDER BY e.stageNumber DESC) = 1
