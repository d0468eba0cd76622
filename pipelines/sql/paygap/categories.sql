-- Issue 19, Article 9(1)(g): per view and category of workers (pg_stats), counts of women and men, mean and
-- median gap of hourly basic pay and of variable pay (among its receivers). A category with fewer than
-- $min_cell women or fewer than $min_cell men is suppressed: counts NULL, no gap; its variable-pay gaps
-- also need >= $min_cell women and men receiving some. jointAssessment (Article 10): the mean gap of
-- hourly total pay is 5% or more in either direction (false when suppressed).
-- cost_share: (0.95 x men's mean annual basic - women's mean) x women, for a published category whose
-- mean annual basic gap is 5% or more in men's favour (the raise bringing it to 5%); else 0.
WITH flags AS (
  SELECT *, women < $min_cell OR men < $min_cell AS suppressed,
    w_receivers >= $min_cell AND m_receivers >= $min_cell AS variable_published,
    (m_annual_mean - w_annual_mean) / m_annual_mean AS annual_gap
  FROM pg_stats
  WHERE NOT company
)
SELECT
  view_id,
  category,
  suppressed,
  CASE WHEN NOT suppressed THEN women END AS women,
  CASE WHEN NOT suppressed THEN men END AS men,
  CASE WHEN NOT suppressed THEN ((m_hourly_mean - w_hourly_mean) / m_hourly_mean)::DOUBLE END AS basic_mean_gap,
  CASE WHEN NOT suppressed THEN ((m_hourly_median - w_hourly_median) / m_hourly_median)::DOUBLE END AS basic_median_gap,
  CASE WHEN NOT suppressed AND variable_published THEN ((m_variable_mean - w_variable_mean) / m_variable_mean)::DOUBLE END AS variable_mean_gap,
  CASE WHEN NOT suppressed AND variable_published THEN ((m_variable_median - w_variable_median) / m_variable_median)::DOUBLE END AS variable_median_gap,
  coalesce(NOT suppressed AND abs((m_total_mean - w_total_mean) / m_total_mean) >= 0.05, false) AS joint_assessment,
  CASE WHEN NOT suppressed AND annual_gap >= 0.05 THEN ((0.95 * m_annual_mean - w_annual_mean) * women)::DOUBLE ELSE 0 END AS cost_share
FROM flags
ORDER BY view_id, category;
