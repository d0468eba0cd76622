-- Greenhouse Harvest v3 `offices`: location is a free-text string, "City, Country" in English.
SELECT row_number() OVER (ORDER BY o.office, o.country) AS id, o.office AS name,
  o.office || ', ' || coalesce(c.name, o.country) AS location, NULL::BIGINT AS parent_id, NULL::VARCHAR AS external_id
FROM (SELECT DISTINCT office, country FROM c_jobs WHERE office IS NOT NULL) o
LEFT JOIN ref_countries c ON c.code = o.country
ORDER BY id
