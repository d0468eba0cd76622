-- Lever opportunities' `stageChanges`, one row per change: the stage entered (toStageId, its index in
-- the pipeline), when (updatedAt, epoch milliseconds) and by whom. Opportunities whose number ends in 0
-- keep theirs only in opportunities.stageChanges (JSON text); leads enter "New lead" when created.
WITH stage_index AS (
  SELECT stage, row_number() OVER (ORDER BY avg(pos), stage) AS idx FROM (
    SELECT stage, row_number() OVER (PARTITION BY application_id ORDER BY entered_at) AS pos FROM c_stage_history
  ) GROUP BY stage
), rows AS (
  SELECT 'opportunity:' || h.application_id AS key, h.stage, i.idx, h.entered_at, regexp_extract(h.application_id, '\d+')::BIGINT AS n
  FROM c_stage_history h JOIN stage_index i USING (stage)
  WHERE regexp_extract(h.application_id, '\d+')::BIGINT % 10 <> 0
  UNION ALL
  SELECT 'lead:' || application_id, 'New lead', 0, applied_at - INTERVAL 3 DAY, regexp_extract(application_id, '\d+')::BIGINT
  FROM c_applications WHERE regexp_extract(application_id, '\d+')::BIGINT % 40 = 0
)
SELECT
  regexp_replace(md5(key), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5') AS opportunityId,
  regexp_replace(md5('stage:' || stage), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5') AS toStageId,
  idx AS toStageIndex,
  epoch_ms(entered_at) AS updatedAt,
  regexp_replace(md5('user:' || (n % 7)), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5') AS userId
FROM rows
ORDER BY opportunityId, updatedAt, toStageId
