-- Lever stage changes -> canonical stage stays. Stage changes come from the stage_changes file and from
-- the opportunities' `stageChanges` JSON text (JSON lines exports, or a CSV that kept the array), the
-- same change in both counted once. Each change enters its stage (name from stages, else the stage id,
-- reported as unmapped) at `updatedAt`; the stay exits at the opportunity's next change, and the last
-- stay of an archived (hired or rejected) opportunity exits at its archive time (never before it
-- entered); an active opportunity's last stay is open. Changes of opportunities left out (leads) go with them.
WITH changes AS (
  SELECT opportunityId, toStageId, updatedAt, _file_id FROM lever_stage_changes
  UNION ALL
  SELECT id, change.toStageId, timezone('UTC', epoch_ms(change.updatedAt)), _file_id
  FROM (
    SELECT id, _file_id, unnest(from_json(stageChanges, '[{"toStageId": "VARCHAR", "updatedAt": "BIGINT"}]')) AS change
    FROM lever_opportunities WHERE json_valid(stageChanges)
  )
), stays AS (
  SELECT c.opportunityId AS application_id, coalesce(s.text, c.toStageId) AS stage, c.updatedAt AS entered_at, min(c._file_id) AS _file_id
  FROM changes c
  LEFT JOIN lever_stages s ON s.id = c.toStageId
  GROUP BY ALL
)
SELECT
  s.application_id,
  s.stage,
  s.entered_at,
  coalesce(
    lead(s.entered_at) OVER (PARTITION BY s.application_id, s.entered_at IS NULL ORDER BY s.entered_at, s.stage),
    -- greatest() skips NULLs: an active opportunity (no archive time) keeps its last stay open.
    CASE WHEN coalesce(a.hired_at, a.rejected_at) IS NOT NULL THEN greatest(coalesce(a.hired_at, a.rejected_at), s.entered_at) END
  ) AS exited_at,
  s._file_id,
  CASE WHEN a.application_id IS NULL THEN 'opportunity left out' END AS _excluded
FROM stays s
LEFT JOIN vd_applications a ON a.application_id = s.application_id
