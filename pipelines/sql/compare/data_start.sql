-- The first day of the data's first month: where the Overview's default period starts (the site's
-- "Beginning" is the first month of its cubes, whose months are these events' months: applications by
-- applied day, openings by opened day, offers by resolution day; fills and hires come after them).
-- Whole company, whatever the filters (the site's month list is the company's too). NULL when empty.
SELECT strftime(date_trunc('month', min(d)), '%Y-%m-%d') AS start
FROM (
  SELECT min(applied_date) AS d FROM stg_applications
  UNION ALL SELECT min(opened_date) FROM stg_openings
  UNION ALL SELECT min(hs_day(resolved_at)) FROM stg_offers_latest
);
