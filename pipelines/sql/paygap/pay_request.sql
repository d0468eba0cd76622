-- Issue 19, Article 7: one category's average hourly and annual basic pay by sex (pg_population), for a
-- worker's request. Suppressed (counts and averages NULL) when the category has fewer than $min_cell
-- women or fewer than $min_cell men.
WITH stats AS (
  SELECT
    count(*) FILTER (WHERE gender = 'female')::INTEGER AS women,
    count(*) FILTER (WHERE gender = 'male')::INTEGER AS men,
    avg(hourly::DECIMAL(38,12)) FILTER (WHERE gender = 'female') AS w_hourly,
    avg(hourly::DECIMAL(38,12)) FILTER (WHERE gender = 'male') AS m_hourly,
    avg(annual::DECIMAL(38,12)) FILTER (WHERE gender = 'female') AS w_annual,
    avg(annual::DECIMAL(38,12)) FILTER (WHERE gender = 'male') AS m_annual
  FROM pg_population
  WHERE lower(category) = lower($category::VARCHAR)
), flags AS (
  SELECT *, women < $min_cell OR men < $min_cell AS suppressed FROM stats
)
SELECT suppressed,
  CASE WHEN NOT suppressed THEN women END AS women,
  CASE WHEN NOT suppressed THEN men END AS men,
  CASE WHEN NOT suppressed THEN w_hourly::DOUBLE END AS w_hourly,
  CASE WHEN NOT suppressed THEN m_hourly::DOUBLE END AS m_hourly,
  CASE WHEN NOT suppressed THEN w_annual::DOUBLE END AS w_annual,
  CASE WHEN NOT suppressed THEN m_annual::DOUBLE END AS m_annual
FROM flags;
