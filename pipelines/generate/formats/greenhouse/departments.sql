SELECT row_number() OVER (ORDER BY department) AS id, department AS name, NULL::BIGINT AS parent_id
FROM (SELECT DISTINCT department FROM c_jobs WHERE department IS NOT NULL)
ORDER BY id
