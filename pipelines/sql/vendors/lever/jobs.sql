-- Lever postings -> canonical jobs. Title = `text`; department, role family (the posting's team), level
-- and location from `categories` (flattened columns, else the `categories` JSON text of a JSON lines
-- export). Office: the location without its country ("Berlin, Germany" -> Berlin) when the last part
-- names a country, else the whole location. Country: the configured override for the location or the
-- office, else the posting's `country` code, else the country named at the end of the location, else
-- that text. Lever has no closing date for a posting: a closed posting closed at its last update.
-- Owners (issue 18): recruiter = the posting's owner, hiring manager = its hiringManager, named from the
-- users export (else the user id).
WITH p AS (
  SELECT
    p.*,
    CASE WHEN json_valid(p.categories) THEN p.categories END AS cats
  FROM lever_postings p
), located AS (
  SELECT
    p.*,
    coalesce(p.categories_department, json_extract_string(p.cats, '$.department')) AS department,
    coalesce(p.categories_team, json_extract_string(p.cats, '$.team')) AS team,
    coalesce(p.categories_level, json_extract_string(p.cats, '$.level')) AS level,
    coalesce(p.categories_location, json_extract_string(p.cats, '$.location')) AS location
  FROM p
)
SELECT
  p.id AS job_id,
  p.text AS title,
  p.department,
  p.team AS role_family,
  p.level,
  CASE WHEN c.code IS NOT NULL AND p.location LIKE '%,%' THEN trim(regexp_replace(p.location, ',[^,]*$', '')) ELSE p.location END AS office,
  coalesce(ov.country, pc.code, c.code, p.country, hs_location_country(p.location)) AS country,
  CASE lower(p.state) WHEN 'published' THEN 'open' WHEN 'internal' THEN 'open' ELSE lower(p.state) END AS status,
  p.createdAt AS opened_at,
  CASE WHEN lower(p.state) = 'closed' THEN p.updatedAt END AS closed_at,
  coalesce(nullif(trim(ro.name), ''), p.owner) AS recruiter,
  coalesce(nullif(trim(rm.name), ''), p.hiringManager) AS hiring_manager,
  p._file_id,
  NULL::VARCHAR AS _excluded
FROM located p
LEFT JOIN lever_users ro ON ro.id = p.owner
LEFT JOIN lever_users rm ON rm.id = p.hiringManager
LEFT JOIN vendor_countries c ON c.key = lower(hs_location_country(p.location))
LEFT JOIN vendor_countries pc ON pc.key = lower(trim(p.country))
LEFT JOIN (SELECT office, arg_max(country, office) AS country FROM vendor_office_countries GROUP BY office) ov
  ON ov.office = p.location
  OR ov.office = CASE WHEN c.code IS NOT NULL AND p.location LIKE '%,%' THEN trim(regexp_replace(p.location, ',[^,]*$', '')) END
QUALIFY row_number() OVER (PARTITION BY p.id ORDER BY (ov.office = p.location) DESC NULLS LAST) = 1
