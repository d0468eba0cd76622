-- Greenhouse Harvest v3 `departments` (external_id: an HRIS id, empty when none is set).
SELECT row_number() OVER (ORDER BY department) AS id, department AS name, NULL::BIGINT AS parent_id, NULL::VARCHAR AS external_id
FROM (SELECT DISTINCT department FROM c_jobs WHERE department IS NOT NULL)
ORDER BY id
