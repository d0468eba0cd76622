-- Workable jobs -> canonical jobs, keyed by the shortcode (the job key candidates carry). Office: the
-- job's city; country: the configured override for that office, else the location's ISO code, else the
-- country named in the location (name, or the end of location_str: "Berlin, Germany" -> DE), else that
-- text. State: published -> open, closed and archived -> closed, others (draft) as written. Workable
-- keeps no closing date. A shortcode that candidates name but no jobs file lists still becomes a job,
-- with the title the candidates carry (no department, country or level: region Other).
SELECT * FROM (
  SELECT
    j.shortcode AS job_id,
    j.title,
    j.department,
    j.role_family,
    j.level,
    j.location_city AS office,
    coalesce(ov.country, code.code, named.code, located.code, upper(j.location_country_code), j.location_country,
             hs_location_country(j.location_str)) AS country,
    CASE lower(trim(j.state)) WHEN 'published' THEN 'open' WHEN 'closed' THEN 'closed' WHEN 'archived' THEN 'closed'
      ELSE lower(trim(j.state)) END AS status,
    j.created_at AS opened_at,
    NULL::TIMESTAMPTZ AS closed_at,
    j._file_id,
    NULL::VARCHAR AS _excluded
  FROM workable_jobs j
  LEFT JOIN (SELECT office, arg_max(country, office) AS country FROM vendor_office_countries GROUP BY office) ov
    ON ov.office = j.location_city
  LEFT JOIN (SELECT key, min(code) AS code FROM vendor_countries GROUP BY key) code ON code.key = lower(trim(j.location_country_code))
  LEFT JOIN (SELECT key, min(code) AS code FROM vendor_countries GROUP BY key) named ON named.key = lower(trim(j.location_country))
  LEFT JOIN (SELECT key, min(code) AS code FROM vendor_countries GROUP BY key) located
    ON located.key = lower(hs_location_country(j.location_str))
  UNION ALL
  SELECT
    c.job_shortcode, arg_max(c.job_title, c.created_at), NULL, NULL, NULL, NULL, NULL, NULL, min(c.created_at), NULL,
    min(c._file_id), NULL
  FROM workable_candidates c
  WHERE c.job_shortcode IS NOT NULL AND c.job_shortcode NOT IN (SELECT shortcode FROM workable_jobs)
  GROUP BY c.job_shortcode
)
