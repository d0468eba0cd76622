-- Fivetran Greenhouse `hiring_team` (a table hirescope does not use: it must change nothing): one hiring
-- manager and one recruiter per job.
SELECT regexp_extract(job_id, '\d+')::BIGINT AS job_id, role, 5000 + regexp_extract(job_id, '\d+')::BIGINT % 7 + k AS user_id,
  '2026-10-01 06:00:00.000' AS _fivetran_synced
FROM c_jobs, (VALUES ('hiring_managers', 0), ('recruiters', 100)) v(role, k)
ORDER BY job_id, role
