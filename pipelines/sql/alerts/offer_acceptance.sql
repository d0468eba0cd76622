-- Alert: offer acceptance below the healthy line (watch) or below the alarm line (alarm). The status and
-- its line ($level, $threshold) come from rateStatus (pipelines/contract/status.ts); the caller runs this
-- only for watch or alarm. Reads the metric table m_offer_acceptance.
SELECT
  'offer-acceptance' AS rule,
  $level::VARCHAR AS level,
  'Offer acceptance rate' AS subject,
  rate AS value,
  $threshold::DOUBLE AS threshold,
  printf('Offer acceptance %.1f%% (%d accepted, %d declined) is below the %.0f%% line',
    rate * 100, accepted, declined, $threshold::DOUBLE * 100) AS message
FROM m_offer_acceptance;
