-- Issue 19, Article 9(1)(f): women and men ranked by hourly total pay ascending, ties by employee_id;
-- the worker at 0-based rank r of N is in band floor(4r / N) + 1. Per band: counts and shares (of the
-- band) of women and men. Published only when the company has >= $min_cell women and men; otherwise
-- the four bands are listed with every figure NULL.
WITH ranked AS (
  SELECT gender,
    (row_number() OVER (ORDER BY hourly_total, employee_id) - 1) AS r,
    count(*) OVER () AS n
  FROM pg_population
  WHERE gender IN ('female', 'male')
), banded AS (
  SELECT gender, (floor(4 * r / n) + 1)::INTEGER AS band FROM ranked
), published AS (
  SELECT count(*) FILTER (WHERE gender = 'female') >= $min_cell AND count(*) FILTER (WHERE gender = 'male') >= $min_cell AS ok
  FROM pg_population
), counts AS (
  SELECT b.band,
    count(*) FILTER (WHERE gender = 'female')::INTEGER AS women,
    count(*) FILTER (WHERE gender = 'male')::INTEGER AS men
  FROM (SELECT unnest([1, 2, 3, 4]) AS band) b
  LEFT JOIN banded USING (band)
  GROUP BY b.band
)
SELECT band,
  CASE WHEN ok THEN women END AS women,
  CASE WHEN ok THEN men END AS men,
  CASE WHEN ok AND women + men > 0 THEN (women / (women + men))::DOUBLE END AS share_women,
  CASE WHEN ok AND women + men > 0 THEN (men / (women + men))::DOUBLE END AS share_men
FROM counts, published
ORDER BY band;
