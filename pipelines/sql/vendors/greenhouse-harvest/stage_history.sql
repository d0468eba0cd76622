-- Greenhouse Harvest v3 application_stages -> canonical stage stays. The stage name comes from
-- job_interview_stages through job_interview_stage_id (a stay whose stage is not in that file has no
-- stage and is left out, counted). Rows without entered_at (partially backfilled history) are left out.
-- The last stay of a rejected or hired application is closed at its rejected_at / hired_at when Harvest
-- still shows it as the current stage (exited_at empty). Stays of applications that were left out
-- (prospects...) go with them. Two rows for the same application, stage and entry are one stay.
WITH stays AS (
  SELECT
    s.*,
    row_number() OVER (PARTITION BY s.application_id ORDER BY s.entered_at DESC NULLS LAST, s.id DESC) AS from_last
  FROM greenhouse_harvest_application_stages s
), rows AS (
  SELECT
    s.application_id,
    j.name AS stage,
    s.entered_at,
    coalesce(
      s.exited_at,
      CASE WHEN s.from_last = 1 AND a.status = 'rejected' AND a.rejected_at >= s.entered_at THEN a.rejected_at
           WHEN s.from_last = 1 AND a.status = 'hired' AND a.hired_at >= s.entered_at THEN a.hired_at END
    ) AS exited_at,
    s._file_id,
    CASE
      WHEN s.entered_at IS NULL THEN 'stage never entered'
      WHEN a.application_id IS NULL THEN 'application left out'
    END AS _excluded
  FROM stays s
  LEFT JOIN greenhouse_harvest_job_interview_stages j ON j.id = s.job_interview_stage_id
  LEFT JOIN vd_applications a ON a.application_id = s.application_id
)
SELECT application_id, stage, entered_at, max(exited_at) AS exited_at, min(_file_id) AS _file_id, _excluded
FROM rows
GROUP BY application_id, stage, entered_at, _excluded
