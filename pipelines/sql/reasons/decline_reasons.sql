-- Issue 18 "Why": offer declines by reason. Declined counting offers (latest version, f_offers, as OAR)
-- resolved in the period (hs_settled_in, as metrics/offer_acceptance.sql); reason = the offer's
-- decline_reason, else the application's rejection_reason (exports without decline reasons), missing ->
-- "Not given". Cells over the whole
-- period (quarter NULL, total = true) and per quarter of resolution (an offer declined without a date
-- counts in the period, not in a quarter).
--
-- A reason's text is published only when at least 3 distinct candidates share it in the published cell;
-- the others are folded into "Other reasons" (as drop_off_reasons.sql). share = count / declines of the cell.
WITH declined AS (
  SELECT
    CASE WHEN o.resolved_at IS NULL THEN NULL
         ELSE strftime(hs_day(o.resolved_at), '%Y') || '-Q' || quarter(hs_day(o.resolved_at)) END AS quarter,
    coalesce(nullif(trim(o.decline_reason), ''), nullif(trim(a.rejection_reason), '')) AS reason_text,
    coalesce(nullif(trim(a.candidate_id), ''), o.application_id) AS candidate
  FROM f_offers o
  LEFT JOIN applications a USING (application_id)
  WHERE o.status = 'declined'
    AND hs_settled_in(hs_day(o.resolved_at), hs_day(coalesce(o.created_at, o.sent_at)), $from::DATE, $to::DATE)
), cells AS (
  SELECT quarter, reason_text, grouping(quarter) = 1 AS total, count(*) AS n, count(DISTINCT candidate) AS candidates
  FROM declined
  GROUP BY GROUPING SETS ((quarter, reason_text), (reason_text))
), published AS (
  SELECT total, quarter,
    CASE WHEN reason_text IS NULL THEN 'Not given' WHEN candidates >= 3 THEN reason_text ELSE 'Other reasons' END AS reason,
    sum(n) AS n
  FROM cells
  WHERE total OR quarter IS NOT NULL
  GROUP BY ALL
)
SELECT total, quarter, reason, n::INTEGER AS count, n::DOUBLE / sum(n) OVER (PARTITION BY total, quarter) AS share
FROM published
ORDER BY total DESC, quarter, reason IN ('Other reasons', 'Not given'), n DESC, reason;
