-- Fivetran Greenhouse `rejection_reason` (the Harvest object flattened: type.name -> type_name): "We
-- rejected them" (rejected), "They rejected us" (withdrew), "None specified" (other).
SELECT row_number() OVER (ORDER BY rejection_reason, rejection_type) AS id, false AS _fivetran_deleted, '2026-10-01 06:00:00.000' AS _fivetran_synced,
  rejection_reason AS name,
  CASE rejection_type WHEN 'rejected' THEN 1 WHEN 'withdrew' THEN 2 ELSE 3 END AS type_id,
  CASE rejection_type WHEN 'rejected' THEN 'We rejected them' WHEN 'withdrew' THEN 'They rejected us' ELSE 'None specified' END AS type_name
FROM (SELECT DISTINCT rejection_reason, rejection_type FROM c_applications WHERE rejection_reason IS NOT NULL)
ORDER BY id
