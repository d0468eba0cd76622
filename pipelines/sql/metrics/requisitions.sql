-- Requisitions (issue 18, Deliver 2): every opening open at asOf (opened by then, neither filled nor closed
-- by then: as open_aging.sql), passing the attribute filters (f_openings: department, region, level). A
-- current state: the period does not apply. Per opening:
-- - days_open = asOf - date(opened_at), against its region's market range (ref_region_benchmarks, the
--   ranges of the regional timelines: US 40-55, EU 35-50, LatAm 25-35, APAC 20-35) with hs_benchmark_status;
-- - the pipeline now: the job's applications active at asOf (status active, as the funnel counts them,
--   applied by asOf), counted by their furthest stage (f_applications.furthest: DESIGN §3 Funnel). The
--   pipeline belongs to the job: two open openings of one job show the same counts;
-- - last_movement: the latest day of any entered_at or exited_at of the job's stage history up to asOf
--   (any application of the job, active or not), NULL when nothing moved yet.
-- Owners (jobs.recruiter, jobs.hiring_manager: staff in their work role) only when $owners_shown (config
-- privacy.owners "show"): with "hide" no owner name leaves the warehouse. $recruiter / $hiring_manager
-- (any case) keep one owner's openings.
-- The expected fill date is read off the Kaplan-Meier curve in metrics/requisitions.ts.
WITH open_openings AS (
  SELECT opening_id, job_id, opened_date, department, region, level,
    date_diff('day', opened_date, $as_of::DATE) AS days_open
  FROM f_openings
  WHERE opened_date <= $as_of::DATE
    AND NOT coalesce(filled_date <= $as_of::DATE, false)
    AND NOT coalesce(closed_date <= $as_of::DATE, false)
), open_jobs AS (
  SELECT DISTINCT job_id FROM open_openings
), active AS (
  SELECT a.job_id, f.furthest
  FROM f_applications f
  JOIN applications a USING (application_id)
  SEMI JOIN open_jobs j ON j.job_id = a.job_id
  WHERE f.status = 'active' AND f.applied_date <= $as_of::DATE
), pipeline AS (
  SELECT job_id,
    count(*) FILTER (WHERE furthest = 1)::INTEGER AS applied,
    count(*) FILTER (WHERE furthest = 2)::INTEGER AS screen,
    count(*) FILTER (WHERE furthest = 3)::INTEGER AS technical,
    count(*) FILTER (WHERE furthest = 4)::INTEGER AS onsite,
    count(*) FILTER (WHERE furthest = 5)::INTEGER AS offer
  FROM active GROUP BY job_id
), moves AS (
  SELECT a.job_id,
    greatest(
      max(hs_day(h.entered_at)) FILTER (WHERE hs_day(h.entered_at) <= $as_of::DATE),
      max(hs_day(h.exited_at)) FILTER (WHERE hs_day(h.exited_at) <= $as_of::DATE)
    ) AS last_movement
  FROM stage_history h
  JOIN applications a USING (application_id)
  SEMI JOIN open_jobs j ON j.job_id = a.job_id
  GROUP BY a.job_id
)
SELECT
  o.opening_id,
  o.job_id,
  j.title,
  o.department,
  o.region,
  o.level,
  CASE WHEN $owners_shown::BOOLEAN THEN j.recruiter END AS recruiter,
  CASE WHEN $owners_shown::BOOLEAN THEN j.hiring_manager END AS hiring_manager,
  strftime(o.opened_date, '%Y-%m-%d') AS opened_date,
  o.days_open::INTEGER AS days_open,
  b.low_days::INTEGER AS low_days,
  b.high_days::INTEGER AS high_days,
  hs_benchmark_status(o.days_open, b.low_days, b.high_days) AS benchmark_status,
  coalesce(p.applied, 0)::INTEGER AS applied,
  coalesce(p.screen, 0)::INTEGER AS screen,
  coalesce(p.technical, 0)::INTEGER AS technical,
  coalesce(p.onsite, 0)::INTEGER AS onsite,
  coalesce(p.offer, 0)::INTEGER AS offer,
  strftime(m.last_movement, '%Y-%m-%d') AS last_movement
FROM open_openings o
LEFT JOIN stg_jobs j USING (job_id)
LEFT JOIN ref_region_benchmarks b ON b.region = o.region
LEFT JOIN pipeline p USING (job_id)
LEFT JOIN moves m USING (job_id)
WHERE ($recruiter::VARCHAR IS NULL OR lower(j.recruiter) = lower($recruiter::VARCHAR))
  AND ($hiring_manager::VARCHAR IS NULL OR lower(j.hiring_manager) = lower($hiring_manager::VARCHAR))
ORDER BY o.days_open DESC, o.opening_id;
