-- Openings passing the attribute filters. The source filter keeps openings filled by a hire from that
-- source (an opening has no source of its own; open ones have none and drop out under --source).
CREATE OR REPLACE TEMP TABLE f_openings AS
SELECT *
FROM stg_openings
WHERE ($department::VARCHAR IS NULL OR lower(department) = lower($department::VARCHAR))
  AND ($region::VARCHAR IS NULL OR lower(region) = lower($region::VARCHAR))
  AND ($level::VARCHAR IS NULL OR level = $level::VARCHAR)
  AND ($source::VARCHAR IS NULL OR lower(hire_source) = lower($source::VARCHAR))
  AND ($recruiter::VARCHAR IS NULL OR lower(stg_openings.recruiter) = lower($recruiter::VARCHAR))
  AND ($hiring_manager::VARCHAR IS NULL OR lower(stg_openings.hiring_manager) = lower($hiring_manager::VARCHAR));
