-- Applications with their job's attributes; a missing source is 'Unknown' (DESIGN §3 Sources). Dates
-- are calendar dates in the organisation time zone (the session's TimeZone).
--
-- An application without a status of its own takes the outcome of the latest terminal stage of its log
-- (stg_terminal: Hired -> hired at that stage's entry; Rejected -> rejected; Withdrawn -> rejected, type
-- withdrew). A status in the export always wins ("when no status column says otherwise"). With neither,
-- the application has no outcome yet: active.
CREATE OR REPLACE TEMP VIEW stg_applications AS
SELECT
  a.application_id,
  a.job_id,
  hs_day(a.applied_at) AS applied_date,
  coalesce(nullif(trim(a.source), ''), 'Unknown') AS source,
  coalesce(a.status, CASE t.outcome WHEN 'hired' THEN 'hired' WHEN 'rejected' THEN 'rejected' WHEN 'withdrew' THEN 'rejected' END,
    'active') AS status,
  CASE WHEN a.status IS NULL AND t.outcome IN ('rejected', 'withdrew') THEN coalesce(a.rejection_type, t.outcome)
       ELSE a.rejection_type END AS rejection_type,
  hs_day(coalesce(a.hired_at, CASE WHEN a.status IS NULL AND t.outcome = 'hired' THEN t.entered_at END)) AS hired_date,
  j.department,
  j.level,
  coalesce(j.region, 'Other') AS region, -- a job missing from the warehouse: region unknown, counted as Other
  j.role_family,
  j.recruiter,
  j.hiring_manager
FROM applications a
LEFT JOIN stg_jobs j USING (job_id)
LEFT JOIN stg_terminal t USING (application_id);
