-- Fivetran's Lever `posting` -> canonical jobs. Title = `text`; department, role family (the posting's
-- team), level and location from the flattened `categories_*` columns. Office: the location without its
-- country ("Berlin, Germany" -> Berlin) when the last part names a country, else the whole location.
-- Country: the configured override for the location or the office, else the country named at the end of
-- the location, else that text. A closed posting closed at its last update (Lever has no closing date).
-- A soft-deleted posting is left out ('posting deleted'), and its openings and applications with it.
-- Owners (issue 18): recruiter = the posting's owner_id; hiring manager = the posting's hiring_manager_id
-- when synced, else that of its first live requisition (requisition_posting, lowest requisition id);
-- named from `user` (else the user id).
WITH managers AS (
  SELECT b.posting_id, arg_min(r.hiring_manager_id, r.id) AS hiring_manager_id
  FROM fivetran_lever_requisition_posting b
  JOIN fivetran_lever_requisition r ON r.id = b.requisition_id AND NOT hs_soft_deleted(r._fivetran_deleted, r.is_deleted, r.deleted_at)
  WHERE NOT hs_soft_deleted(b._fivetran_deleted, b.is_deleted, b.deleted_at) AND r.hiring_manager_id IS NOT NULL
  GROUP BY b.posting_id
)
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
  coalesce(nullif(trim(uo.name), ''), p.owner_id) AS recruiter,
  coalesce(nullif(trim(um.name), ''), coalesce(p.hiring_manager_id, m.hiring_manager_id)) AS hiring_manager,
  p._file_id,
  CASE WHEN hs_soft_deleted(p._fivetran_deleted, p.is_deleted, p.deleted_at) THEN 'posting deleted' END AS _excluded
FROM fivetran_lever_posting p
LEFT JOIN managers m ON m.posting_id = p.id
LEFT JOIN fivetran_lever_user uo ON uo.id = p.owner_id
LEFT JOIN fivetran_lever_user um ON um.id = coalesce(p.hiring_manager_id, m.hiring_manager_id)
LEFT JOIN vendor_countries c ON c.key = lower(hs_location_country(p.categories_location))
LEFT JOIN (SELECT office, arg_max(country, office) AS country FROM vendor_office_countries GROUP BY office) ov
  ON ov.office = p.categories_location
  OR ov.office = CASE WHEN c.code IS NOT NULL AND p.categories_location LIKE '%,%'
    THEN trim(regexp_replace(p.categories_location, ',[^,]*$', '')) END
QUALIFY row_number() OVER (PARTITION BY p.id ORDER BY (ov.office = p.categories_location) DESC NULLS LAST) = 1
