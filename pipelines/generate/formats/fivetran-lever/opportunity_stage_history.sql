-- Fivetran's Lever `opportunity_stage_history`: one row per stage change, the stage entered and when
-- (`updated_at`); no exit time. Stage ids are UUIDs from the stage name (stage.sql); leads enter Lever's
-- built-in "New lead" stage (`lead-new`); the second applications to the deleted posting enter the
-- first stage of the candidate's real application.
WITH stage_index AS (
  SELECT stage, row_number() OVER (ORDER BY avg(pos), stage) AS idx FROM (
    SELECT stage, row_number() OVER (PARTITION BY application_id ORDER BY entered_at) AS pos FROM c_stage_history
  ) GROUP BY stage
), rows AS (
  SELECT 'opportunity:' || h.application_id AS key, hs_uuid('stage:' || h.stage) AS stage_id, i.idx, h.entered_at,
    regexp_extract(h.application_id, '\d+')::BIGINT AS n
  FROM c_stage_history h JOIN stage_index i USING (stage)
  UNION ALL
  SELECT 'lead:' || application_id, 'lead-new', 0, applied_at - INTERVAL 3 DAY, regexp_extract(application_id, '\d+')::BIGINT
  FROM c_applications WHERE regexp_extract(application_id, '\d+')::BIGINT % 40 = 0
  UNION ALL
  SELECT 'twice:' || h.application_id, hs_uuid('stage:' || h.stage), 1, h.entered_at + INTERVAL 1 DAY, regexp_extract(h.application_id, '\d+')::BIGINT
  FROM c_stage_history h
  WHERE regexp_extract(h.application_id, '\d+')::BIGINT % 100 = 7
  QUALIFY row_number() OVER (PARTITION BY h.application_id ORDER BY h.entered_at) = 1
)
SELECT
  hs_uuid(r.key) AS opportunity_id,
  hs_sync_ts(r.entered_at) AS updated_at,
  hs_sync_ts(e.taken_at) AS _fivetran_synced,
  r.stage_id,
  r.idx AS to_stage_index,
  hs_uuid('user:' || (r.n % 7)) AS updater_id
FROM rows r
CROSS JOIN c_export e
ORDER BY opportunity_id, updated_at, stage_id
