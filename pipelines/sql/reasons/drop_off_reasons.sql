-- Issue 18 "Why": the funnel's drop-off split by reason. Cohort as metrics/funnel.sql (applications applied
-- in the period, after the attribute filters of f_applications); an application stopped at its furthest
-- stage with rejection_type rejected / withdrew / other (as the funnel counts them), under its
-- rejection_reason (missing or blank -> "Not given"). Cells: per stage x outcome x reason over the whole
-- period (quarter NULL, total = true) and per quarter of application.
--
-- Free text can identify a person: a reason's text is published only when at least 3 distinct candidates
-- (candidate_id, else the application) share it in the published cell; the others are folded into
-- "Other reasons". Applied here, per cell, after every filter. share = count / all of its stage x outcome
-- (x quarter).
WITH stopped AS (
  SELECT f.furthest AS rank, f.rejection_type AS outcome,
    strftime(f.applied_date, '%Y') || '-Q' || quarter(f.applied_date) AS quarter,
    nullif(trim(a.rejection_reason), '') AS reason_text,
    coalesce(nullif(trim(a.candidate_id), ''), f.application_id) AS candidate
  FROM f_applications f
  JOIN applications a USING (application_id)
  WHERE hs_in_period(f.applied_date, $from::DATE, $to::DATE)
    AND f.rejection_type IN ('rejected', 'withdrew', 'other')
), cells AS (
  SELECT quarter, rank, outcome, reason_text, grouping(quarter) = 1 AS total,
    count(*) AS n, count(DISTINCT candidate) AS candidates
  FROM stopped
  GROUP BY GROUPING SETS ((quarter, rank, outcome, reason_text), (rank, outcome, reason_text))
), published AS (
  SELECT total, quarter, rank, outcome,
    CASE WHEN reason_text IS NULL THEN 'Not given' WHEN candidates >= 3 THEN reason_text ELSE 'Other reasons' END AS reason,
    sum(n) AS n
  FROM cells
  GROUP BY ALL
)
SELECT p.total, CASE WHEN p.total THEN NULL ELSE p.quarter END AS quarter, s.stage, p.outcome, p.reason,
  p.n::INTEGER AS count,
  p.n::DOUBLE / sum(p.n) OVER (PARTITION BY p.total, p.quarter, p.rank, p.outcome) AS share
FROM published p
JOIN stage_order s ON s.rank = p.rank
ORDER BY p.total DESC, p.quarter, p.rank, list_position(['rejected', 'withdrew', 'other'], p.outcome),
  p.reason IN ('Other reasons', 'Not given'), p.n DESC, p.reason;
