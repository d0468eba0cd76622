-- The newest event in the warehouse (the one definition: the default as-of of the CLI and the site,
-- freshness in `status` and on the data-quality page): the latest of an application's applied and hired
-- times, a stage entered, an offer created, sent or resolved, an opening opened or closed. Planned dates
-- (an offer's start date) are not events. `at` is UTC ISO; `day` the calendar day in the session's
-- time zone (the organisation's, set by openWarehouse).
SELECT hs_iso(max(t)) AS at, strftime(max(t)::DATE, '%Y-%m-%d') AS day
FROM (
  SELECT greatest(max(applied_at), max(hired_at)) AS t FROM applications
  UNION ALL SELECT max(entered_at) FROM stage_history
  UNION ALL SELECT greatest(max(created_at), max(sent_at), max(resolved_at)) FROM offers
  UNION ALL SELECT greatest(max(opened_at), max(closed_at)) FROM openings
);
