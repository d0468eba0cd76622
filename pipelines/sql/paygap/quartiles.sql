-- Issue 19, Article 9(1)(f), per view: women and men ranked by hourly total pay ascending, ties by
-- employee_id; the worker at 0-based rank r of N is in band floor(4r / N) + 1. Per band: counts and shares
-- (of the band) of women and men. Published only when the view has >= $min_cell women and men (pg_stats);
-- otherwise the four bands are listed with every figure NULL.
WITH ranked AS (
  SELECT view_id, gender,
    (row_number() OVER (PARTITION BY view_id ORDER BY hourly_total, employee_id) - 1) AS r,
    count(*) OVER (PARTITION BY view_id) AS n
  FROM pg_population
  WHERE gender IN ('female', 'male')
), banded AS (
  SELECT view_id, gender, (floor(4 * r / n) + 1)::INTEGER AS band FROM ranked
), published AS (
  SELECT view_id, women >= $min_cell AND men >= $min_cell AS ok
  FROM pg_stats
  WHERE company
), counts AS (
  SELECT v.view_id, b.band,
    count(*) FILTER (WHERE gender = 'female')::INTEGER AS women,
    count(*) FILTER (WHERE gender = 'male')::INTEGER AS men
  FROM pg_views v
  CROSS JOIN (SELECT unnest([1, 2, 3, 4]) AS band) b
  LEFT JOIN banded x ON x.view_id = v.view_id AND x.band = b.band
  GROUP BY v.view_id, b.band
)
SELECT view_id, band,
  CASE WHEN ok THEN women END AS women,
  CASE WHEN ok THEN men END AS men,
  CASE WHEN ok AND women + men > 0 THEN (women / (women + men))::DOUBLE END AS share_women,
  CASE WHEN ok AND women + men > 0 THEN (men / (women + men))::DOUBLE END AS share_men
FROM counts
JOIN published USING (view_id)
ORDER BY view_id, band;
