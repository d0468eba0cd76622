-- Stage names with their canonical stage key (NULL when no mapping covers the name: reported as unmapped
-- in data quality and left out of the funnel) and, for a terminal stage (Hired, Rejected, Withdrawn, or
-- the config's terminalStages), the outcome it stands for. Names are normalised once per distinct name,
-- not once per stay (millions of rows, a few dozen names).
CREATE OR REPLACE TEMP TABLE stg_stage_names AS
SELECT n.stage_name, m.stage, s.rank, t.outcome AS terminal
FROM (SELECT DISTINCT stage AS stage_name FROM stage_history) n
LEFT JOIN ref_stage_map m ON m.name_key = lower(trim(n.stage_name))
LEFT JOIN stage_order s ON s.stage = m.stage
LEFT JOIN ref_terminal_stages t ON t.name_key = lower(trim(n.stage_name));

-- Per application, the outcome of the latest terminal stage of its log (an event-log export with no status
-- column: a "Rejected" row is how it says the candidate was rejected). stg_applications uses it when the
-- application has no status of its own.
CREATE OR REPLACE TEMP TABLE stg_terminal AS
SELECT h.application_id, arg_max(n.terminal, h.entered_at) AS outcome, max(h.entered_at) AS entered_at
FROM stage_history h
JOIN stg_stage_names n ON n.stage_name = h.stage
WHERE n.terminal IS NOT NULL
GROUP BY h.application_id;

-- Stays exported without an exit (event logs: "entered stage X at t"): a stay ends at the application's
-- next stay's entry (any stage, mapped or not); the last one at the application's rejection or hire
-- (its own status and date, else its terminal stage), unless that came before the entry or the stay is a
-- lone one past the first stage (below); else it is still open. Only the applications with such a stay are windowed: an export with exits costs nothing.
CREATE OR REPLACE TEMP TABLE stg_stay_ends AS
WITH open_apps AS (
  SELECT DISTINCT application_id FROM stage_history WHERE exited_at IS NULL
), ordered AS (
  -- Stays entered at the same instant follow the canonical stage order (then the name).
  SELECT h.application_id, h.stage, h.entered_at, h.exited_at,
    lead(h.entered_at) OVER (PARTITION BY h.application_id ORDER BY h.entered_at, n.rank NULLS LAST, h.stage) AS next_entered,
    count(*) OVER (PARTITION BY h.application_id) AS stays
  FROM stage_history h SEMI JOIN open_apps o USING (application_id)
  JOIN stg_stage_names n ON n.stage_name = h.stage
), ends AS (
  SELECT a.application_id,
    CASE coalesce(a.status, CASE t.outcome WHEN 'hired' THEN 'hired' WHEN 'rejected' THEN 'rejected' WHEN 'withdrew' THEN 'rejected' END)
      WHEN 'hired' THEN coalesce(a.hired_at, t.entered_at)
      WHEN 'rejected' THEN coalesce(a.rejected_at, t.entered_at)
    END AS ended_at
  FROM applications a SEMI JOIN open_apps o USING (application_id)
  LEFT JOIN stg_terminal t USING (application_id)
)
SELECT s.application_id, s.stage, s.entered_at,
  -- A stay in the hired stage or a terminal stage is an outcome, not a stay: never closed by this rule.
  -- A lone stay past the first stage is a snapshot of the current stage (Workable exports only that,
  -- entered "at creation"), not an event: its entry is unknown, so the outcome does not close it.
  CASE WHEN n.stage IS DISTINCT FROM 'hired' AND n.terminal IS NULL
    THEN coalesce(s.next_entered,
      CASE WHEN e.ended_at >= s.entered_at AND (s.stays > 1 OR n.rank = 1) THEN e.ended_at END) END AS exited_at
FROM ordered s
JOIN stg_stage_names n ON n.stage_name = s.stage
LEFT JOIN ends e USING (application_id)
WHERE s.exited_at IS NULL;

-- The mapped stage stays, with the exit date (organisation time zone) and whole days for the finished
-- ones (exported exits, else those of stg_stay_ends). Materialised once per preparation: time in stage,
-- the stay cube and stg_progress below read it (a view costs a join per query: BENCHMARKS.md, "Figures
-- behind the code").
CREATE OR REPLACE TEMP TABLE stg_stage_history AS
WITH stays AS (
  SELECT application_id, stage, entered_at, exited_at FROM stage_history WHERE exited_at IS NOT NULL
  UNION ALL
  SELECT application_id, stage, entered_at, exited_at FROM stg_stay_ends
)
SELECT
  h.application_id,
  n.stage,
  n.rank,
  hs_day(h.exited_at) AS exited_date,
  date_diff('day', hs_day(h.entered_at), hs_day(h.exited_at))::INTEGER AS days
FROM stays h
JOIN stg_stage_names n ON n.stage_name = h.stage
WHERE n.stage IS NOT NULL;

-- Per application: the furthest mapped stage reached (f_applications.sql, for the funnel) and the end
-- date of its last finished onsite stay (offer speed and the offers cube).
CREATE OR REPLACE TEMP TABLE stg_progress AS
SELECT application_id, max(rank) AS rank,
  max(exited_date) FILTER (WHERE stage = 'onsite') AS onsite_ended
FROM stg_stage_history
GROUP BY application_id;
