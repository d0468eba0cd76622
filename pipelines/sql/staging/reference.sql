-- Canonical stage order (DESIGN §2): applied < screen < technical < onsite < offer < hired.
CREATE OR REPLACE TEMP TABLE stage_order AS
SELECT * FROM (VALUES
  ('applied', 1, 'Application Review'),
  ('screen', 2, 'Screen'),
  ('technical', 3, 'Technical'),
  ('onsite', 4, 'Onsite'),
  ('offer', 5, 'Offer'),
  ('hired', 6, 'Hired')
) AS t(stage, rank, display);
