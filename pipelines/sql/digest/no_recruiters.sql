-- Digest: no recruiter shown (jobs has no recruiter column, or config privacy.owners is "hide").
CREATE OR REPLACE TEMP VIEW digest_recruiters AS
SELECT job_id, NULL::VARCHAR AS recruiter FROM jobs WHERE false;
