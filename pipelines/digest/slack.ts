/**
 * The digest as a Slack-compatible incoming-webhook payload: `text` (the notification and fallback) and
 * Block Kit `blocks` (header, tiles as section fields, alerts, oldest openings, link). Every string from
 * the exports is escaped for mrkdwn (&, <, >), so a job title cannot become a link or a mention.
 */
import type { Digest, DigestAlert } from '../contract/digest.ts';
import { plural } from '../contract/format.ts';
import { alertText, listedAlerts, newAlertsTitle, openingText, periodText, summaryText, tileTexts } from './texts.ts';

export interface SlackPayload {
  readonly text: string;
  readonly blocks: readonly Record<string, unknown>[];
}

/** Escape text for Slack mrkdwn (its three control characters). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const section = (text: string) => ({ type: 'section', text: mrkdwn(text) });

function alertSection(title: string, alerts: readonly DigestAlert[], none: string): Record<string, unknown> {
  if (alerts.length === 0) return section(`*${title}*\n${none}`);
  const { shown, more } = listedAlerts(alerts);
  const lines = shown.map((a) => `• ${escapeMrkdwn(alertText(a))}`);
  if (more) lines.push(`…and ${plural(more, 'more alert')}`);
  return section(`*${title} (${alerts.length})*\n${lines.join('\n')}`);
}

/** The payload POSTed to the webhook. */
export function slackPayload(digest: Digest): SlackPayload {
  const title = newAlertsTitle(digest);
  const blocks: Record<string, unknown>[] = [
    { type: 'header', text: { type: 'plain_text', text: `hirescope digest — as of ${digest.asOf}` } },
    { type: 'context', elements: [mrkdwn(escapeMrkdwn(periodText(digest)))] },
    { type: 'section', fields: tileTexts(digest).map((t) => mrkdwn(`*${t.label}*\n${escapeMrkdwn(`${t.value}\n${t.change} (previous period)\n${t.yearEarlier} (a year earlier)\n${t.detail}`)}`)) },
    alertSection(title, digest.alerts.new, 'none'),
    alertSection('Resolved alerts', digest.alerts.resolved, 'none'),
    section(
      digest.oldestOpenings.length
        ? `*Oldest open openings*\n${digest.oldestOpenings.map((o) => `• ${escapeMrkdwn(openingText(o))}`).join('\n')}`
        : '*Oldest open openings*\nnone open',
    ),
  ];
  if (digest.siteUrl) blocks.push(section(`<${escapeMrkdwn(digest.siteUrl)}|Open the dashboard>`));
  return { text: escapeMrkdwn(summaryText(digest)), blocks };
}
