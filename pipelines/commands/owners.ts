/** `hirescope owners`: a table per recruiter and per hiring manager (issue 18 "Owner views"). */
import type { Config } from '../lib/config.ts';
import type { Warehouse } from '../lib/duckdb.ts';
import { formatTable, type Output } from '../lib/output.ts';
import { ownersFor } from '../owners/index.ts';
import { tooFewText, type OwnerRow, type OwnersReport } from '../contract/owners.ts';
import { formatPercent } from '../contract/format.ts';
import { headline, preparedReportCommand, type MetricsArgs } from './metrics.ts';

const rateText = (r: { rate: number | null; tooFew: boolean }) => (r.tooFew ? tooFewText : r.rate === null ? '—' : formatPercent(r.rate));

function ownerTable(title: string, rows: readonly OwnerRow[]): string {
  return `${title}\n${formatTable(
    ['owner', 'open', 'hires', 'median days to fill', 'offer acceptance (95% CI)', 'pass-through (applied→…→offer→hired)', 'active load'],
    rows.map((r) => [
      r.owner,
      r.openOpenings,
      r.hires,
      r.medianTimeToFillDays === null ? '—' : String(Math.round(r.medianTimeToFillDays * 10) / 10),
      `${rateText(r.offerAcceptance)}${r.offerAcceptance.ci95 ? ` (${formatPercent(r.offerAcceptance.ci95[0])}–${formatPercent(r.offerAcceptance.ci95[1])})` : ''}`,
      r.passThrough.map(rateText).join(' · ') || '—',
      r.activeLoad,
    ]),
  )}`;
}

export function formatOwners(report: OwnersReport): string {
  return [
    headline('owners', report),
    `(a rate on fewer than ${report.minRateEvents} events is "${tooFewText}")`,
    '',
    ownerTable('Recruiters', report.recruiters),
    '',
    ownerTable('Hiring managers', report.hiringManagers),
  ].join('\n');
}

export function ownersCommand(warehouse: Warehouse, config: Config, args: MetricsArgs, out: Output): Promise<number> {
  return preparedReportCommand(warehouse, config, args, out, ownersFor, formatOwners);
}
