-- Openings open at the end of a comparison period ($as_of = the period's last day): opened by then and
-- neither filled nor closed by then, as metrics/open_aging.sql counts them at asOf.
SELECT count(*)::INTEGER AS open
FROM f_openings
WHERE opened_date <= $as_of::DATE
  AND NOT coalesce(filled_date <= $as_of::DATE, false)
  AND NOT coalesce(closed_date <= $as_of::DATE, false);
