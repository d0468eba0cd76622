/**
 * The digest's sentences, shared by the Slack payload and the HTML e-mail body so both say the same.
 * Plain text: each renderer escapes for its own format.
 */
import { formatCount, formatDays, percent, plural } from '../contract/format.ts';
import { statusWords } from '../contract/status.ts';
import { changeText } from '../contract/compare.ts';
import type { Digest, DigestAlert, DigestOpening } from '../contract/digest.ts';

export interface TileText {
  readonly label: string;
  readonly value: string;
  /** The change against the previous period of the same length, e.g. "+2.1 pts, not significant", "−3 d", "+4 (+33%)". */
  readonly change: string;
  /** The change against the same period a year earlier. */
  readonly yearEarlier: string;
  readonly detail: string;
}

/** Alerts listed per section at most; the rest are counted. */
export const alertsListed = 10;

/** The median against the benchmark, as the Overview's tile judges it (at or under: within). */
function benchmarkText(median: number | null, benchmark: number): string {
  if (median === null) return `benchmark ${formatDays(benchmark)}`;
  return `${median <= benchmark ? 'within' : 'over'} the ${formatDays(benchmark)} benchmark`;
}

/** The four Overview tiles as text, in the Overview's order; changes worded by the tiles' own changeText. */
export function tileTexts(digest: Digest): TileText[] {
  const { offerAcceptance: oar, timeToFill: ttf, openOpenings, hires } = digest.tiles;
  const { change, figures } = digest.comparison;
  const changes = (kpi: 'oar' | 'ttf' | 'open' | 'hires') => ({
    change: changeText(kpi, change.previous, figures.previous),
    yearEarlier: changeText(kpi, change.yearEarlier, figures.yearEarlier),
  });
  return [
    {
      label: 'Offer acceptance rate',
      value: `${percent(oar.rate)} (${statusWords[oar.status]})`,
      ...changes('oar'),
      detail: oar.ci95
        ? `95% CI ${percent(oar.ci95[0])}–${percent(oar.ci95[1])} · ${formatCount(oar.accepted)} accepted, ${formatCount(oar.declined)} declined`
        : `${plural(oar.accepted + oar.declined, 'resolved offer')}`,
    },
    {
      label: 'Median time to fill',
      value: ttf.medianDays === null ? '—' : formatDays(ttf.medianDays),
      ...changes('ttf'),
      detail: `${benchmarkText(ttf.medianDays, ttf.benchmarkDays)} · ${plural(ttf.filled, 'opening')} filled`,
    },
    { label: 'Open openings', value: formatCount(openOpenings), ...changes('open'), detail: `open on ${digest.asOf}` },
    { label: 'Hires', value: formatCount(hires), ...changes('hires'), detail: 'hires dated in the period' },
  ];
}

/** "2026-06-01 to 2026-06-30, against the previous period (2026-05-01 to 2026-05-31) and a year earlier (2025-06-01 to 2025-06-30)". */
export function periodText(digest: Digest): string {
  const { current, previous, yearEarlier } = digest.comparison.periods;
  return `${current.from} to ${current.to}, against the previous period (${previous.from} to ${previous.to}) and a year earlier (${yearEarlier.from} to ${yearEarlier.to})`;
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

/** One line: the text fallback of the Slack payload and the e-mail's preheader (changes against the previous period). */
export function summaryText(digest: Digest): string {
  const [oar, ttf, open, hires] = tileTexts(digest);
  return (
    `hirescope digest as of ${digest.asOf}: offer acceptance ${oar!.value}, ${oar!.change}; ` +
    `median time to fill ${ttf!.value}, ${ttf!.change} (benchmark ${formatDays(digest.tiles.timeToFill.benchmarkDays)}); ` +
    `${open!.value} open openings, ${open!.change}; ${hires!.value} hires, ${hires!.change}; ` +
    `${plural(digest.alerts.new.length, 'new alert')}, ${formatCount(digest.alerts.resolved.length)} resolved`
  );
}
