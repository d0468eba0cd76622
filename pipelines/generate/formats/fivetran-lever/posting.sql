-- Fivetran's Lever `posting` (seed layout of fivetran/dbt_lever_source, without the content_* HTML):
-- categories flattened (department, team = role family, level, location as "City, Country" in English).
-- A closed posting was last updated when it closed. owner_id: the recruiter (issue 18; user.sql names them). Besides: one posting soft-deleted in Lever
-- (`_fivetran_deleted`), with opportunities and a requisition of its own (see opportunity.sql,
-- requisition.sql): the adapter leaves it out with everything under it.
SELECT
  hs_uuid('posting:' || j.job_id) AS id,
  false AS _fivetran_deleted,
  hs_sync_ts(e.taken_at) AS _fivetran_synced,
  'Full-time' AS categories_commitment,
  j.department AS categories_department,
  j.level AS categories_level,
  j.office || ', ' || coalesce(c.name, j.country) AS categories_location,
  j.role_family AS categories_team,
  hs_sync_ts(j.opened_at) AS created_at,
  CASE j.status WHEN 'closed' THEN 'closed' ELSE 'published' END AS state,
  j.title AS text,
  hs_sync_ts(coalesce(j.closed_at, j.opened_at)) AS updated_at,
  hs_uuid('user:' || j.recruiter) AS owner_id
FROM c_jobs j
LEFT JOIN ref_countries c ON c.code = j.country
CROSS JOIN c_export e
UNION ALL
SELECT hs_uuid('posting:deleted'), true, hs_sync_ts(e.taken_at), 'Full-time', 'Engineering', 'Senior', 'Berlin, Germany',
  'engineering', hs_sync_ts(e.taken_at - INTERVAL 90 DAY), 'published', 'Backend Engineer (posted twice)', hs_sync_ts(e.taken_at - INTERVAL 2 DAY),
  NULL
FROM c_export e
ORDER BY id
