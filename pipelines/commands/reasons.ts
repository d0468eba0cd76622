/** `hirescope reasons`: drop-off by reason at each stage and offer declines by reason (issue 18 "Why"). */
import type { Config } from '../lib/config.ts';
import type { Warehouse } from '../lib/duckdb.ts';
import { formatTable, type Output } from '../lib/output.ts';
import { prepareMetrics } from '../metrics/index.ts';
import { reasonsFor } from '../reasons/index.ts';
import type { ReasonsReport } from '../contract/reasons.ts';
import { formatPercent } from '../contract/format.ts';
import { requestFor, type MetricsArgs } from './metrics.ts';

/** The report a person reads on a terminal: the period's tables (the quarters are in --json). */
export function formatReasons(report: ReasonsReport): string {
  const filterText = Object.entries(report.filters).map(([k, v]) => `${k}=${v}`).join(' ');
  return [
    `hirescope reasons as of ${report.asOf}${filterText ? ` (${filterText})` : ''}`,
    `(a reason is named only when at least ${report.minCandidates} candidates share it in the cell; the others are "Other reasons")`,
    '',
    'Drop-off by reason (applications of the period, by the furthest stage they reached)',
    formatTable(['stage', 'outcome', 'reason', 'count', 'share'], report.dropOff.map((r) => [r.stage, r.outcome, r.reason, r.count, formatPercent(r.share)])),
    '',
    'Offer declines by reason (declines resolved in the period)',
    formatTable(['reason', 'count', 'share'], report.declines.map((r) => [r.reason, r.count, formatPercent(r.share)])),
  ].join('\n');
}

export async function reasonsCommand(warehouse: Warehouse, config: Config, args: MetricsArgs, out: Output): Promise<number> {
  const { asOf, filters } = await requestFor(warehouse, config, args, out);
  const report = await reasonsFor(await prepareMetrics(warehouse, config, { asOf, filters }), filters);
  if (out.isJson) out.json(report);
  else out.info(formatReasons(report));
  return 0;
}
