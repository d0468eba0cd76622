/**
 * `hirescope requisitions [--as-of D] [--department X] [--region R] [--level L] [--recruiter R]
 * [--hiring-manager H] [--json | --csv]`: every
 * open opening with its owners, pipeline, last movement and expected fill date (metrics/requisitions.ts).
 */
import type { Config } from '../lib/config.ts';
import type { Warehouse } from '../lib/duckdb.ts';
import { cutAtWord, formatTable, UsageError, type Output } from '../lib/output.ts';
import { toCsv } from '../contract/csv.ts';
import { requisitionColumns, requisitionCsvRow, type RequisitionsReport } from '../contract/requisitions.ts';
import { prepareMetrics } from '../metrics/index.ts';
import { computeRequisitions } from '../metrics/requisitions.ts';
import { headline, requestFor } from './metrics.ts';

export interface RequisitionsArgs {
  'as-of'?: string | undefined;
  department?: string | undefined;
  region?: string | undefined;
  level?: string | undefined;
  recruiter?: string | undefined;
  'hiring-manager'?: string | undefined;
  csv?: boolean | undefined;
  json?: boolean | undefined;
}

/** The table a person reads on a terminal. */
export function formatRequisitions(report: RequisitionsReport): string {
  const head = `${headline('requisitions', report)}: ${report.requisitions.length} open opening(s)`;
  if (report.requisitions.length === 0) return head;
  const owners = report.owners === 'show';
  const rows = report.requisitions.map((r) => [
    r.openingId,
    cutAtWord(r.title ?? '—', 32),
    r.region,
    `${r.daysOpen}${r.benchmarkDays ? ` (${r.benchmarkDays[0]}-${r.benchmarkDays[1]}${r.benchmarkStatus === 'above' ? ', above' : ''})` : ''}`,
    ...(owners ? [cutAtWord(r.recruiter ?? '—', 20), cutAtWord(r.hiringManager ?? '—', 20)] : []),
    `${r.pipeline.applied}/${r.pipeline.screen}/${r.pipeline.technical}/${r.pipeline.onsite}/${r.pipeline.offer}`,
    r.lastMovement ?? '—',
    r.expectedFill.date ? `${r.expectedFill.date} (${r.expectedFill.low ?? '?'} – ${r.expectedFill.high ?? 'open'})` : 'not reached',
    r.overdue ? 'OVERDUE' : '',
  ]);
  const header = ['opening', 'title', 'region', 'days open (market)', ...(owners ? ['recruiter', 'hiring manager'] : []),
    'pipeline a/s/t/o/f', 'last move', 'expected fill (95%)', ''];
  return `${head}\n\n${formatTable(header, rows)}`;
}

export async function requisitionsCommand(warehouse: Warehouse, config: Config, args: RequisitionsArgs, out: Output): Promise<number> {
  if (args.csv && args.json) throw new UsageError('--csv and --json cannot be combined: choose one');
  const { asOf, filters } = await requestFor(warehouse, config, { 'as-of': args['as-of'], department: args.department, region: args.region, level: args.level }, out);
  const context = await prepareMetrics(warehouse, config, { asOf, filters });
  const report = await computeRequisitions(context, filters, { recruiter: args.recruiter, hiringManager: args['hiring-manager'] });
  if (out.isJson) out.json(report);
  else if (args.csv) out.info(toCsv(requisitionColumns, report.requisitions.map(requisitionCsvRow)).replace(/\n$/, ''));
  else out.info(formatRequisitions(report));
  return 0;
}
