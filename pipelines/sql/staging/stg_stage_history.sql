-- Stage stays with the canonical stage key (NULL when no mapping covers the name: reported as unmapped
-- in data quality and left out of the funnel). Names are normalised once per distinct name, not once
-- per stay (millions of rows, a few dozen names).
CREATE OR REPLACE TEMP VIEW stg_stage_history AS
SELECT
  h.application_id,
  h.stage AS stage_name,
  m.stage,
  s.rank,
  h.entered_at,
  h.exited_at
FROM stage_history h
LEFT JOIN (SELECT DISTINCT stage AS stage_name, lower(trim(stage)) AS name_key FROM stage_history) n ON n.stage_name = h.stage
LEFT JOIN ref_stage_map m ON m.name_key = n.name_key
LEFT JOIN stage_order s ON s.stage = m.stage;
