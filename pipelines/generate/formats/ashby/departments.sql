SELECT regexp_replace(md5('department:' || department), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5') AS id, department AS name, false AS "isArchived", NULL::VARCHAR AS "parentId"
FROM (SELECT DISTINCT department FROM c_jobs WHERE department IS NOT NULL)
ORDER BY id
