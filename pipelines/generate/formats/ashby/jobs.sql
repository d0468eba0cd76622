-- Ashby job.list: status Open / Closed, department and location by id; level and role family stand for
-- job custom fields flattened by title (customFields_Level, customFields_Role Family); hiringTeam (issue 18)
-- as JSON text, the recruiter and the hiring manager.
SELECT
  regexp_replace(md5('job:' || job_id), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5') AS id,
  title,
  upper(status[1]) || status[2:] AS status,
  'FullTime' AS "employmentType",
  CASE WHEN department IS NOT NULL THEN regexp_replace(md5('department:' || department), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5') END AS "departmentId",
  CASE WHEN office IS NOT NULL THEN regexp_replace(md5('location:' || office || ':' || coalesce(country, '')), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5') END AS "locationId",
  strftime(opened_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS "openedAt",
  strftime(closed_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS "closedAt",
  level AS "customFields_Level",
  role_family AS "customFields_Role Family",
  to_json([
    {'userId': hs_uuid('user:' || recruiter), 'firstName': split_part(recruiter, ' ', 1),
     'lastName': trim(substr(recruiter, length(split_part(recruiter, ' ', 1)) + 1)), 'role': 'Recruiter'},
    {'userId': hs_uuid('user:' || hiring_manager), 'firstName': split_part(hiring_manager, ' ', 1),
     'lastName': trim(substr(hiring_manager, length(split_part(hiring_manager, ' ', 1)) + 1)), 'role': 'Hiring Manager'}
  ])::VARCHAR AS "hiringTeam"
FROM c_jobs
ORDER BY id
