/**
 * The digest as a self-contained HTML e-mail body: one file, inline styles only (mail clients drop
 * <style> and never load remote resources), no image, no script, every string HTML-escaped.
 */
import type { Digest, DigestAlert } from '../contract/digest.ts';
import { plural } from '../contract/format.ts';
import { alertText, listedAlerts, newAlertsTitle, openingText, periodText, summaryText, tileTexts } from './texts.ts';

/** Escape text for HTML content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const statusColour: Record<string, string> = { healthy: '#1a7f37', watch: '#9a6700', alarm: '#cf222e', 'insufficient-data': '#57606a' };
const font = 'font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif';

function list(items: readonly string[]): string {
  return `<ul style="margin:4px 0 16px 0;padding-left:20px">${items.map((item) => `<li style="margin:2px 0">${escapeHtml(item)}</li>`).join('')}</ul>`;
}

function alertList(alerts: readonly DigestAlert[]): string {
  if (alerts.length === 0) return '<p style="margin:4px 0 16px 0;color:#57606a">none</p>';
  const { shown, more } = listedAlerts(alerts);
  return list([...shown.map(alertText), ...(more ? [`…and ${plural(more, 'more alert')}`] : [])]);
}

const heading = (text: string) => `<h2 style="${font};font-size:16px;margin:20px 0 4px 0;color:#1f2328">${escapeHtml(text)}</h2>`;

/** The whole HTML document of the e-mail body. */
export function digestHtml(digest: Digest): string {
  const tiles = tileTexts(digest);
  const oarColour = statusColour[digest.tiles.offerAcceptance.status] ?? '#1f2328';
  const cells = tiles
    .map(
      (t, i) =>
        `<td style="${font};width:25%;vertical-align:top;padding:12px;border:1px solid #d0d7de;border-radius:6px">` +
        `<div style="font-size:12px;color:#57606a">${escapeHtml(t.label)}</div>` +
        `<div style="font-size:22px;font-weight:600;color:${i === 0 ? oarColour : '#1f2328'}">${escapeHtml(t.value)}</div>` +
        `<div style="font-size:13px;color:#1f2328">${escapeHtml(t.change)} <span style="color:#57606a">(previous period)</span></div>` +
        `<div style="font-size:13px;color:#1f2328">${escapeHtml(t.yearEarlier)} <span style="color:#57606a">(a year earlier)</span></div>` +
        `<div style="font-size:12px;color:#57606a">${escapeHtml(t.detail)}</div></td>`,
    )
    .join('');
  const openings = digest.oldestOpenings.length ? list(digest.oldestOpenings.map(openingText)) : '<p style="margin:4px 0 16px 0;color:#57606a">none open</p>';
  const link = digest.siteUrl
    ? `<p style="${font};margin:20px 0"><a href="${escapeHtml(digest.siteUrl)}" style="color:#0969da">Open the dashboard</a></p>`
    : '';
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(`hirescope digest — as of ${digest.asOf}`)}</title></head>
<body style="margin:0;padding:16px;background:#ffffff;color:#1f2328;${font}">
<div style="display:none;max-height:0;overflow:hidden">${escapeHtml(summaryText(digest))}</div>
<h1 style="${font};font-size:20px;margin:0 0 4px 0">${escapeHtml(`hirescope digest — as of ${digest.asOf}`)}</h1>
<p style="${font};font-size:13px;color:#57606a;margin:0 0 12px 0">${escapeHtml(periodText(digest))}</p>
<table role="presentation" cellspacing="8" cellpadding="0" style="width:100%;border-collapse:separate"><tr>${cells}</tr></table>
${heading(`${newAlertsTitle(digest)} (${digest.alerts.new.length})`)}
${alertList(digest.alerts.new)}
${heading(`Resolved alerts (${digest.alerts.resolved.length})`)}
${alertList(digest.alerts.resolved)}
${heading('Oldest open openings')}
${openings}
${link}
</body>
</html>
`;
}
