-- DESIGN §3 Funnel on the cohort of applications applied in the period. Furthest stage: f_applications.sql
-- (max of applied, the mapped stages of its history, offer, hired). An application reached a stage when its
-- furthest stage is that stage or later: skipped stages count as passed, backward moves never undo
-- progress. advanced = reached of the next stage; passThrough = advanced / reached (NULL when nothing
-- reached it; none for hired). rejected / withdrew / other / active count the applications whose
-- furthest stage is this one, by rejection_type (rejected, withdrew, other) and status active.
WITH furthest AS (
  SELECT application_id, status, rejection_type, furthest AS rank
  FROM f_applications
  WHERE hs_in_period(applied_date, $from::DATE, $to::DATE)
), per_stage AS (
  SELECT
    s.stage, s.rank,
    count(f.application_id) FILTER (WHERE f.rank >= s.rank)::INTEGER AS reached,
    count(f.application_id) FILTER (WHERE f.rank = s.rank AND f.rejection_type = 'rejected')::INTEGER AS rejected,
    count(f.application_id) FILTER (WHERE f.rank = s.rank AND f.rejection_type = 'withdrew')::INTEGER AS withdrew,
    count(f.application_id) FILTER (WHERE f.rank = s.rank AND f.rejection_type = 'other')::INTEGER AS other,
    count(f.application_id) FILTER (WHERE f.rank = s.rank AND f.status = 'active')::INTEGER AS active
  FROM stage_order s
  LEFT JOIN furthest f ON true
  GROUP BY s.stage, s.rank
)
SELECT stage, reached,
  (lead(reached) OVER (ORDER BY rank))::INTEGER AS advanced,
  (lead(reached) OVER (ORDER BY rank))::DOUBLE / nullif(reached, 0) AS pass_through,
  rejected, withdrew, other, active
FROM per_stage
ORDER BY rank;
