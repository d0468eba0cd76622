-- Lever `users` (GET /users, issue 18): the staff who own postings, named; accessRole as Lever writes it.
SELECT hs_uuid('user:' || name) AS id, name, 'team member' AS accessRole
FROM (SELECT recruiter AS name FROM c_jobs UNION SELECT hiring_manager FROM c_jobs)
WHERE name IS NOT NULL
ORDER BY id
