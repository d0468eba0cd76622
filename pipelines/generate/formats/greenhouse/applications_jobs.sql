SELECT id AS application_id, job_id FROM (
  SELECT regexp_extract(application_id, '\d+')::BIGINT AS id, regexp_extract(job_id, '\d+')::BIGINT AS job_id FROM c_applications
  UNION ALL
  SELECT 90000000 + regexp_extract(application_id, '\d+')::BIGINT, regexp_extract(job_id, '\d+')::BIGINT FROM c_applications
  WHERE regexp_extract(application_id, '\d+')::BIGINT % 40 = 0
  UNION ALL
  SELECT 80000000 + regexp_extract(application_id, '\d+')::BIGINT, regexp_extract(job_id, '\d+')::BIGINT FROM c_applications
  WHERE regexp_extract(application_id, '\d+')::BIGINT % 97 = 0
)
ORDER BY application_id
