-- Alert: a region whose median time to fill is above the high end of its benchmark range.
SELECT
  'region-time-to-fill' AS rule,
  $level::VARCHAR AS level,
  region AS subject,
  median_days AS value,
  high_days::DOUBLE AS threshold,
  printf('%s: median time to fill %.0f days is above the %d-%d day benchmark (%d filled)',
    region, median_days, low_days, high_days, filled) AS message
FROM m_regions
WHERE status = 'above';
