-- Reasons cube for the site (issue 18 "Why"): drop-off by reason (outcome rejected / withdrew / other at the
-- furthest stage, quarter of application, as reasons/drop_off_reasons.sql) and offer declines by reason
-- (outcome declined, stage offer, quarter of resolution, as reasons/decline_reasons.sql), by the filter
-- dimensions.
--
-- The browser sums rows under any filter, so the 3-candidate rule is applied to each row here: a reason's
-- text stays only when at least 3 distinct candidates share it in that row, else it is folded into
-- "Other reasons" — a sum of rows that each pass the rule passes it too, whatever the filter. Counts only.
WITH stopped AS (
  SELECT strftime(f.applied_date, '%Y') || '-Q' || quarter(f.applied_date) AS quarter,
    f.department, f.region, f.level, f.furthest AS stage, f.rejection_type AS outcome,
    nullif(trim(a.rejection_reason), '') AS reason_text,
    coalesce(nullif(trim(a.candidate_id), ''), f.application_id) AS candidate
  FROM f_applications f
  JOIN applications a USING (application_id)
  WHERE f.applied_date <= $as_of::DATE AND f.rejection_type IN ('rejected', 'withdrew', 'other')
), declined AS (
  SELECT CASE WHEN o.resolved_at IS NULL THEN NULL
              ELSE strftime(hs_day(o.resolved_at), '%Y') || '-Q' || quarter(hs_day(o.resolved_at)) END AS quarter,
    o.department, o.region, o.level, 5 AS stage, 'declined' AS outcome,
    coalesce(nullif(trim(o.decline_reason), ''), nullif(trim(a.rejection_reason), '')) AS reason_text,
    coalesce(nullif(trim(a.candidate_id), ''), o.application_id) AS candidate
  FROM f_offers o
  LEFT JOIN applications a USING (application_id)
  WHERE o.status = 'declined' AND hs_settled_in(hs_day(o.resolved_at), hs_day(coalesce(o.created_at, o.sent_at)), NULL, $as_of::DATE)
), cells AS (
  SELECT quarter, department, region, level, stage, outcome, reason_text, count(*) AS n, count(DISTINCT candidate) AS candidates
  FROM (SELECT * FROM stopped UNION ALL SELECT * FROM declined)
  GROUP BY ALL
)
SELECT quarter, department, region, level, stage::TINYINT AS stage, outcome,
  CASE WHEN reason_text IS NULL THEN 'Not given' WHEN candidates >= 3 THEN reason_text ELSE 'Other reasons' END AS reason,
  sum(n)::INTEGER AS count
FROM cells
GROUP BY ALL
ORDER BY ALL;
