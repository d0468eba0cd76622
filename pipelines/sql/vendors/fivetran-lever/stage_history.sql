-- Fivetran's Lever `opportunity_stage_history` -> canonical stage stays. Each row is an event: the
-- opportunity entered `stage_id` (name from `stage`, else the id, reported as unmapped) at `updated_at`.
-- Fivetran has no exit time and none is made up here: exited_at is NULL, and canonical staging ends a
-- stay at the next stage's entry or at the application's rejection or hire. The same change synced twice
-- counts once. Rows of opportunities left out (leads, deleted opportunities or postings) go with them;
-- a soft-deleted row is left out ('stage change deleted'). A deleted stage still names its stays.
WITH stages AS (
  SELECT id, arg_min(text, hs_soft_deleted(_fivetran_deleted, is_deleted, deleted_at)) AS text
  FROM fivetran_lever_stage GROUP BY id
), changes AS (
  SELECT
    h.opportunity_id AS application_id,
    coalesce(s.text, h.stage_id) AS stage,
    h.updated_at AS entered_at,
    bool_and(hs_soft_deleted(h._fivetran_deleted, h.is_deleted, h.deleted_at)) AS deleted,
    min(h._file_id) AS _file_id
  FROM fivetran_lever_opportunity_stage_history h
  LEFT JOIN stages s ON s.id = h.stage_id
  GROUP BY ALL
)
SELECT
  c.application_id,
  c.stage,
  c.entered_at,
  NULL::TIMESTAMPTZ AS exited_at,
  c._file_id,
  CASE
    WHEN c.deleted THEN 'stage change deleted'
    WHEN a.application_id IS NULL THEN 'opportunity left out'
  END AS _excluded
FROM changes c
LEFT JOIN vd_applications a ON a.application_id = c.application_id
