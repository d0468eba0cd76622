-- Stage stays with the canonical stage key (NULL when no mapping covers the name: reported as unmapped
-- in data quality and left out of the funnel).
CREATE OR REPLACE TEMP VIEW stg_stage_history AS
SELECT
  h.application_id,
  h.stage AS stage_name,
  m.stage,
  s.rank,
  h.entered_at,
  h.exited_at
FROM stage_history h
LEFT JOIN ref_stage_map m ON m.name_key = lower(trim(h.stage))
LEFT JOIN stage_order s ON s.stage = m.stage;
