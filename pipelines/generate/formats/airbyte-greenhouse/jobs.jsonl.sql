-- Airbyte Greenhouse source, `jobs` stream (Airbyte destination wrapper): Harvest v1 job objects with
-- their departments [{id, name}], offices [{id, name, location: {name: "City, Country"}}] and openings
-- [{id, opening_id, status, opened_at, closed_at, application_id (the hire), close_reason {id, name}}]
-- embedded, level and role family as job custom fields (name_key `level`, `role_family`).
WITH departments AS (
  SELECT department, row_number() OVER (ORDER BY department) AS id FROM (SELECT DISTINCT department FROM c_jobs WHERE department IS NOT NULL)
), offices AS (
  SELECT o.office, o.country, row_number() OVER (ORDER BY o.office, o.country) AS id, o.office || ', ' || coalesce(c.name, o.country) AS location
  FROM (SELECT DISTINCT office, country FROM c_jobs WHERE office IS NOT NULL) o LEFT JOIN ref_countries c ON c.code = o.country
), reasons AS (
  SELECT close_reason, row_number() OVER (ORDER BY close_reason) AS id FROM (SELECT DISTINCT close_reason FROM c_openings WHERE close_reason IS NOT NULL)
), openings AS (
  SELECT o.job_id, list({
    'id': regexp_extract(o.opening_id, '\d+')::BIGINT,
    'opening_id': upper(o.opening_id),
    'status': CASE WHEN o.closed_at IS NULL THEN 'open' ELSE 'closed' END,
    'opened_at': strftime(o.opened_at, '%Y-%m-%dT%H:%M:%S.%gZ'),
    'closed_at': strftime(o.closed_at, '%Y-%m-%dT%H:%M:%S.%gZ'),
    'application_id': regexp_extract(o.hired_application_id, '\d+')::BIGINT,
    'close_reason': CASE WHEN r.id IS NOT NULL THEN {'id': r.id, 'name': o.close_reason} END
  } ORDER BY o.opening_id) AS openings
  FROM c_openings o LEFT JOIN reasons r USING (close_reason)
  GROUP BY o.job_id
), people AS (
  SELECT name, row_number() OVER (ORDER BY name) AS rank
  FROM (SELECT recruiter AS name FROM c_jobs UNION SELECT hiring_manager FROM c_jobs) WHERE name IS NOT NULL
), records AS (
  SELECT
    regexp_extract(j.job_id, '\d+')::BIGINT AS id,
    j.title AS name,
    'REQ-' || regexp_extract(j.job_id, '\d+') AS requisition_id,
    j.status,
    j.opened_at,
    j.closed_at,
    CASE WHEN d.id IS NOT NULL THEN [{'id': d.id, 'name': j.department, 'parent_id': NULL::BIGINT}] ELSE [] END AS departments,
    CASE WHEN o.id IS NOT NULL THEN [{'id': o.id, 'name': j.office, 'location': {'name': o.location}}] ELSE [] END AS offices,
    coalesce(p.openings, []) AS openings,
    {'level': j.level, 'role_family': j.role_family} AS custom_fields,
    -- Issue 18: the hiring team as Harvest v1 writes it (users with ids; the recruiter is responsible).
    {
      'hiring_managers': [{'id': 5000 + hm.rank, 'first_name': split_part(j.hiring_manager, ' ', 1),
        'last_name': trim(substr(j.hiring_manager, length(split_part(j.hiring_manager, ' ', 1)) + 1)), 'name': j.hiring_manager,
        'employee_id': NULL::VARCHAR, 'responsible': false}],
      'recruiters': [{'id': 5000 + rc.rank, 'first_name': split_part(j.recruiter, ' ', 1),
        'last_name': trim(substr(j.recruiter, length(split_part(j.recruiter, ' ', 1)) + 1)), 'name': j.recruiter,
        'employee_id': NULL::VARCHAR, 'responsible': true}],
      'coordinators': [], 'sourcers': []
    } AS hiring_team
  FROM c_jobs j
  LEFT JOIN people hm ON hm.name = j.hiring_manager
  LEFT JOIN people rc ON rc.name = j.recruiter
  LEFT JOIN departments d USING (department)
  LEFT JOIN offices o ON o.office = j.office AND o.country IS NOT DISTINCT FROM j.country
  LEFT JOIN openings p USING (job_id)
)
SELECT
  md5('jobs:' || id)[1:8] || '-' || md5('jobs:' || id)[9:12] || '-' || md5('jobs:' || id)[13:16] || '-'
    || md5('jobs:' || id)[17:20] || '-' || md5('jobs:' || id)[21:32] AS _airbyte_ab_id,
  1790000000000 AS _airbyte_emitted_at,
  {
    'id': id,
    'name': name,
    'requisition_id': requisition_id,
    'confidential': false,
    'is_template': false,
    'status': status,
    'created_at': strftime(opened_at, '%Y-%m-%dT%H:%M:%S.%gZ'),
    'opened_at': strftime(opened_at, '%Y-%m-%dT%H:%M:%S.%gZ'),
    'closed_at': strftime(closed_at, '%Y-%m-%dT%H:%M:%S.%gZ'),
    'departments': departments,
    'offices': offices,
    'openings': openings,
    'custom_fields': custom_fields,
    'hiring_team': hiring_team
  } AS _airbyte_data
FROM records
ORDER BY id
