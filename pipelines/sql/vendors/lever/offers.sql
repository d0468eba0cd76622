-- Lever offers -> canonical offers. Lever has no offer versions: the offers of an opportunity are
-- numbered by createdAt, and every offer but the newest is deprecated (superseded, never counted).
-- The newest: signed -> accepted (resolved when the candidate signed, else at the hire); denied (the
-- candidate denied it) -> declined; any other status settles with the opportunity: hired -> accepted at
-- the hire, archived non-hired -> declined when the candidate withdrew, else rescinded, at the archive
-- time; still active -> pending. signedAt: signatures.candidate.signedAt (flattened, or JSON text).
-- Salary, currency and start date: the offer form's fields (flattened fields_<identifier> columns, else
-- the `fields` JSON text: identifiers salary_amount, salary_currency, anticipated_start_date). Decline
-- reason (issue 18), of a declined offer only: the offer form field decline_reason, else the archive reason
-- of its opportunity.
WITH o AS (
  SELECT
    o.*,
    row_number() OVER (PARTITION BY o.opportunityId ORDER BY o.createdAt NULLS FIRST, o.sentAt NULLS FIRST, o.id) AS version,
    count(*) OVER (PARTITION BY o.opportunityId) AS offers,
    CASE WHEN json_valid(o.fields) THEN from_json(o.fields, '[{"identifier": "VARCHAR", "value": "VARCHAR"}]') END AS field_list
  FROM lever_offers o
), f AS (
  SELECT
    o.*,
    coalesce(o.signatures_candidate_signedAt,
      CASE WHEN json_valid(o.signatures_candidate) THEN timezone('UTC', epoch_ms(try_cast(json_extract_string(o.signatures_candidate, '$.signedAt') AS BIGINT))) END,
      CASE WHEN json_valid(o.signatures) THEN timezone('UTC', epoch_ms(try_cast(json_extract_string(o.signatures, '$.candidate.signedAt') AS BIGINT))) END) AS signed_at,
    coalesce(o.fields_salary_amount,
      try_cast(list_filter(o.field_list, x -> x.identifier = 'salary_amount')[1].value AS DOUBLE)) AS salary,
    coalesce(o.fields_salary_currency,
      upper(trim(list_filter(o.field_list, x -> x.identifier = 'salary_currency')[1].value))) AS currency,
    coalesce(o.fields_anticipated_start_date,
      timezone('UTC', epoch_ms(try_cast(list_filter(o.field_list, x -> x.identifier = 'anticipated_start_date')[1].value AS BIGINT)))) AS start_at,
    nullif(trim(coalesce(o.fields_decline_reason, list_filter(o.field_list, x -> x.identifier = 'decline_reason')[1].value)), '') AS declined_because
  FROM o
)
SELECT
  f.id AS offer_id,
  f.opportunityId AS application_id,
  hs_lever_offer_status(f.version < f.offers, f.status, a.status, a.rejection_type) AS status,
  f.version::INTEGER AS version,
  f.createdAt AS created_at,
  f.sentAt AS sent_at,
  CASE
    WHEN f.version < f.offers THEN NULL
    WHEN f.status = 'signed' THEN coalesce(f.signed_at, a.hired_at)
    ELSE coalesce(a.hired_at, a.rejected_at)
  END AS resolved_at,
  timezone('UTC', f.start_at)::DATE AS start_date,
  f.salary AS base_salary,
  f.currency,
  CASE WHEN hs_lever_offer_status(f.version < f.offers, f.status, a.status, a.rejection_type) = 'declined'
    THEN coalesce(f.declined_because, regexp_replace(a.rejection_reason, '^Withdrew - ', '')) END AS decline_reason,
  f._file_id,
  CASE WHEN a.application_id IS NULL THEN 'opportunity left out' END AS _excluded
FROM f
LEFT JOIN vd_applications a ON a.application_id = f.opportunityId
