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

/** Slack refuses a section text over 3,000 characters. */
export const sectionLimit = 3000;

/**
 * A titled list as one section: whole lines only; those that do not fit, and `more` left out before,
 * are counted in a last line ("…and 3 more alerts").
 */
function listSection(title: string, lines: readonly string[], noun: string, more = 0): Record<string, unknown> {
  let text = `*${title}*`;
  let left = lines.length + more;
  for (const line of lines) {
    // room kept for the closing "…and N more" line
    if (text.length + 1 + line.length + 40 > sectionLimit) break;
    text += `\n${line}`;
    left -= 1;
  }
  return section(left > 0 ? `${text}\n…and ${plural(left, noun)}` : text);
}

function alertSection(title: string, alerts: readonly DigestAlert[]): Record<string, unknown> {
  if (alerts.length === 0) return section(`*${title}*\nnone`);
  const { shown, more } = listedAlerts(alerts);
  return listSection(`${title} (${alerts.length})`, shown.map((a) => `• ${escapeMrkdwn(alertText(a))}`), 'more alert', more);
}

/** The payload POSTed to the webhook. */
export function slackPayload(digest: Digest): SlackPayload {
  const title = newAlertsTitle(digest);
  const blocks: Record<string, unknown>[] = [
    { type: 'header', text: { type: 'plain_text', text: `hirescope digest — as of ${digest.asOf}` } },
    { type: 'context', elements: [mrkdwn(escapeMrkdwn(periodText(digest)))] },
    { type: 'section', fields: tileTexts(digest).map((t) => mrkdwn(`*${t.label}*\n${escapeMrkdwn(`${t.value}\n${t.change} (previous period)\n${t.yearEarlier} (a year earlier)\n${t.detail}`)}`)) },
    alertSection(title, digest.alerts.new),
    alertSection('Resolved alerts', digest.alerts.resolved),
    digest.oldestOpenings.length
      ? listSection('Oldest open openings', digest.oldestOpenings.map((o) => `• ${escapeMrkdwn(openingText(o))}`), 'more opening')
      : section('*Oldest open openings*\nnone open'),
  ];
  if (digest.siteUrl) blocks.push(section(`<${escapeMrkdwn(digest.siteUrl)}|Open the dashboard>`));
  return { text: escapeMrkdwn(summaryText(digest)), blocks };
}
