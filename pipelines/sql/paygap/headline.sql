-- Issue 19, Article 9(1)(a)-(e) view-wide (pg_stats), one row per view. gap = (men's value - women's value) / men's
-- value. Published only when the company has >= $min_cell women and >= $min_cell men; the variable-pay
-- gaps only when, besides, >= $min_cell women and >= $min_cell men receive variable pay.
WITH flags AS (
  SELECT *, women >= $min_cell AND men >= $min_cell AS published,
    w_receivers >= $min_cell AND m_receivers >= $min_cell AS variable_published
  FROM pg_stats
  WHERE company
)
SELECT
  view_id, women, men, other, undisclosed, published,
  CASE WHEN published THEN ((m_hourly_mean - w_hourly_mean) / m_hourly_mean)::DOUBLE END AS hourly_mean_gap,
  CASE WHEN published THEN ((m_hourly_median - w_hourly_median) / m_hourly_median)::DOUBLE END AS hourly_median_gap,
  CASE WHEN published THEN ((m_annual_mean - w_annual_mean) / m_annual_mean)::DOUBLE END AS annual_mean_gap,
  CASE WHEN published THEN ((m_annual_median - w_annual_median) / m_annual_median)::DOUBLE END AS annual_median_gap,
  CASE WHEN published AND variable_published THEN ((m_variable_mean - w_variable_mean) / m_variable_mean)::DOUBLE END AS variable_mean_gap,
  CASE WHEN published AND variable_published THEN ((m_variable_median - w_variable_median) / m_variable_median)::DOUBLE END AS variable_median_gap,
  CASE WHEN published THEN (w_receivers / women)::DOUBLE END AS share_women,
  CASE WHEN published THEN (m_receivers / men)::DOUBLE END AS share_men
FROM flags
ORDER BY view_id;
