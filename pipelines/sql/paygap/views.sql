-- Issue 19: the views of one call (pg_views): view_id with its region and department filters (NULL = not
-- filtered), from $views, a JSON list of {view_id, region, department}. One view for a report; the company
-- and every region / department / region x department for the snapshot's pay_gap.json. Names only.
CREATE OR REPLACE TEMP TABLE pg_views AS
SELECT unnest(from_json($views::VARCHAR, '[{"view_id": "INTEGER", "region": "VARCHAR", "department": "VARCHAR"}]'), recursive := true);
