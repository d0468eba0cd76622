-- Applications with their job's attributes; a missing source is 'Unknown' (DESIGN §3 Sources). Dates
-- are calendar dates in the organisation time zone (the session's TimeZone).
CREATE OR REPLACE TEMP VIEW stg_applications AS
SELECT
  a.application_id,
  a.job_id,
  hs_day(a.applied_at) AS applied_date,
  coalesce(nullif(trim(a.source), ''), 'Unknown') AS source,
  a.status,
  a.rejection_type,
  hs_day(a.hired_at) AS hired_date,
  j.department,
  j.level,
  coalesce(j.region, 'Other') AS region, -- a job missing from the warehouse: region unknown, counted as Other
  j.role_family
FROM applications a
LEFT JOIN stg_jobs j USING (job_id);
