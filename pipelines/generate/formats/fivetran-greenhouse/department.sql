-- Fivetran Greenhouse `department` (external_id: an HRIS id, empty when none is set).
SELECT row_number() OVER (ORDER BY department) AS id, false AS _fivetran_deleted, '2026-10-01 06:00:00.000' AS _fivetran_synced,
  NULL::VARCHAR AS external_id, department AS name, NULL::BIGINT AS parent_id
FROM (SELECT DISTINCT department FROM c_jobs WHERE department IS NOT NULL)
ORDER BY id
