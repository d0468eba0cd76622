-- Greenhouse Data Lake `application_stages`: every stay, plus the quirks of real exports — a row with no
-- entered_on for the Offer stage of each application that never reached it (Data Lake lists the job's
-- whole plan), every 25th stay repeated, and the stays of the migrated copies.
WITH stays AS (
  SELECT regexp_extract(h.application_id, '\d+')::BIGINT AS application_id, h.stage, h.entered_at, h.exited_at,
    row_number() OVER (ORDER BY h.application_id, h.entered_at, h.stage) AS n
  FROM c_stage_history h
), stage_ids AS (
  SELECT stage, row_number() OVER (ORDER BY stage) AS stage_id FROM (SELECT DISTINCT stage FROM c_stage_history UNION SELECT 'Offer')
), rows AS (
  SELECT application_id, stage, entered_at, exited_at FROM stays
  UNION ALL
  SELECT application_id, stage, entered_at, exited_at FROM stays WHERE n % 25 = 0
  UNION ALL
  SELECT 80000000 + application_id, stage, entered_at, exited_at FROM stays WHERE application_id % 97 = 0
  UNION ALL
  SELECT application_id, 'Offer', NULL, NULL FROM stays GROUP BY application_id HAVING count(*) FILTER (WHERE stage = 'Offer') = 0
)
SELECT r.application_id, i.stage_id, strftime(r.entered_at, '%Y-%m-%d %H:%M:%S') AS entered_on,
  strftime(r.exited_at, '%Y-%m-%d %H:%M:%S') AS exited_on, r.stage AS stage_name
FROM rows r JOIN stage_ids i USING (stage)
ORDER BY r.application_id, r.entered_at NULLS LAST, r.stage
