SELECT row_number() OVER (ORDER BY rejection_reason, rejection_type) AS id, rejection_reason AS name,
  CASE rejection_type WHEN 'rejected' THEN 'We rejected them' WHEN 'withdrew' THEN 'They rejected us' ELSE 'None Specified' END AS type
FROM (SELECT DISTINCT rejection_reason, rejection_type FROM c_applications WHERE rejection_reason IS NOT NULL)
ORDER BY id
