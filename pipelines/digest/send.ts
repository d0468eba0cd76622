/**
 * Deliver a digest — POST the Slack payload (the notify code path: timeout, retries, never throws) and
 * write the HTML e-mail body — and the refresh's hook that does it when a digest is due.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../lib/config.ts';
import { openWarehouse } from '../lib/duckdb.ts';
import type { Logger } from '../lib/log.ts';
import type { Alert } from '../contract/alerts.ts';
import type { Digest } from '../contract/digest.ts';
import { postJson } from '../refresh/notify.ts';
import { digestDue } from './cadence.ts';
import { buildDigest, digestAlerts } from './compute.ts';
import { digestHtml } from './html.ts';
import { slackPayload } from './slack.ts';
import { maybeReadDigestState, writeDigestState } from './state.ts';

export interface DeliverOptions {
  /** Webhook URL; undefined: not posted. */
  readonly webhookUrl?: string | undefined;
  /** HTML file to write; undefined: not written. */
  readonly htmlFile?: string | undefined;
  readonly logger?: Logger | undefined;
}

export interface Delivery {
  /** true: delivered (2xx); false: failed after the retries; null: no webhook. */
  readonly posted: boolean | null;
  readonly htmlFile: string | null;
}

/** Write `text` to `file` through a temporary file and a rename (never a half-written e-mail body). */
function writeAtomically(file: string, text: string): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

/** POST the payload and/or write the HTML body. Posting never throws; writing the file may. */
export async function deliverDigest(digest: Digest, { webhookUrl, htmlFile, logger }: DeliverOptions): Promise<Delivery> {
  let written: string | null = null;
  if (htmlFile) {
    writeAtomically(htmlFile, digestHtml(digest));
    written = path.resolve(htmlFile);
  }
  const posted = webhookUrl ? await postJson(slackPayload(digest), { url: webhookUrl, logger }) : null;
  return { posted, htmlFile: written };
}

/** The webhook a digest goes to: config digest.webhookUrl, else the refresh's (HIRESCOPE_WEBHOOK_URL or notify.webhookUrl). */
export function digestWebhook(config: Config, refreshWebhook: string | undefined): string | undefined {
  return config.digest.webhookUrl ?? refreshWebhook;
}

export interface AfterRefreshOptions {
  readonly stateDir: string;
  /** The warehouse just published. */
  readonly warehouseFile: string;
  readonly asOf: string;
  readonly alerts: readonly Alert[];
  readonly webhookUrl: string | undefined;
  readonly logger: Logger;
  readonly now?: Date;
}

/**
 * After a successful refresh: when config digest.enabled and a digest is due, build it from the
 * published warehouse and deliver it. It counts as sent (the state remembers its time and alerts) once
 * the webhook took it, or the HTML was written when no webhook is set; else the next refresh tries
 * again. Never throws: a digest never fails a refresh that has published.
 */
export async function digestAfterRefresh(config: Config, options: AfterRefreshOptions): Promise<Delivery | undefined> {
  if (!config.digest.enabled) return undefined;
  const { logger } = options;
  const now = options.now ?? new Date();
  try {
    const previous = maybeReadDigestState(options.stateDir);
    if (!digestDue(config.digest.every, previous?.lastSentAt, now, config.timeZone)) {
      logger.event('digest-not-due', { every: config.digest.every, lastSentAt: previous?.lastSentAt ?? null });
      return undefined;
    }
    const webhookUrl = digestWebhook(config, options.webhookUrl);
    if (!webhookUrl && !config.digest.htmlFile) {
      logger.event('digest-not-sent', { why: 'nowhere to send it: set digest.webhookUrl (or a notify webhook) or digest.htmlFile' });
      return undefined;
    }
    const warehouse = await openWarehouse(options.warehouseFile, { timeZone: config.timeZone });
    let digest: Digest;
    try {
      digest = await buildDigest(warehouse, config, { asOf: options.asOf, alerts: options.alerts, previous });
    } finally {
      warehouse.close();
    }
    const delivery = await deliverDigest(digest, { webhookUrl, htmlFile: config.digest.htmlFile, logger });
    const sent = delivery.posted === true || (delivery.posted === null && delivery.htmlFile !== null);
    if (sent) writeDigestState(options.stateDir, { lastSentAt: now.toISOString(), asOf: digest.asOf, alerts: digestAlerts(options.alerts) });
    logger.event(sent ? 'digest-sent' : 'digest-not-sent', {
      asOf: digest.asOf,
      posted: delivery.posted,
      htmlFile: delivery.htmlFile,
      newAlerts: digest.alerts.new.length,
      resolvedAlerts: digest.alerts.resolved.length,
    });
    return delivery;
  } catch (error) {
    logger.event('digest-failed', { error: (error as Error).message });
    return undefined;
  }
}
