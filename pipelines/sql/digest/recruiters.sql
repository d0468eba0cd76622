-- Digest: each job's recruiter (jobs.recruiter, issue 18 Deliver 1), blank text as none.
CREATE OR REPLACE TEMP VIEW digest_recruiters AS
SELECT job_id, nullif(trim(recruiter), '') AS recruiter FROM jobs;
