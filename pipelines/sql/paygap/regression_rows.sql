-- Issue 19 adjusted gap: the rows of the regression (women and men of pg_population), read once into
-- memory to form the design matrix's aggregates X'X and X'y — never written anywhere. Ordered by
-- employee_id so the sums are added in a fixed order.
SELECT ln(hourly)::DOUBLE AS y, (gender = 'female') AS female, category, country, tenure::DOUBLE AS tenure
FROM pg_population
WHERE gender IN ('female', 'male') AND hourly > 0
ORDER BY employee_id;
