-- The counting offer (latest version) of each filtered application, with its onsite end for offer speed.
CREATE OR REPLACE TEMP TABLE f_offers AS
SELECT o.*, a.source, a.applied_date
FROM stg_offers_latest o
JOIN f_applications a USING (application_id);
