/**
 * `hirescope export pay-bands --out FILE.csv`: the published pay bands for spreadsheets — the site's cells
 * (disclosure rules applied in SQL: Harrell-Davis under exactFrom, rounded to the cell's grid, secondary
 * suppression, compa-ratio of the published figures to 2 decimals), aggregates only.
 */
import { renameSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../lib/config.ts';
import type { Warehouse } from '../lib/duckdb.ts';
import { toCsv } from '../contract/csv.ts';
import { UsageError, type Output } from '../lib/output.ts';
import { computeMetrics } from '../metrics/index.ts';
import { requestFor, type MetricsArgs } from './metrics.ts';

export const payBandColumns = [
  'role_family', 'level', 'region', 'suppressed', 'n', 'currency', 'p10', 'p25', 'p50', 'p75', 'p90',
  'market_source', 'market_low', 'market_high', 'market_midpoint', 'compa_ratio', 'below_market', 'rounded_to', 'estimator',
] as const;

export async function exportCommand(
  warehouse: Warehouse,
  config: Config,
  what: string | undefined,
  args: MetricsArgs & { out?: string | undefined },
  out: Output,
): Promise<number> {
  if (what !== 'pay-bands') throw new UsageError('export takes one of: pay-bands');
  if (!args.out) throw new UsageError('--out FILE.csv is required');
  const { asOf, filters } = await requestFor(warehouse, config, args, out);
  const metrics = await computeMetrics(warehouse, config, { asOf, filters, publish: true });
  const rows = metrics.payBands.map((b) => [
    b.roleFamily, b.level, b.region, b.suppressed, b.n, b.currency, b.p10, b.p25, b.p50, b.p75, b.p90,
    b.market?.source, b.market?.low, b.market?.high, b.market?.midpoint, b.compaRatio, b.belowMarket, b.roundedTo, b.estimator,
  ]);
  // Written beside the target and renamed: a reader never sees half a file.
  mkdirSync(path.dirname(path.resolve(args.out)), { recursive: true });
  const temporary = `${args.out}.tmp-${process.pid}`;
  writeFileSync(temporary, toCsv(payBandColumns, rows));
  renameSync(temporary, args.out);
  if (out.isJson) out.json({ out: args.out, rows: rows.length, asOf: metrics.asOf });
  else out.info(`${rows.length} pay-band cells written to ${args.out} (as of ${metrics.asOf})`);
  return 0;
}
