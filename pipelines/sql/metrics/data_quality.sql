-- DESIGN §5 dataQuality: rows read / loaded over loaded files, rows quarantined in the warehouse, and
-- the sorted distinct stage names that no mapping covers (terminal stages such as Rejected are outcomes,
-- not unmapped), current employees without an exchange rate, and counting offers settled without a
-- resolution date (counted in the rate, left out of monthly trends: hs_settled_in).
SELECT
  (SELECT coalesce(sum(rows_read), 0)::INTEGER FROM ingest_files WHERE status = 'loaded') AS rows_read,
  (SELECT coalesce(sum(rows_loaded), 0)::INTEGER FROM ingest_files WHERE status = 'loaded') AS rows_loaded,
  (SELECT count(*)::INTEGER FROM rejected_rows) AS rows_rejected,
  (SELECT coalesce(list(stage_name ORDER BY stage_name), []) FROM stg_stage_names WHERE stage IS NULL AND terminal IS NULL) AS unmapped_stages,
  (SELECT count(*)::INTEGER FROM f_compensation WHERE usd_base IS NULL) AS pay_rows_without_rate,
  (SELECT count(*)::INTEGER FROM f_offers WHERE status IN ('accepted', 'declined', 'rescinded') AND resolved_at IS NULL) AS offers_without_resolution_date;
