-- Openings with their job's attributes and fill date (DESIGN §3 Time to fill): an opening is filled when
-- it has a hired_application_id; filled_at is the resolution of that application's accepted offer (its
-- latest counting offer, when accepted and resolved), else the opening's closed_at.
CREATE OR REPLACE TEMP VIEW stg_openings AS
SELECT
  o.opening_id,
  o.job_id,
  hs_day(o.opened_at) AS opened_date,
  hs_day(o.closed_at) AS closed_date,
  o.hired_application_id,
  CASE WHEN o.hired_application_id IS NOT NULL THEN
    coalesce(CASE WHEN lo.status = 'accepted' THEN hs_day(lo.resolved_at) END, hs_day(o.closed_at))
  END AS filled_date,
  j.department,
  j.level,
  coalesce(j.region, 'Other') AS region, -- a job missing from the warehouse: region unknown, counted as Other
  a.source AS hire_source,
  j.recruiter,
  j.hiring_manager
FROM openings o
LEFT JOIN stg_jobs j USING (job_id)
LEFT JOIN stg_offers_latest lo ON lo.application_id = o.hired_application_id
LEFT JOIN stg_applications a ON a.application_id = o.hired_application_id;
