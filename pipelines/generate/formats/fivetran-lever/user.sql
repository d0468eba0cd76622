-- Fivetran's Lever `user` (seed layout of fivetran/dbt_lever_source, issue 18): the staff who own postings
-- and requisitions. No e-mail, photo or username is written (hirescope never reads them).
SELECT hs_uuid('user:' || u.name) AS id, false AS _fivetran_deleted, hs_sync_ts(e.taken_at) AS _fivetran_synced,
  'team member' AS access_role, '2024-01-02 09:00:00.000' AS created_at, NULL AS deactivated_at, NULL AS email,
  NULL AS external_directory_id, u.name, NULL AS photo, NULL AS username
FROM (SELECT recruiter AS name FROM c_jobs UNION SELECT hiring_manager FROM c_jobs) u
CROSS JOIN c_export e
WHERE u.name IS NOT NULL
ORDER BY id
