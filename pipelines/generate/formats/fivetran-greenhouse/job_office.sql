-- Fivetran Greenhouse `job_office`: the bridge from a job to its office (the deleted job's copy too).
WITH o AS (SELECT office, country, row_number() OVER (ORDER BY office, country) AS id FROM (SELECT DISTINCT office, country FROM c_jobs WHERE office IS NOT NULL)),
jobs AS (SELECT regexp_extract(job_id, '\d+')::BIGINT AS n, office, country FROM c_jobs)
SELECT j.n + copy AS job_id, o.id AS office_id, '2026-10-01 06:00:00.000' AS _fivetran_synced
FROM jobs j JOIN o ON o.office = j.office AND o.country IS NOT DISTINCT FROM j.country, (VALUES (0), (80000000)) v(copy)
WHERE copy = 0 OR j.n = (SELECT min(n) FROM jobs)
ORDER BY job_id
