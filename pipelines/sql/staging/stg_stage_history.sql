-- Stage names with their canonical stage key (NULL when no mapping covers the name: reported as unmapped
-- in data quality and left out of the funnel). Names are normalised once per distinct name, not once
-- per stay (millions of rows, a few dozen names).
CREATE OR REPLACE TEMP TABLE stg_stage_names AS
SELECT n.stage_name, m.stage, s.rank
FROM (SELECT DISTINCT stage AS stage_name FROM stage_history) n
LEFT JOIN ref_stage_map m ON m.name_key = lower(trim(n.stage_name))
LEFT JOIN stage_order s ON s.stage = m.stage;

-- The mapped stage stays, with the exit date (organisation time zone) and whole days for the finished
-- ones. Materialised once per preparation: time in stage, the stay cube and stg_progress below read it
-- (at a million applications the view this replaces cost about 2 s per query, mostly a join planned the
-- wrong way round).
CREATE OR REPLACE TEMP TABLE stg_stage_history AS
SELECT
  h.application_id,
  n.stage,
  n.rank,
  hs_day(h.exited_at) AS exited_date,
  date_diff('day', hs_day(h.entered_at), hs_day(h.exited_at))::INTEGER AS days
FROM stage_history h
JOIN stg_stage_names n ON n.stage_name = h.stage
WHERE n.stage IS NOT NULL;

-- Per application: the furthest mapped stage reached (f_applications.sql, for the funnel) and the end
-- date of its last finished onsite stay (offer speed and the offers cube).
CREATE OR REPLACE TEMP TABLE stg_progress AS
SELECT application_id, max(rank) AS rank,
  max(exited_date) FILTER (WHERE stage = 'onsite') AS onsite_ended
FROM stg_stage_history
GROUP BY application_id;
