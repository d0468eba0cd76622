-- Parsing rules shared by every staged file (DESIGN §2). Temporary macros: they live on the ingest
-- connection only and are never written to the warehouse file.
--
-- Timestamps: ISO 8601 date (`2026-03-04`), date-time with `T` or space, optional seconds and
-- fraction, optional `Z`, ` UTC` or +hh:mm / +hhmm / +hh offset; or epoch milliseconds (11 to 13 digits,
-- i.e. 1973..2286). A value without an offset is read in the session time zone (the organisation's,
-- default UTC). Anything else, including impossible dates such as 2026-02-30 and words such as
-- `yesterday`, `epoch` or `infinity`, is NULL here and quarantined by the caller.
--
-- The shape every generator and most exports write (2026-03-04T10:00:00Z) skips the regular expression:
-- LIKE and a leading digit are cheaper than it (BENCHMARKS.md, "Figures behind the code"), and the cast
-- itself refuses a non-digit anywhere in the fields, so the result is the same as through the expression.
CREATE OR REPLACE TEMP MACRO hs_ts(v) AS
  CASE
    WHEN v LIKE '____-__-__T__:__:__Z' AND ascii(v) BETWEEN 48 AND 57
      THEN try_cast(v AS TIMESTAMPTZ)
    WHEN regexp_full_match(v, '\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?(Z|z| UTC|[+-]\d{2}(:?\d{2})?)?')
      THEN try_cast(v AS TIMESTAMPTZ)
    WHEN regexp_full_match(v, '\d{11,13}')
      THEN timezone('UTC', epoch_ms(v::BIGINT))
  END;

-- Vendor exports (Greenhouse Data Lake, ...) write UTC date-times without an offset: read those as UTC,
-- whatever the organisation's zone. A bare date stays a calendar date of the organisation.
CREATE OR REPLACE TEMP MACRO hs_ts_utc(v) AS
  CASE
    WHEN regexp_full_match(v, '\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?') THEN hs_ts(v || 'Z')
    ELSE hs_ts(v)
  END;

-- Booleans as vendors write them: true/false, t/f, yes/no, y/n, 1/0 (any case).
CREATE OR REPLACE TEMP MACRO hs_bool(v) AS
  CASE
    WHEN lower(v) IN ('true', 't', 'yes', 'y', '1') THEN true
    WHEN lower(v) IN ('false', 'f', 'no', 'n', '0') THEN false
  END;

-- Dates: the date part of any accepted timestamp, in the session time zone.
CREATE OR REPLACE TEMP MACRO hs_date(v) AS
  CASE
    WHEN regexp_full_match(v, '\d{4}-\d{2}-\d{2}') THEN try_cast(v AS DATE)
    ELSE hs_ts(v)::DATE
  END;

-- Plain decimal numbers: no thousands separators, no currency signs, no NaN or infinity (1e400
-- overflows to infinity and is refused too).
CREATE OR REPLACE TEMP MACRO hs_num(v) AS
  CASE WHEN regexp_full_match(v, '[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,3})?') AND isfinite(try_cast(v AS DOUBLE))
    THEN try_cast(v AS DOUBLE) END;

CREATE OR REPLACE TEMP MACRO hs_int(v) AS
  CASE WHEN regexp_full_match(v, '[+-]?\d{1,9}') THEN try_cast(v AS INTEGER) END;

-- An instant as ISO 8601 UTC text, for JSON output (no Date objects cross into JS).
CREATE OR REPLACE TEMP MACRO hs_iso(ts) AS strftime(timezone('UTC', ts), '%Y-%m-%dT%H:%M:%SZ');

-- The country part of a vendor location text: the last comma-separated part ("Berlin, Germany" -> Germany).
CREATE OR REPLACE TEMP MACRO hs_location_country(location) AS
  nullif(trim(regexp_extract(location, '[^,]*$')), '');

-- Vendor adapters: an offer still out when its application was rejected is settled by that rejection:
-- the candidate withdrew -> declined; we rejected them, or no reason given -> rescinded. NULL when the
-- application was not rejected (the caller decides: pending, or accepted for a hire).
CREATE OR REPLACE TEMP MACRO hs_offer_settled_by(application_status, rejection_type) AS
  CASE WHEN application_status = 'rejected' THEN CASE WHEN rejection_type = 'withdrew' THEN 'declined' ELSE 'rescinded' END END;

-- Lever adapters (lever, fivetran-lever): Lever says only hired / non-hired, so the rejection type of a
-- non-hired archive reason comes from its text: the default table below, then a text starting with
-- "Withdrew" or "Candidate withdrew/declined" = withdrew; NULL when the text says nothing (the caller
-- applies the config's overrides first and `rejected` last).
CREATE OR REPLACE TEMP MACRO hs_lever_rejection_type(reason_text) AS
  CASE
    -- The candidate ended it.
    WHEN lower(trim(reason_text)) IN ('withdrew', 'withdrawn', 'candidate withdrew', 'offer declined', 'declined offer',
      'accepted another offer', 'counter-offer from current employer', 'counter offer', 'no longer interested',
      'not interested', 'unresponsive', 'personal reasons', 'process too slow', 'relocation') THEN 'withdrew'
    -- Neither side chose it.
    WHEN lower(trim(reason_text)) IN ('duplicate', 'duplicate application', 'position closed', 'position cancelled',
      'position canceled', 'position on hold', 'offer rescinded', 'timing') THEN 'other'
    WHEN regexp_matches(lower(trim(reason_text)), '^(withdrew|withdrawn|candidate (withdrew|declined))') THEN 'withdrew'
  END;

-- Lever's `origin` -> canonical source type: referred -> referral, sourced, agency, university, internal
-- as they are; applied -> job_board for a known job board (the first source), else inbound.
CREATE OR REPLACE TEMP MACRO hs_lever_source_type(origin, source) AS
  CASE lower(trim(origin))
    WHEN 'referred' THEN 'referral'
    WHEN 'applied' THEN CASE
      WHEN lower(source) IN ('linkedin', 'indeed', 'glassdoor', 'ziprecruiter', 'monster', 'dice', 'stepstone', 'xing',
        'seek', 'naukri', 'wellfound', 'angellist', 'otta', 'welcome to the jungle', 'stack overflow jobs') THEN 'job_board'
      ELSE 'inbound' END
    ELSE lower(trim(origin))
  END;

-- Warehouse syncs: a soft-deleted row (Fivetran's `_fivetran_deleted`, a source's own `is_deleted` or
-- `deleted_at`), left out of every derivation.
CREATE OR REPLACE TEMP MACRO hs_soft_deleted(fivetran_deleted, is_deleted, deleted_at) AS
  coalesce(fivetran_deleted, false) OR coalesce(is_deleted, false) OR deleted_at IS NOT NULL;

-- Lever adapters: the canonical status of a Lever offer (`superseded`: a newer offer of the opportunity
-- exists). Lever has no versions, declines or rescinds of its own: signed -> accepted, denied (by the
-- candidate) -> declined; any other status settles with the opportunity (hired -> accepted, archived
-- non-hired -> hs_offer_settled_by, still active -> pending).
CREATE OR REPLACE TEMP MACRO hs_lever_offer_status(superseded, offer_status, application_status, rejection_type) AS
  CASE
    WHEN superseded THEN 'deprecated'
    WHEN offer_status = 'signed' THEN 'accepted'
    WHEN offer_status = 'denied' THEN 'declined'
    WHEN application_status = 'hired' THEN 'accepted'
    ELSE coalesce(hs_offer_settled_by(application_status, rejection_type), 'pending')
  END;

-- Greenhouse rejection reason types by name, any case (Harvest, Airbyte's Harvest v1/v2 records): "We
-- rejected them" / "Security concern" -> rejected, "They rejected us" -> withdrew, "None specified" ->
-- other; NULL for anything else (the caller decides).
CREATE OR REPLACE TEMP MACRO hs_greenhouse_rejection_type(type_name) AS
  CASE lower(trim(type_name))
    WHEN 'we rejected them' THEN 'rejected'
    WHEN 'security concern' THEN 'rejected'
    WHEN 'they rejected us' THEN 'withdrew'
    WHEN 'none specified' THEN 'other'
  END;

-- Greenhouse offer statuses (Data Lake and Harvest v1/v2: unresolved; Harvest v3: Created, any case):
-- accepted, rejected -> declined, deprecated, and an offer not resolved -> settled by its application's
-- rejection (hs_offer_settled_by), else pending. Its resolution: the application's rejected_at for an
-- offer settled so, else the offer's own resolved_at.
CREATE OR REPLACE TEMP MACRO hs_greenhouse_offer_status(status, application_status, rejection_type) AS
  CASE lower(status)
    WHEN 'accepted' THEN 'accepted'
    WHEN 'rejected' THEN 'declined'
    WHEN 'deprecated' THEN 'deprecated'
    WHEN 'unresolved' THEN coalesce(hs_offer_settled_by(application_status, rejection_type), 'pending')
    WHEN 'created' THEN coalesce(hs_offer_settled_by(application_status, rejection_type), 'pending')
  END;
CREATE OR REPLACE TEMP MACRO hs_greenhouse_offer_resolved_at(status, resolved_at, application_status, rejected_at) AS
  CASE WHEN lower(status) IN ('unresolved', 'created') AND application_status = 'rejected' THEN rejected_at ELSE resolved_at END;

-- DESIGN §4 population (pay bands, issue 19 pay-gap report): per employee, the latest compensation row
-- with effective_date <= as_of; a row without a date counts as current and wins over dated rows.
CREATE OR REPLACE TEMP MACRO hs_current_compensation(as_of) AS TABLE
  SELECT *
  FROM compensation
  WHERE effective_date IS NULL OR effective_date <= as_of
  QUALIFY row_number() OVER (PARTITION BY employee_id ORDER BY effective_date DESC NULLS FIRST, _file_id DESC) = 1;
