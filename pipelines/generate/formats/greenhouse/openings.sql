SELECT
  regexp_extract(opening_id, '\d+')::BIGINT AS id,
  regexp_extract(job_id, '\d+')::BIGINT AS job_id,
  upper(opening_id) AS opening_id,
  regexp_extract(hired_application_id, '\d+')::BIGINT AS hired_application_id,
  strftime(opened_at, '%Y-%m-%d %H:%M:%S') AS opened_at,
  strftime(closed_at, '%Y-%m-%d %H:%M:%S') AS closed_at,
  close_reason
FROM c_openings
ORDER BY id
