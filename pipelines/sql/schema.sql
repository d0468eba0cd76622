-- Canonical tables (DESIGN §2) and the ingest ledger. Every statement is idempotent: this file runs on
-- every open. Timestamps are TIMESTAMPTZ (an instant; stored in UTC), dates are DATE. `_file_id` points
-- at the ledger row of the file that loaded the row, so every row can be traced to its export.

CREATE SEQUENCE IF NOT EXISTS ingest_run_seq START 1;
CREATE SEQUENCE IF NOT EXISTS ingest_file_seq START 1;

CREATE TABLE IF NOT EXISTS ingest_runs (
  run_id       INTEGER PRIMARY KEY,
  command      VARCHAR NOT NULL,
  started_at   TIMESTAMPTZ NOT NULL,
  finished_at  TIMESTAMPTZ,
  status       VARCHAR NOT NULL,          -- running | ok | failed
  files        INTEGER NOT NULL DEFAULT 0,
  rows_read    BIGINT NOT NULL DEFAULT 0,
  rows_loaded  BIGINT NOT NULL DEFAULT 0,
  rows_rejected BIGINT NOT NULL DEFAULT 0,
  error        VARCHAR
);

CREATE TABLE IF NOT EXISTS ingest_files (
  file_id        INTEGER PRIMARY KEY,
  run_id         INTEGER NOT NULL,
  path           VARCHAR NOT NULL,
  sha256         VARCHAR NOT NULL,
  bytes          BIGINT NOT NULL,
  kind           VARCHAR,                 -- entity name; NULL when the shape was not recognised
  rows_read      BIGINT NOT NULL,
  rows_loaded    BIGINT NOT NULL,
  rows_rejected  BIGINT NOT NULL,
  status         VARCHAR NOT NULL,        -- loaded | skipped | refused | ignored
  message        VARCHAR,
  dropped_columns VARCHAR[] NOT NULL,     -- personal-data columns never stored
  ignored_columns VARCHAR[] NOT NULL,     -- columns outside the canonical list
  ingested_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE IF NOT EXISTS rejected_rows (
  file_id  INTEGER NOT NULL,
  path     VARCHAR NOT NULL,
  line     BIGINT NOT NULL,               -- physical line where the record starts; the header is line 1
  "column" VARCHAR,                       -- canonical column name (a mapped file: its header and column, `Req App (application_id)`); NULL for a malformed record
  value    VARCHAR,
  reason   VARCHAR NOT NULL,              -- machine-readable code, see pipelines/ingest/validate.ts
  message  VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS fx_rates (
  currency VARCHAR NOT NULL, usd_per_unit DOUBLE NOT NULL, as_of DATE NOT NULL, _file_id INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS benchmarks (
  source VARCHAR NOT NULL, level VARCHAR NOT NULL, region VARCHAR NOT NULL, currency VARCHAR NOT NULL,
  role_family VARCHAR, low DOUBLE, high DOUBLE, p10 DOUBLE, p25 DOUBLE, p50 DOUBLE, p75 DOUBLE, p90 DOUBLE,
  as_of DATE, _file_id INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS jobs (
  job_id VARCHAR NOT NULL, title VARCHAR, department VARCHAR, role_family VARCHAR, level VARCHAR,
  office VARCHAR, country VARCHAR, status VARCHAR, opened_at TIMESTAMPTZ, closed_at TIMESTAMPTZ,
  _file_id INTEGER NOT NULL, recruiter VARCHAR, hiring_manager VARCHAR
);

CREATE TABLE IF NOT EXISTS openings (
  opening_id VARCHAR NOT NULL, job_id VARCHAR NOT NULL, opened_at TIMESTAMPTZ NOT NULL,
  closed_at TIMESTAMPTZ, close_reason VARCHAR, hired_application_id VARCHAR, _file_id INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS applications (
  application_id VARCHAR NOT NULL, job_id VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL,
  candidate_id VARCHAR, source VARCHAR, source_type VARCHAR, status VARCHAR, rejected_at TIMESTAMPTZ,
  rejection_type VARCHAR, rejection_reason VARCHAR, hired_at TIMESTAMPTZ, _file_id INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS stage_history (
  application_id VARCHAR NOT NULL, stage VARCHAR NOT NULL, entered_at TIMESTAMPTZ NOT NULL,
  exited_at TIMESTAMPTZ, _file_id INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS offers (
  offer_id VARCHAR NOT NULL, application_id VARCHAR NOT NULL, status VARCHAR NOT NULL, version INTEGER,
  created_at TIMESTAMPTZ, sent_at TIMESTAMPTZ, resolved_at TIMESTAMPTZ, start_date DATE,
  base_salary DOUBLE, currency VARCHAR, _file_id INTEGER NOT NULL, decline_reason VARCHAR
);

-- Issue 18 (owners and reasons): optional columns, added in place to a warehouse made before them.
ALTER TABLE jobs ADD COLUMN IF NOT EXISTS recruiter VARCHAR;
ALTER TABLE jobs ADD COLUMN IF NOT EXISTS hiring_manager VARCHAR;
ALTER TABLE offers ADD COLUMN IF NOT EXISTS decline_reason VARCHAR;

CREATE TABLE IF NOT EXISTS compensation (
  employee_id VARCHAR NOT NULL, level VARCHAR NOT NULL, country VARCHAR NOT NULL,
  base_salary DOUBLE NOT NULL, currency VARCHAR NOT NULL, role_family VARCHAR, department VARCHAR,
  effective_date DATE, _file_id INTEGER NOT NULL,
  gender VARCHAR, hours_per_week DOUBLE, fte DOUBLE, variable_pay DOUBLE, category VARCHAR, hire_date DATE
);

-- Issue 19 (pay-gap report): optional roster columns, added in place to a warehouse made before them.
ALTER TABLE compensation ADD COLUMN IF NOT EXISTS gender VARCHAR;
ALTER TABLE compensation ADD COLUMN IF NOT EXISTS hours_per_week DOUBLE;
ALTER TABLE compensation ADD COLUMN IF NOT EXISTS fte DOUBLE;
ALTER TABLE compensation ADD COLUMN IF NOT EXISTS variable_pay DOUBLE;
ALTER TABLE compensation ADD COLUMN IF NOT EXISTS category VARCHAR;
ALTER TABLE compensation ADD COLUMN IF NOT EXISTS hire_date DATE;

-- Vendor derivations (pipelines/vendors/derive.ts): the last vendor file each derivation of the
-- canonical tables has seen, so an interrupted ingest is derived again on the next one.
CREATE TABLE IF NOT EXISTS vendor_derivations (
  vendor        VARCHAR PRIMARY KEY,
  last_file_id  INTEGER NOT NULL,
  derived_at    TIMESTAMPTZ NOT NULL
);

-- What the last derivation of each vendor made of its export, per canonical entity: rows derived and
-- rows left out by reason (JSON list of {reason, rows}). Shown on the Data quality page.
CREATE TABLE IF NOT EXISTS vendor_derived (
  vendor      VARCHAR NOT NULL,
  entity      VARCHAR NOT NULL,
  rows        INTEGER NOT NULL,
  left_out    VARCHAR NOT NULL,
  derived_at  TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (vendor, entity)
);
