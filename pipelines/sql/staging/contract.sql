-- The shared rules of pipelines/contract/ on this connection, from values bound by loadReference
-- (pipelines/metrics/reference.ts): nothing here repeats them.
--
-- Canonical stages in funnel order with their display names (contract/stages.ts).
CREATE OR REPLACE TEMP TABLE stage_order AS
SELECT s.stage, s.rank::INTEGER AS rank, s.display
FROM (SELECT unnest(from_json($stages, '[{"stage":"VARCHAR","rank":"INTEGER","display":"VARCHAR"}]'), recursive := true)) AS s;

-- Level and region display order, the age buckets of open openings (contract/dimensions.ts) and the
-- Wilson z (contract/wilson.ts).
CREATE OR REPLACE TEMP TABLE contract_rules AS
SELECT from_json($levels, '["VARCHAR"]') AS levels, from_json($regions, '["VARCHAR"]') AS regions,
  from_json($aging_buckets, '["VARCHAR"]') AS aging_buckets, from_json($aging_limits, '["INTEGER"]') AS aging_limits,
  $wilson_z::DOUBLE AS wilson_z;

-- Sort keys: the position in the contract's order, 99 for a value outside it (then sorted by name).
CREATE OR REPLACE TEMP MACRO hs_level_rank(level) AS coalesce(list_position((SELECT levels FROM contract_rules), level), 99);
CREATE OR REPLACE TEMP MACRO hs_region_rank(region) AS coalesce(list_position((SELECT regions FROM contract_rules), region), 99);

-- The age bucket of an opening open `age` days: the first whose limit the age does not pass, else the last.
CREATE OR REPLACE TEMP MACRO hs_aging_bucket(age) AS
  list_extract((SELECT aging_buckets FROM contract_rules),
    1 + len(list_filter((SELECT aging_limits FROM contract_rules), lim -> lim < age)));

-- A median against a benchmark range, as benchmarkStatus in contract/status.ts (test/metrics/contract.test.ts
-- compares them): NULL without a median or a range.
CREATE OR REPLACE TEMP MACRO hs_benchmark_status(median, low, high) AS
  CASE
    WHEN median IS NULL OR low IS NULL OR high IS NULL THEN NULL
    WHEN median < low THEN 'below'
    WHEN median > high THEN 'above'
    ELSE 'within'
  END;

-- 95% Wilson score interval of k successes in n trials, as `wilson` in contract/wilson.ts computes it
-- (the same operations in the same order; test/metrics/contract.test.ts compares them). NULL when n = 0.
CREATE OR REPLACE TEMP MACRO hs_wilson_z() AS (SELECT wilson_z FROM contract_rules);
CREATE OR REPLACE TEMP MACRO hs_wilson_bound(k, n, sign) AS
  CASE WHEN n > 0 THEN
    (k::DOUBLE / n + hs_wilson_z() * hs_wilson_z() / (2 * n::DOUBLE)
      + sign * hs_wilson_z() * sqrt((k::DOUBLE / n) * (1 - k::DOUBLE / n) / n + hs_wilson_z() * hs_wilson_z() / (4 * n::DOUBLE * n)))
    / (1 + hs_wilson_z() * hs_wilson_z() / n)
  END;
CREATE OR REPLACE TEMP MACRO hs_wilson_low(k, n) AS hs_wilson_bound(k, n, -1);
CREATE OR REPLACE TEMP MACRO hs_wilson_high(k, n) AS hs_wilson_bound(k, n, 1);
