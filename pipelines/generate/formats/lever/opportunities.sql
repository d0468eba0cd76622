-- Lever `opportunities`, flattened: `archived` as archived_reason (the archive reason's id) and
-- archived_archivedAt, `sources` as a JSON array, epoch milliseconds. A hire is archived as "Hired" at
-- hired_at, a rejection with its reason at rejected_at. Quirks of real exports: every 10th opportunity
-- keeps its stage changes only in the `stageChanges` JSON text (and every 10th + 5 in both places), and
-- every 40th candidate was first a sourced lead with no posting — an opportunity the adapter leaves out.
WITH apps AS (
  SELECT a.*, regexp_extract(a.application_id, '\d+')::BIGINT AS n, r.reason
  FROM c_applications a JOIN c_lever_reasons r USING (application_id)
), stage_index AS (
  SELECT stage, row_number() OVER (ORDER BY avg(pos), stage) AS idx FROM (
    SELECT stage, row_number() OVER (PARTITION BY application_id ORDER BY entered_at) AS pos FROM c_stage_history
  ) GROUP BY stage
), changes AS (
  SELECT h.application_id, to_json(list({
      'toStageId': regexp_replace(md5('stage:' || h.stage), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5'),
      'toStageIndex': i.idx,
      'updatedAt': epoch_ms(h.entered_at),
      'userId': regexp_replace(md5('user:' || (regexp_extract(h.application_id, '\d+')::BIGINT % 7)), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5')
    } ORDER BY h.entered_at))::VARCHAR AS stage_changes
  FROM c_stage_history h JOIN stage_index i USING (stage)
  WHERE regexp_extract(h.application_id, '\d+')::BIGINT % 5 = 0
  GROUP BY h.application_id
), rows AS (
  SELECT
    'opportunity:' || a.application_id AS key,
    'contact:' || a.candidate_id AS contact,
    epoch_ms(a.applied_at) AS createdAt,
    CASE a.source_type WHEN 'referral' THEN 'referred' WHEN 'sourced' THEN 'sourced' WHEN 'agency' THEN 'agency'
      WHEN 'university' THEN 'university' ELSE 'applied' END AS origin,
    CASE WHEN a.source IS NOT NULL THEN to_json([a.source])::VARCHAR END AS sources,
    CASE WHEN a.reason IS NOT NULL THEN regexp_replace(md5('archive_reason:' || a.reason), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5') END AS archived_reason,
    epoch_ms(coalesce(a.hired_at, a.rejected_at)) AS archived_archivedAt,
    c.stage_changes AS stageChanges
  FROM apps a
  LEFT JOIN changes c USING (application_id)
  UNION ALL
  SELECT 'lead:' || a.application_id, 'contact:' || a.candidate_id, epoch_ms(a.applied_at - INTERVAL 3 DAY), 'sourced',
    to_json(['LinkedIn'])::VARCHAR, NULL, NULL, NULL
  FROM apps a WHERE a.n % 40 = 0
)
SELECT
  regexp_replace(md5(key), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5') AS id,
  regexp_replace(md5(contact), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5') AS contact,
  createdAt, origin, sources, archived_reason, archived_archivedAt, stageChanges
FROM rows
ORDER BY id
