-- DESIGN §3 Funnel on the cohort of applications applied in the period. Furthest stage = max of applied
-- (always), the mapped stages of its history (unmapped names are left out), offer when it has any offer
-- row (any version or status), hired when its status is hired. An application reached a stage when its
-- furthest stage is that stage or later: skipped stages count as passed, backward moves never undo
-- progress. advanced = reached of the next stage; passThrough = advanced / reached (NULL when nothing
-- reached it; none for hired). rejected / withdrew / other / active count the applications whose
-- furthest stage is this one, by rejection_type (rejected, withdrew, other) and status active.
WITH cohort AS (
  SELECT application_id, status, rejection_type
  FROM f_applications
  WHERE hs_in_period(applied_date, $from::DATE, $to::DATE)
), offered AS (
  SELECT DISTINCT application_id FROM offers
), furthest AS (
  SELECT c.*,
    greatest(1, coalesce(h.rank, 1), CASE WHEN o.application_id IS NOT NULL THEN 5 ELSE 1 END,
             CASE WHEN c.status = 'hired' THEN 6 ELSE 1 END) AS rank
  FROM cohort c
  LEFT JOIN stg_progress h USING (application_id)
  LEFT JOIN offered o USING (application_id)
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
