-- The counting offer (latest version) of each application, with the application's attributes. An offer
-- whose application is not in the warehouse still counts when no attribute filter is set, and drops out
-- under any filter (its department, region, level and source are unknown).
CREATE OR REPLACE TEMP TABLE f_offers AS
SELECT o.*, a.source, a.applied_date, a.department, a.role_family, a.level, a.region, a.recruiter, a.hiring_manager
FROM stg_offers_latest o
LEFT JOIN stg_applications a USING (application_id)
WHERE ($department::VARCHAR IS NULL OR lower(a.department) = lower($department::VARCHAR))
  AND ($region::VARCHAR IS NULL OR lower(a.region) = lower($region::VARCHAR))
  AND ($level::VARCHAR IS NULL OR a.level = $level::VARCHAR)
  AND ($source::VARCHAR IS NULL OR lower(a.source) = lower($source::VARCHAR))
  AND ($recruiter::VARCHAR IS NULL OR lower(a.recruiter) = lower($recruiter::VARCHAR))
  AND ($hiring_manager::VARCHAR IS NULL OR lower(a.hiring_manager) = lower($hiring_manager::VARCHAR));
