-- Applications passing the attribute filters (department, region, level, recruiter, hiring manager of the
-- job; source). The
-- period is applied by each metric, since each dates its population differently (DESIGN §3).
--
-- With each its furthest stage (DESIGN §3 Funnel), computed here once for the funnel, its cube and the
-- pass-through alerts: the max of applied (1, always), the mapped stages of its history (unmapped names
-- are left out), offer (5) when it has any offer row (any version or status), hired (6) when its status
-- is hired.
-- Only the columns the metrics read (a million rows are materialised: every column costs).
CREATE OR REPLACE TEMP TABLE f_applications AS
SELECT a.application_id, a.applied_date, a.source, a.status, a.rejection_type, a.hired_date,
  a.department, a.level, a.region, a.recruiter, a.hiring_manager,
  greatest(1, coalesce(p.rank, 1), CASE WHEN o.application_id IS NOT NULL THEN 5 ELSE 1 END,
           CASE WHEN a.status = 'hired' THEN 6 ELSE 1 END)::TINYINT AS furthest
FROM stg_applications a
LEFT JOIN stg_progress p USING (application_id)
LEFT JOIN (SELECT DISTINCT application_id FROM offers) o USING (application_id)
WHERE ($department::VARCHAR IS NULL OR lower(a.department) = lower($department::VARCHAR))
  AND ($region::VARCHAR IS NULL OR lower(a.region) = lower($region::VARCHAR))
  AND ($level::VARCHAR IS NULL OR a.level = $level::VARCHAR)
  AND ($source::VARCHAR IS NULL OR lower(a.source) = lower($source::VARCHAR))
  AND ($recruiter::VARCHAR IS NULL OR lower(a.recruiter) = lower($recruiter::VARCHAR))
  AND ($hiring_manager::VARCHAR IS NULL OR lower(a.hiring_manager) = lower($hiring_manager::VARCHAR));
