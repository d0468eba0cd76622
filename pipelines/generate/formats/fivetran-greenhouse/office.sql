-- Fivetran Greenhouse `office`: location_name is free text, "City, Country" in English.
SELECT row_number() OVER (ORDER BY o.office, o.country) AS id, false AS _fivetran_deleted, '2026-10-01 06:00:00.000' AS _fivetran_synced,
  NULL::VARCHAR AS external_id, o.office || ', ' || coalesce(c.name, o.country) AS location_name, o.office AS name,
  NULL::BIGINT AS parent_id, NULL::BIGINT AS primary_contact_user_id
FROM (SELECT DISTINCT office, country FROM c_jobs WHERE office IS NOT NULL) o
LEFT JOIN ref_countries c ON c.code = o.country
ORDER BY id
