/**
 * The digest's sentences, shared by the Slack payload and the HTML e-mail body so both say the same.
 * Plain text: each renderer escapes for its own format.
 */
import { formatCount, formatDays, percent, plural } from '../contract/format.ts';
import { statusWords } from '../contract/status.ts';
import type { Digest, DigestAlert, DigestOpening } from '../contract/digest.ts';

export interface TileText {
  readonly label: string;
  readonly value: string;
  /** The change against the previous period, e.g. "+2.1 pts", "-3 d", "+4", or "no earlier figure". */
  readonly change: string;
  readonly detail: string;
}

/** Alerts listed per section at most; the rest are counted. */
export const alertsListed = 10;

const signed = (value: number, text: string) => `${value > 0 ? '+' : ''}${text}`;

function changeText(change: number | null, format: (value: number) => string): string {
  if (change === null) return 'no earlier figure';
  if (change === 0) return 'no change';
  return signed(change, format(change));
}

/** The median against the benchmark, as the Overview's tile judges it (at or under: within). */
function benchmarkText(median: number | null, benchmark: number): string {
  if (median === null) return `benchmark ${formatDays(benchmark)}`;
  return `${median <= benchmark ? 'within' : 'over'} the ${formatDays(benchmark)} benchmark`;
}

/** The four Overview tiles as text, in the Overview's order. */
export function tileTexts(digest: Digest): TileText[] {
  const { offerAcceptance: oar, timeToFill: ttf, openOpenings, hires } = digest.tiles;
  const oarChange = changeText(oar.change, (c) => `${(c * 100).toFixed(1)} pts`);
  return [
    {
      label: 'Offer acceptance rate',
      value: `${percent(oar.value)} (${statusWords[oar.status]})`,
      change: oar.overlapping && oar.change !== null && oar.change !== 0 ? `${oarChange}, not significant` : oarChange,
      detail: oar.ci95
        ? `95% CI ${percent(oar.ci95[0])}–${percent(oar.ci95[1])} · ${formatCount(oar.accepted)} accepted, ${formatCount(oar.declined)} declined`
        : `${plural(oar.accepted + oar.declined, 'resolved offer')}`,
    },
    {
      label: 'Median time to fill',
      value: ttf.value === null ? '—' : formatDays(ttf.value),
      change: changeText(ttf.change, formatDays),
      detail: `${benchmarkText(ttf.value, ttf.benchmarkDays)} · ${plural(ttf.filled, 'opening')} filled`,
    },
    {
      label: 'Open openings',
      value: formatCount(openOpenings.value ?? 0),
      change: changeText(openOpenings.change, formatCount),
      detail: `open on ${digest.asOf}`,
    },
    {
      label: 'Hires',
      value: formatCount(hires.value ?? 0),
      change: changeText(hires.change, formatCount),
      detail: 'hires dated in the period',
    },
  ];
}

/** "Last 90 days (2026-04-02 to 2026-06-30), changes against the 90 days before (2026-01-02 to 2026-04-01)". */
export function periodText(digest: Digest): string {
  const days = Math.round((Date.parse(digest.period.to) - Date.parse(digest.period.from)) / 86_400_000) + 1;
  return `Last ${days} days (${digest.period.from} to ${digest.period.to}), changes against the ${days} days before (${digest.previousPeriod.from} to ${digest.previousPeriod.to})`;
}

/** "ALARM Offer acceptance 74.7% ..." */
export function alertText(alert: DigestAlert): string {
  return `${alert.level.toUpperCase()} ${alert.message}`;
}

/** "New alerts since 2026-06-23", or, in the first digest, where every active alert is new, "Active alerts (first digest)". */
export function newAlertsTitle(digest: Digest): string {
  return digest.alerts.since ? `New alerts since ${digest.alerts.since.slice(0, 10)}` : 'Active alerts (first digest)';
}

/** The first `alertsListed` alerts and how many more there are. */
export function listedAlerts(alerts: readonly DigestAlert[]): { shown: readonly DigestAlert[]; more: number } {
  return { shown: alerts.slice(0, alertsListed), more: Math.max(0, alerts.length - alertsListed) };
}

/** "Senior Engineer (opn-7) — Engineering, US: 151 days open, recruiter R. Jones" */
export function openingText(opening: DigestOpening): string {
  const name = opening.title ? `${opening.title} (${opening.openingId})` : opening.openingId;
  const where = `${opening.department ?? 'no department'}, ${opening.region}`;
  return `${name} — ${where}: ${plural(opening.daysOpen, 'day')} open${opening.recruiter ? `, recruiter ${opening.recruiter}` : ''}`;
}

/** One line: the text fallback of the Slack payload and the e-mail's preheader. */
export function summaryText(digest: Digest): string {
  const [oar, ttf, open, hires] = tileTexts(digest);
  return (
    `hirescope digest as of ${digest.asOf}: offer acceptance ${oar!.value} ${oar!.change}; ` +
    `median time to fill ${ttf!.value} ${ttf!.change} (benchmark ${formatDays(digest.tiles.timeToFill.benchmarkDays)}); ` +
    `${open!.value} open openings ${open!.change}; ${hires!.value} hires ${hires!.change}; ` +
    `${plural(digest.alerts.new.length, 'new alert')}, ${formatCount(digest.alerts.resolved.length)} resolved`
  );
}
