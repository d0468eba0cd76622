-- Fivetran's Lever `posting` -> canonical jobs. Title = `text`; department, role family (the posting's
-- team), level and location from the flattened `categories_*` columns. Office: the location without its
-- country ("Berlin, Germany" -> Berlin) when the last part names a country, else the whole location.
-- Country: the configured override for the location or the office, else the country named at the end of
-- the location, else that text. A closed posting closed at its last update (Lever has no closing date).
-- A soft-deleted posting is left out ('posting deleted'), and its openings and applications with it.
SELECT
  p.id AS job_id,
  p.text AS title,
  p.categories_department AS department,
  p.categories_team AS role_family,
  p.categories_level AS level,
  CASE WHEN c.code IS NOT NULL AND p.categories_location LIKE '%,%'
    THEN trim(regexp_replace(p.categories_location, ',[^,]*$', '')) ELSE p.categories_location END AS office,
  coalesce(ov.country, c.code, hs_location_country(p.categories_location)) AS country,
  CASE lower(p.state) WHEN 'published' THEN 'open' WHEN 'internal' THEN 'open' ELSE lower(p.state) END AS status,
  p.created_at AS opened_at,
  CASE WHEN lower(p.state) = 'closed' THEN p.updated_at END AS closed_at,
  p._file_id,
  CASE WHEN hs_soft_deleted(p._fivetran_deleted, p.is_deleted, p.deleted_at) THEN 'posting deleted' END AS _excluded
FROM fivetran_lever_posting p
LEFT JOIN vendor_countries c ON c.key = lower(hs_location_country(p.categories_location))
LEFT JOIN (SELECT office, arg_max(country, office) AS country FROM vendor_office_countries GROUP BY office) ov
  ON ov.office = p.categories_location
  OR ov.office = CASE WHEN c.code IS NOT NULL AND p.categories_location LIKE '%,%'
    THEN trim(regexp_replace(p.categories_location, ',[^,]*$', '')) END
QUALIFY row_number() OVER (PARTITION BY p.id ORDER BY (ov.office = p.categories_location) DESC NULLS LAST) = 1
