-- Alert: offer acceptance below the healthy line (watch) or below the alarm line (alarm). The status and
-- its line ($level, $threshold) come from rateStatus (pipelines/contract/status.ts); the caller runs this
-- only for watch or alarm. Reads the metric table m_offer_acceptance. $cell names a configured department /
-- region cell judged on its own lines (config offerAcceptance.cells), NULL for the view itself.
SELECT
  'offer-acceptance' AS rule,
  $level::VARCHAR AS level,
  'Offer acceptance rate' || coalesce(' · ' || $cell::VARCHAR, '') AS subject,
  rate AS value,
  $threshold::DOUBLE AS threshold,
  printf('Offer acceptance%s %.1f%% (%d accepted, %d declined) is below the %.0f%% line',
    coalesce(' in ' || $cell::VARCHAR, ''), rate * 100, accepted, declined, $threshold::DOUBLE * 100) AS message
FROM m_offer_acceptance;
