-- DESIGN §3 Time in stage: per canonical stage, median days (date(exited_at) - date(entered_at)) over the
-- finished stays (exited_at present) of the applications in the cohort (applied in the period).
SELECT s.stage,
  count(h.application_id)::INTEGER AS stays,
  quantile_cont(h.days, 0.5)::DOUBLE AS median_days
FROM stage_order s
LEFT JOIN (
  SELECT h.* FROM stg_stage_history h
  JOIN f_applications a USING (application_id)
  WHERE h.days IS NOT NULL AND hs_in_period(a.applied_date, $from::DATE, $to::DATE)
) h ON h.stage = s.stage
GROUP BY s.stage, s.rank
ORDER BY s.rank;
