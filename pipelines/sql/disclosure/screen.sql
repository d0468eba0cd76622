-- Free-text screening at ingest (issue 15): a value of a dimension column (source, department, office,
-- stage, reasons) that looks like an e-mail address, a phone number or a URL / @handle naming a person
-- is stored as hs_redacted(), and counted on the Data quality page. Temporary macros of this connection.
CREATE OR REPLACE TEMP MACRO hs_redacted() AS 'Other (redacted)';
CREATE OR REPLACE TEMP MACRO hs_screen(v) AS
  CASE
    WHEN v IS NULL THEN NULL
    -- e-mail: name@domain.tld
    WHEN regexp_matches(v, '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}') THEN hs_redacted()
    -- phone: seven or more digits, single spaces, dots, dashes or brackets between them, optional +
    -- (ISO dates such as 2026-03-04 taken out first: a career fair's date is not a phone number)
    WHEN regexp_matches(regexp_replace(v, '\b\d{4}-\d{2}-\d{2}\b', '', 'g'), '\+?\(?\d([ ().-]{0,2}\d){6,}') THEN hs_redacted()
    -- a profile URL: a social site with a path, or any URL whose path is /in/x, /@x, /~x, /u/x, /user(s)/x, /people/x
    WHEN regexp_matches(lower(v), '(linkedin\.com|twitter\.com|(^|[^a-z0-9.])x\.com|github\.com|facebook\.com|instagram\.com|tiktok\.com|medium\.com|threads\.net|bsky\.app)/[^\s/?#]+')
      THEN hs_redacted()
    WHEN regexp_matches(lower(v), '(https?://|www\.)[^\s]*/(in|@|~|u|user|users|people|profile)/?[a-z0-9_.~@-]+') THEN hs_redacted()
    WHEN regexp_matches(v, '(https?://|www\.)[^\s]*/[@~][A-Za-z0-9_.-]+') THEN hs_redacted()
    -- a bare social handle: @name
    WHEN regexp_matches(v, '(^|[\s(])@[A-Za-z0-9_.]{2,}') THEN hs_redacted()
    ELSE v
  END;
