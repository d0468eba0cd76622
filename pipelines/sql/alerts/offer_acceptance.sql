-- Alert: offer acceptance below the healthy line (watch) or below the alarm line (alarm), once there
-- are at least minOffers resolved offers. Reads the metric table m_offer_acceptance.
SELECT
  'offer-acceptance' AS rule,
  CASE WHEN rate < $alarm::DOUBLE THEN 'alarm' ELSE 'watch' END AS level,
  'Offer acceptance rate' AS subject,
  rate AS value,
  CASE WHEN rate < $alarm::DOUBLE THEN $alarm::DOUBLE ELSE $healthy::DOUBLE END AS threshold,
  printf('Offer acceptance %.1f%% (%d accepted, %d declined) is below the %.0f%% line',
    rate * 100, accepted, declined, CASE WHEN rate < $alarm::DOUBLE THEN $alarm::DOUBLE ELSE $healthy::DOUBLE END * 100) AS message
FROM m_offer_acceptance
WHERE accepted + declined > 0 AND accepted + declined >= $min_offers::INTEGER AND rate < $healthy::DOUBLE;
