-- Issue 19: the sums behind Article 9 (a)-(e) and (g), per view of pg_views: view-wide (company = true,
-- category NULL; a view without workers gets this row too, with counts 0) and per category, over
-- pg_population (filtered, not yet suppressed: headline.sql and categories.sql suppress). Women = `female`, men = `male`; `other` and `undisclosed` are only counted. median() is
-- quantile_cont(0.5): the average of the two middle values for an even count. Variable pay: among the
-- receivers (variable > 0). Means are taken over DECIMAL(38,12) values: an exact sum, so
-- the figures do not depend on the order of parallel aggregation (same input, same bytes).
CREATE OR REPLACE TEMP TABLE pg_stats AS
SELECT
  view_id,
  grouping(category) = 1 AS company,
  category,
  count(*) FILTER (WHERE gender = 'female')::INTEGER AS women,
  count(*) FILTER (WHERE gender = 'male')::INTEGER AS men,
  count(*) FILTER (WHERE gender = 'other')::INTEGER AS other,
  count(*) FILTER (WHERE gender = 'undisclosed')::INTEGER AS undisclosed,
  avg(hourly::DECIMAL(38,12)) FILTER (WHERE gender = 'female') AS w_hourly_mean,
  avg(hourly::DECIMAL(38,12)) FILTER (WHERE gender = 'male') AS m_hourly_mean,
  median(hourly) FILTER (WHERE gender = 'female') AS w_hourly_median,
  median(hourly) FILTER (WHERE gender = 'male') AS m_hourly_median,
  avg(hourly_total::DECIMAL(38,12)) FILTER (WHERE gender = 'female') AS w_total_mean,
  avg(hourly_total::DECIMAL(38,12)) FILTER (WHERE gender = 'male') AS m_total_mean,
  avg(annual::DECIMAL(38,12)) FILTER (WHERE gender = 'female') AS w_annual_mean,
  avg(annual::DECIMAL(38,12)) FILTER (WHERE gender = 'male') AS m_annual_mean,
  median(annual) FILTER (WHERE gender = 'female') AS w_annual_median,
  median(annual) FILTER (WHERE gender = 'male') AS m_annual_median,
  count(*) FILTER (WHERE gender = 'female' AND variable > 0)::INTEGER AS w_receivers,
  count(*) FILTER (WHERE gender = 'male' AND variable > 0)::INTEGER AS m_receivers,
  avg(variable::DECIMAL(38,12)) FILTER (WHERE gender = 'female' AND variable > 0) AS w_variable_mean,
  avg(variable::DECIMAL(38,12)) FILTER (WHERE gender = 'male' AND variable > 0) AS m_variable_mean,
  median(variable) FILTER (WHERE gender = 'female' AND variable > 0) AS w_variable_median,
  median(variable) FILTER (WHERE gender = 'male' AND variable > 0) AS m_variable_median
FROM pg_views
LEFT JOIN pg_population USING (view_id)
GROUP BY GROUPING SETS ((view_id), (view_id, category))
HAVING grouping(category) = 1 OR count(employee_id) > 0;
