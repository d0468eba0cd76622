-- Disclosure control (issue 15): the rules of pipelines/disclosure/rules.ts as one row and macros on this
-- connection. Every published pay or offer figure goes through these macros, in SQL, before it leaves
-- DuckDB; nothing else rounds, suppresses or estimates on its own.
CREATE OR REPLACE TEMP TABLE disclosure_rules AS
SELECT $min_cell::INTEGER AS min_cell, $exact_from::INTEGER AS exact_from, $grid_small::INTEGER AS grid_small,
  $grid_large::INTEGER AS grid_large, $ratio_digits::INTEGER AS ratio_digits, $tails_from::INTEGER AS tails_from;

-- Harrell-Davis weights per cell size n (< exact_from), percentile (10, 25, 50, 75, 90) and rank i
-- (1 = smallest value), computed in TypeScript (rules.ts) from the regularized incomplete beta function.
CREATE OR REPLACE TEMP TABLE hs_hd_weights AS
SELECT unnest(from_json($hd_n, '["INTEGER"]')) AS n, unnest(from_json($hd_pct, '["INTEGER"]')) AS pct,
  unnest(from_json($hd_i, '["INTEGER"]')) AS i, unnest(from_json($hd_w, '["DOUBLE"]')) AS w;

CREATE OR REPLACE TEMP MACRO hs_min_cell() AS (SELECT min_cell FROM disclosure_rules);
CREATE OR REPLACE TEMP MACRO hs_exact_from() AS (SELECT exact_from FROM disclosure_rules);
CREATE OR REPLACE TEMP MACRO hs_tails_from() AS (SELECT tails_from FROM disclosure_rules);
-- A cell of n people may publish figures derived from amounts.
CREATE OR REPLACE TEMP MACRO hs_enough(n) AS n >= hs_min_cell();
-- Two nested published views of parent_n >= child_n people: their difference is one to minCell - 1
-- people, who could be recovered by subtraction -> the smaller one is suppressed too.
CREATE OR REPLACE TEMP MACRO hs_too_close(parent_n, child_n) AS parent_n - child_n > 0 AND parent_n - child_n < hs_min_cell();
-- The rounding grid of a cell of n people: coarser under exact_from.
CREATE OR REPLACE TEMP MACRO hs_pay_grid(n) AS
  CASE WHEN n < hs_exact_from() THEN (SELECT grid_small FROM disclosure_rules) ELSE (SELECT grid_large FROM disclosure_rules) END;
CREATE OR REPLACE TEMP MACRO hs_round_to(x, step) AS (round(x / step) * step)::INTEGER;
-- Cents first: a weighted sum can come out a hair either side of a half-step (115,499.99999999999 for
-- 115,500), and the order DuckDB adds in must not decide which way it rounds.
CREATE OR REPLACE TEMP MACRO hs_publish_pay(x, n) AS hs_round_to(round(x, 2), hs_pay_grid(n));
-- Market figures are not anyone's pay: the finest grid.
CREATE OR REPLACE TEMP MACRO hs_publish_market(x) AS hs_round_to(x, (SELECT grid_large FROM disclosure_rules));
CREATE OR REPLACE TEMP MACRO hs_publish_ratio(x) AS round(x, (SELECT ratio_digits FROM disclosure_rules))::DOUBLE;
