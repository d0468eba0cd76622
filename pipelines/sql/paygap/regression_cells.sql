-- Issue 19 adjusted gap: the regression's sufficient statistics (pipelines/paygap/regression.ts) over the
-- women and men of each view of pg_population with hourly > 0, y = ln(hourly): per (view, category, country,
-- sex) cell its count, how many have a tenure, the means of y and tenure, and the sums about those means of
-- (y - ybar)^2, (t - tbar)(y - ybar), (t - tbar)^2 (NULL when a tenure is missing). Means and sums are taken
-- over DECIMAL(38,18) values: exact sums, so the figures do not depend on the order of parallel aggregation
-- (same input, same bytes). Unsuppressed (a cell may hold one worker): read into memory by the engine,
-- never written anywhere.
WITH workers AS (
  SELECT view_id, category, country, gender = 'female' AS female, ln(hourly)::DOUBLE AS y, tenure::DOUBLE AS tenure
  FROM pg_population
  WHERE gender IN ('female', 'male') AND hourly > 0
), means AS (
  SELECT view_id, category, country, female,
    count(*)::INTEGER AS n,
    count(tenure)::INTEGER AS with_tenure,
    avg(y::DECIMAL(38,18))::DOUBLE AS y_mean,
    avg(tenure::DECIMAL(38,18))::DOUBLE AS t_mean
  FROM workers
  GROUP BY view_id, category, country, female
)
SELECT m.view_id, m.category, m.country, m.female, m.n, m.with_tenure, m.y_mean, m.t_mean,
  sum(((w.y - m.y_mean) ** 2)::DECIMAL(38,18))::DOUBLE AS syy,
  CASE WHEN m.with_tenure = m.n THEN sum(((w.tenure - m.t_mean) * (w.y - m.y_mean))::DECIMAL(38,18))::DOUBLE END AS sty,
  CASE WHEN m.with_tenure = m.n THEN sum(((w.tenure - m.t_mean) ** 2)::DECIMAL(38,18))::DOUBLE END AS stt
FROM workers w
JOIN means m
  ON w.view_id = m.view_id AND w.category IS NOT DISTINCT FROM m.category
  AND w.country IS NOT DISTINCT FROM m.country AND w.female = m.female
GROUP BY m.view_id, m.category, m.country, m.female, m.n, m.with_tenure, m.y_mean, m.t_mean
ORDER BY m.view_id, m.category, m.country, m.female;
