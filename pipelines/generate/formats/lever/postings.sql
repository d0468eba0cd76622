-- Lever `postings` with `categories` flattened: department, team (the role family), level, location as
-- "City, Country" in English, commitment; the posting owner (the recruiter) and hiring manager as user ids
-- (users.sql names them). A closed posting was last updated when it closed.
SELECT
  regexp_replace(md5('posting:' || j.job_id), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5') AS id,
  j.title AS text,
  CASE j.status WHEN 'closed' THEN 'closed' ELSE 'published' END AS state,
  epoch_ms(j.opened_at) AS createdAt,
  epoch_ms(coalesce(j.closed_at, j.opened_at)) AS updatedAt,
  j.department AS categories_department,
  j.role_family AS categories_team,
  j.office || ', ' || coalesce(c.name, j.country) AS categories_location,
  j.level AS categories_level,
  'Full-time' AS categories_commitment,
  hs_uuid('user:' || j.recruiter) AS owner,
  hs_uuid('user:' || j.hiring_manager) AS hiringManager
FROM c_jobs j
LEFT JOIN ref_countries c ON c.code = j.country
ORDER BY id
