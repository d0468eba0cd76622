SELECT regexp_replace(md5('close-reason:' || close_reason), '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\1-\2-\3-\4-\5') AS id, close_reason AS "reasonText", false AS "isArchived"
FROM (SELECT DISTINCT close_reason FROM c_openings WHERE close_reason IS NOT NULL)
ORDER BY id
