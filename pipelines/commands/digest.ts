/**
 * `hirescope digest [--as-of D] [--html FILE] [--post] [--state DIR]`: the digest a refresh sends when
 * one is due (config `digest`), on demand: new and resolved alerts are counted since the last digest
 * sent from this state. --post sends it to the digest webhook and then counts as sent; without --post
 * nothing is remembered.
 */
import type { Config } from '../lib/config.ts';
import type { Warehouse } from '../lib/duckdb.ts';
import { UsageError, type Output } from '../lib/output.ts';
import { evaluateAlerts } from '../alerts/index.ts';
import { buildDigest, digestAlerts } from '../digest/compute.ts';
import { deliverDigest, digestWebhook } from '../digest/send.ts';
import { maybeReadDigestState, writeDigestState } from '../digest/state.ts';
import { alertText, openingText, periodText, tileTexts } from '../digest/texts.ts';
import type { Digest } from '../contract/digest.ts';
import { requestFor } from './metrics.ts';

export interface DigestArgs {
  'as-of'?: string | undefined;
  html?: string | undefined;
  post?: boolean | undefined;
}

/** The digest as a person reads it on a terminal. */
export function formatDigest(digest: Digest): string {
  const lines = [`hirescope digest as of ${digest.asOf}`, periodText(digest), ''];
  for (const t of tileTexts(digest)) lines.push(`${t.label.padEnd(22)} ${t.value} · ${t.change} (previous period) · ${t.yearEarlier} (a year earlier) — ${t.detail}`);
  lines.push('', `new alerts (${digest.alerts.new.length}):`, ...digest.alerts.new.map((a) => `  ${alertText(a)}`));
  lines.push(`resolved alerts (${digest.alerts.resolved.length}):`, ...digest.alerts.resolved.map((a) => `  ${alertText(a)}`));
  lines.push('oldest open openings:', ...digest.oldestOpenings.map((o) => `  ${openingText(o)}`));
  if (digest.siteUrl) lines.push('', digest.siteUrl);
  return lines.join('\n');
}

export async function digestCommand(warehouse: Warehouse, config: Config, stateDir: string, args: DigestArgs, out: Output): Promise<number> {
  const webhookUrl = digestWebhook(config, process.env.HIRESCOPE_WEBHOOK_URL ?? config.notify.webhookUrl);
  if (args.post && !webhookUrl) throw new UsageError('--post needs a webhook: config digest.webhookUrl or notify.webhookUrl, or HIRESCOPE_WEBHOOK_URL');
  const { asOf } = await requestFor(warehouse, config, { 'as-of': args['as-of'] }, out);
  const previous = maybeReadDigestState(stateDir);
  const alerts = (await evaluateAlerts(warehouse, config, { asOf })).alerts;
  const digest = await buildDigest(warehouse, config, { asOf, alerts, previous });
  const delivery = await deliverDigest(digest, { webhookUrl: args.post ? webhookUrl : undefined, htmlFile: args.html });
  if (delivery.posted) writeDigestState(stateDir, { lastSentAt: new Date().toISOString(), asOf, alerts: digestAlerts(alerts) });
  if (out.isJson) out.json(digest);
  else {
    out.info(formatDigest(digest));
    if (delivery.htmlFile) out.info(`HTML e-mail body written to ${delivery.htmlFile}`);
    if (delivery.posted) out.info('posted to the webhook');
  }
  if (delivery.posted === false) {
    out.error('error: the webhook did not take the digest (3 tries); nothing is recorded as sent');
    return 1;
  }
  return 0;
}
