/** `hirescope alerts [--fail-on watch|alarm]`: exit 3 when a breach at or above that level exists. */
import type { Config } from '../lib/config.ts';
import type { Warehouse } from '../lib/duckdb.ts';
import { UsageError, type Output } from '../lib/output.ts';
import { breachesAtOrAbove, evaluateAlerts } from '../alerts/index.ts';
import { requestFor, type MetricsArgs } from './metrics.ts';

export async function alertsCommand(
  warehouse: Warehouse,
  config: Config,
  args: MetricsArgs & { 'fail-on'?: string | undefined },
  out: Output,
): Promise<number> {
  const failOn = args['fail-on'];
  if (failOn !== undefined && failOn !== 'watch' && failOn !== 'alarm') throw new UsageError('--fail-on must be watch or alarm');
  const { asOf, filters } = await requestFor(warehouse, config, args, out);
  const report = await evaluateAlerts(warehouse, config, { asOf, filters });
  if (out.isJson) out.json(report);
  else if (report.alerts.length === 0) out.info(`no alerts as of ${report.asOf}`);
  else {
    out.info(`${report.alerts.length} alert(s) as of ${report.asOf}:`);
    for (const alert of report.alerts) out.info(`  ${alert.level.toUpperCase().padEnd(5)} ${alert.message}`);
  }
  return failOn && breachesAtOrAbove(report, failOn) ? 3 : 0;
}
