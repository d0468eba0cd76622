-- Country names and codes for vendor location texts ("Berlin, Germany" -> DE): the shipped reference
-- tables (ISO 3166 codes, English names, aliases), keyed by lower-case text.
CREATE OR REPLACE TEMP TABLE vendor_countries AS
SELECT DISTINCT key, code FROM (
  SELECT lower(code) AS key, code FROM read_csv($regions, header = true, auto_detect = false,
    columns = {'code': 'VARCHAR', 'name': 'VARCHAR', 'region': 'VARCHAR', 'source': 'VARCHAR'})
  UNION ALL
  SELECT lower(name), code FROM read_csv($regions, header = true, auto_detect = false,
    columns = {'code': 'VARCHAR', 'name': 'VARCHAR', 'region': 'VARCHAR', 'source': 'VARCHAR'})
  UNION ALL
  SELECT lower(alias), code FROM read_csv($aliases, header = true, auto_detect = false,
    columns = {'alias': 'VARCHAR', 'code': 'VARCHAR', 'source': 'VARCHAR'})
);
