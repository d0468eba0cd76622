/** `hirescope reasons`: drop-off by reason at each stage and offer declines by reason (issue 18 "Why"). */
import type { Config } from '../lib/config.ts';
import type { Warehouse } from '../lib/duckdb.ts';
import { formatTable, type Output } from '../lib/output.ts';
import { reasonsFor } from '../reasons/index.ts';
import type { ReasonsReport } from '../contract/reasons.ts';
import { formatPercent } from '../contract/format.ts';
import { headline, preparedReportCommand, type MetricsArgs } from './metrics.ts';

/** The report a person reads on a terminal: the period's tables (the quarters are in --json). */
export function formatReasons(report: ReasonsReport): string {
  return [
    headline('reasons', report),
    `(a reason is named only when at least ${report.minCandidates} candidates share it in the cell; the others are "Other reasons")`,
    '',
    'Drop-off by reason (applications of the period, by the furthest stage they reached)',
    formatTable(['stage', 'outcome', 'reason', 'count', 'share'], report.dropOff.map((r) => [r.stage, r.outcome, r.reason, r.count, formatPercent(r.share)])),
    '',
    'Offer declines by reason (declines resolved in the period)',
    formatTable(['reason', 'count', 'share'], report.declines.map((r) => [r.reason, r.count, formatPercent(r.share)])),
  ].join('\n');
}

export function reasonsCommand(warehouse: Warehouse, config: Config, args: MetricsArgs, out: Output): Promise<number> {
  return preparedReportCommand(warehouse, config, args, out, reasonsFor, formatReasons);
}
