SELECT regexp_extract(j.job_id, '\d+')::BIGINT AS job_id, o.id AS office_id
FROM c_jobs j
JOIN (SELECT office, country, row_number() OVER (ORDER BY office, country) AS id FROM (SELECT DISTINCT office, country FROM c_jobs WHERE office IS NOT NULL)) o
  ON o.office = j.office AND o.country IS NOT DISTINCT FROM j.country
ORDER BY job_id
