-- Fivetran's Lever `opportunity_source`: the API's `sources` array of each opportunity, one row per source.
SELECT hs_uuid(r.key) AS opportunity_id, r.source, hs_sync_ts(e.taken_at) AS _fivetran_synced
FROM (
  SELECT 'opportunity:' || application_id AS key, source FROM c_applications WHERE source IS NOT NULL
  UNION ALL
  SELECT 'lead:' || application_id, 'LinkedIn' FROM c_applications WHERE regexp_extract(application_id, '\d+')::BIGINT % 40 = 0
) r
CROSS JOIN c_export e
ORDER BY opportunity_id, source
