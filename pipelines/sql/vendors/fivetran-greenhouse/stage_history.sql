-- Fivetran Greenhouse application_history -> canonical stage stays. The history is a list of events with
-- no exit time: an event with new_stage_id is the entry into that stage (its name from job_stage, whose
-- ids are per job); the stay is written with exited_at NULL, and the canonical staging ends it at the
-- next stage's entry or at the application's rejection or hire. Left out, counted: events of applications
-- left out (deleted, prospects...), status changes without a stage (new_status hired/rejected), an event
-- that repeats the stage of the event before it (the application did not move), and stages deleted in
-- Greenhouse; an event whose stage id is not in job_stage has no stage.
WITH events AS (
  SELECT h.*, lag(h.new_stage_id) OVER (PARTITION BY h.application_id ORDER BY h.updated_at) AS previous_stage_id
  FROM fivetran_greenhouse_application_history h
  WHERE h.new_stage_id IS NOT NULL
)
SELECT
  e.application_id,
  CASE WHEN NOT coalesce(s._fivetran_deleted, false) THEN s.name END AS stage,
  e.updated_at AS entered_at,
  NULL::TIMESTAMPTZ AS exited_at,
  e._file_id,
  CASE
    WHEN a.application_id IS NULL THEN 'application left out'
    WHEN e.new_stage_id = e.previous_stage_id THEN 'same stage as the event before'
    WHEN coalesce(s._fivetran_deleted, false) THEN 'stage deleted'
  END AS _excluded
FROM events e
LEFT JOIN fivetran_greenhouse_job_stage s ON s.id = e.new_stage_id
LEFT JOIN vd_applications a ON a.application_id = e.application_id
UNION ALL
SELECT h.application_id, NULL, h.updated_at, NULL, h._file_id,
  CASE WHEN a.application_id IS NULL THEN 'application left out' ELSE 'status change, not a stage' END
FROM fivetran_greenhouse_application_history h
LEFT JOIN vd_applications a ON a.application_id = h.application_id
WHERE h.new_stage_id IS NULL
