-- Alert: a stage whose pass-through fell by more than maxDropPoints percentage points against the
-- previous period of the same length. Stages with fewer than minReached applications in either period
-- are left out (a handful of candidates swings a rate by tens of points).
SELECT
  'stage-pass-through-drop' AS rule,
  $level::VARCHAR AS level,
  c.stage AS subject,
  (p.pass_through - c.pass_through) * 100 AS value,
  $max_drop::DOUBLE AS threshold,
  printf('%s pass-through fell %.1f points: %.1f%% (%d reached) against %.1f%% (%d reached) the period before',
    c.stage, (p.pass_through - c.pass_through) * 100, c.pass_through * 100, c.reached, p.pass_through * 100, p.reached) AS message
FROM m_funnel_current c
JOIN m_funnel_previous p USING (stage)
WHERE c.pass_through IS NOT NULL AND p.pass_through IS NOT NULL
  AND c.reached >= $min_reached::INTEGER AND p.reached >= $min_reached::INTEGER
  AND (p.pass_through - c.pass_through) * 100 > $max_drop::DOUBLE;
