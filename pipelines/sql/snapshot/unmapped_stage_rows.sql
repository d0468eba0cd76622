-- Data quality: the stage names no mapping covers (as data_quality.sql's unmapped_stages: terminal stages
-- such as Rejected are outcomes, not unmapped) with the number of stage-history rows under each name.
-- Counts only: no row, no application id.
SELECT n.stage_name AS name, count(*)::INTEGER AS rows
FROM stage_history h
JOIN stg_stage_names n ON n.stage_name = h.stage
WHERE n.stage IS NULL AND n.terminal IS NULL
GROUP BY n.stage_name
ORDER BY rows DESC, n.stage_name;
