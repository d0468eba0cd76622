-- Jobs with canonical level and region. An unknown level alias keeps its lower-cased text (so it can
-- still be filtered on); an unknown or missing country counts as region Other.
CREATE OR REPLACE TEMP VIEW stg_jobs AS
SELECT
  j.job_id,
  j.title,
  j.department,
  j.role_family,
  coalesce(l.level, lower(trim(j.level))) AS level,
  c.code AS country_code,
  coalesce(c.region, 'Other') AS region,
  j.recruiter,
  j.hiring_manager
FROM jobs j
LEFT JOIN ref_level l ON l.alias_key = lower(trim(j.level))
LEFT JOIN ref_country c ON c.key = lower(trim(j.country));
