-- Applications passing the attribute filters (department, region, level of the job; source). The
-- period is applied by each metric, since each dates its population differently (DESIGN §3).
CREATE OR REPLACE TEMP TABLE f_applications AS
SELECT *
FROM stg_applications
WHERE ($department::VARCHAR IS NULL OR lower(department) = lower($department::VARCHAR))
  AND ($region::VARCHAR IS NULL OR lower(region) = lower($region::VARCHAR))
  AND ($level::VARCHAR IS NULL OR level = $level::VARCHAR)
  AND ($source::VARCHAR IS NULL OR lower(source) = lower($source::VARCHAR));
