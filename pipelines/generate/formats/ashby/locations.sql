-- Ashby location.list: the office as the location's name, its country (English name) in the address.
SELECT regexp_replace(md5('location:' || o.office || ':' || coalesce(o.country, '')), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5') AS id, o.office AS name, false AS "isArchived",
  coalesce(c.name, o.country) AS "address_postalAddress_addressCountry", o.office AS "address_postalAddress_addressLocality",
  NULL::VARCHAR AS "parentLocationId"
FROM (SELECT DISTINCT office, country FROM c_jobs WHERE office IS NOT NULL) o
LEFT JOIN ref_countries c ON c.code = o.country
ORDER BY id
