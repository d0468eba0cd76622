-- Greenhouse application_stages -> canonical stage stays. Data Lake lists every stage of the job's
-- plan for each application: rows without entered_on are stages never reached, left out. Repeated rows
-- are removed (one stay per application, stage and entry; the latest exit wins). Stays of applications
-- that were left out (prospects...) go with them.
SELECT * FROM (
  SELECT
    s.application_id,
    s.stage_name AS stage,
    s.entered_on AS entered_at,
    max(s.exited_on) AS exited_at,
    min(s._file_id) AS _file_id,
    CASE
      WHEN s.entered_on IS NULL THEN 'stage never reached'
      WHEN a.application_id IS NULL THEN 'application left out'
    END AS _excluded
  FROM greenhouse_application_stages s
  LEFT JOIN vd_applications a ON a.application_id = s.application_id
  GROUP BY ALL
)
