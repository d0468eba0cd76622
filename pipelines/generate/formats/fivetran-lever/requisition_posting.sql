-- Fivetran's Lever `requisition_posting`: the bridge between requisitions and postings (the API's
-- `postings` array of a requisition). Each opening's requisition links its job's posting. Besides:
-- every 10th opening (number ending 3) also has a link that was removed in Lever (`_fivetran_deleted`) to
-- the first posting; REQ-DELETED links a live posting, REQ-DELETED-POSTING the deleted one.
WITH first_job AS (SELECT min(job_id) AS job_id FROM c_jobs)
SELECT hs_uuid('posting:' || r.job) AS posting_id, hs_uuid('requisition:' || r.req) AS requisition_id, r.deleted AS _fivetran_deleted,
  hs_sync_ts(e.taken_at) AS _fivetran_synced
FROM (
  SELECT opening_id AS req, job_id AS job, false AS deleted FROM c_openings
  UNION ALL
  SELECT o.opening_id, f.job_id, true FROM c_openings o, first_job f
  WHERE regexp_extract(o.opening_id, '\d+')::BIGINT % 10 = 3 AND o.job_id <> f.job_id
  UNION ALL
  SELECT 'REQ-DELETED', job_id, false FROM first_job
  UNION ALL
  SELECT 'REQ-DELETED-POSTING', 'deleted', false
) r
CROSS JOIN c_export e
ORDER BY requisition_id, posting_id
