-- DESIGN §3 Time to hire: per hired application (status hired), hire date = resolution of its accepted
-- offer (latest counting offer), else hired_at; days = hire date - date(applied_at); over hires whose
-- hire date falls in the period. A hired application with neither date is left out.
SELECT
  count(*)::INTEGER AS hires,
  quantile_cont(days, 0.5)::DOUBLE AS median_days,
  avg(days)::DOUBLE AS mean_days
FROM (
  SELECT date_diff('day', a.applied_date, h.hire_date) AS days
  FROM f_applications a
  LEFT JOIN stg_offers_latest o USING (application_id)
  CROSS JOIN LATERAL (
    SELECT coalesce(CASE WHEN o.status = 'accepted' THEN hs_day(o.resolved_at) END, a.hired_date) AS hire_date
  ) h
  WHERE a.status = 'hired' AND hs_in_period(h.hire_date, $from::DATE, $to::DATE)
);
