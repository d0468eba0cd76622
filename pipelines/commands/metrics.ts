/** `hirescope metrics`: every hiring metric, as the DESIGN §5 JSON or a compact summary for a person. */
import type { Config } from '../lib/config.ts';
import type { Warehouse } from '../lib/duckdb.ts';
import { UsageError, formatTable, type Output } from '../lib/output.ts';
import { isIsoDate } from '../lib/time.ts';
import { computeMetrics, metricsFor, prepareMetrics } from '../metrics/index.ts';
import { comparisonFor } from '../metrics/compare.ts';
import { changeText, periodText, type KpiComparison } from '../contract/compare.ts';
import { defaultAsOf, freshnessOf, newestEvent, staleWarning, type Freshness } from '../metrics/asOf.ts';
import { checkFilters } from './filters.ts';
import type { Filters, Metrics } from '../contract/metrics.ts';
import type { MetricContext } from '../metrics/metric.ts';
import { formatCount, formatPercent, percent } from '../contract/format.ts';
import type { RateStatus } from '../contract/status.ts';

export interface MetricsArgs {
  'as-of'?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  department?: string | undefined;
  region?: string | undefined;
  level?: string | undefined;
  source?: string | undefined;
  recruiter?: string | undefined;
  'hiring-manager'?: string | undefined;
}

/**
 * The request of `metrics`, `alerts` and `export`: as of --as-of or the newest event's day (as the site),
 * filters checked against the warehouse (commands/filters.ts); without --as-of, a warning on stderr when
 * the data is stale (the JSON carries `freshness` either way).
 */
export async function requestFor(
  warehouse: Warehouse,
  config: Config,
  args: MetricsArgs,
  out: Output,
): Promise<{ asOf: string; filters: Filters; freshness: Freshness }> {
  const parsed = parseMetricsArgs(args);
  const newest = await newestEvent(warehouse);
  const asOf = parsed.asOf ?? defaultAsOf(newest, config);
  const filters = await checkFilters(warehouse, config, parsed.filters, asOf);
  const freshness = freshnessOf(newest, config);
  // figures as of a day the user chose are not "today's": the warning is for the default as-of
  const warning = parsed.asOf === undefined ? staleWarning(freshness) : null;
  if (warning) out.error(warning);
  return { asOf, filters, freshness };
}

/**
 * A command that reports on the populations of `metrics` (`owners`, `reasons`): the request of `metrics`,
 * the populations prepared for it, the report built from them, printed as JSON with --json, else as text.
 */
export async function preparedReportCommand<R>(
  warehouse: Warehouse,
  config: Config,
  args: MetricsArgs,
  out: Output,
  build: (context: MetricContext, filters: Filters) => Promise<R>,
  format: (report: R) => string,
): Promise<number> {
  const { asOf, filters } = await requestFor(warehouse, config, args, out);
  const report = await build(await prepareMetrics(warehouse, config, { asOf, filters }), filters);
  if (out.isJson) out.json(report);
  else out.info(format(report));
  return 0;
}

/** The first line of a command's text report: `hirescope <command> as of <day>`, then its filters, if any, in brackets. */
export function headline(command: string, report: { asOf: string; filters: Readonly<Record<string, string | undefined>> }): string {
  const filterText = Object.entries(report.filters).map(([k, v]) => `${k}=${v}`).join(' ');
  return `hirescope ${command} as of ${report.asOf}${filterText ? ` (${filterText})` : ''}`;
}

/** Turn CLI options into an asOf and filters; bad dates are usage errors. */
export function parseMetricsArgs(args: MetricsArgs): { asOf: string | undefined; filters: Filters } {
  for (const key of ['as-of', 'from', 'to'] as const) {
    const value = args[key];
    if (value !== undefined && !isIsoDate(value)) throw new UsageError(`--${key} must be a date YYYY-MM-DD, got "${value}"`);
  }
  const filters: Filters = {};
  for (const key of ['from', 'to', 'department', 'region', 'level', 'source', 'recruiter'] as const) {
    const value = args[key];
    if (value !== undefined && value !== '') filters[key] = value;
  }
  if (args['hiring-manager']) filters.hiringManager = args['hiring-manager'];
  return { asOf: args['as-of'], filters };
}

const pct = percent;
const num = (value: number | null, digits = 0) => (value === null ? '—' : value.toFixed(digits));
/** Days as the site writes them (contract formatDays, without the unit): to 0.1, no trailing .0. */
const dayCount = (value: number | null) => (value === null ? '—' : formatCount(Math.round(value * 10) / 10));

/** The status with the configured lines it was judged against. */
function statusWords(status: Exclude<RateStatus, 'insufficient-data'>, { healthy, alarm }: { healthy: number; alarm: number }): string {
  if (status === 'healthy') return `healthy (at or above the ${formatPercent(healthy)} line)`;
  if (status === 'watch') return `watch (between the ${formatPercent(alarm)} and ${formatPercent(healthy)} lines)`;
  return `ALARM (below the ${formatPercent(alarm)} line)`;
}

/** The compact summary a person reads on a terminal. */
export function formatMetrics(m: Metrics): string {
  const oar = m.offerAcceptance;
  const ttf = m.timeToFill;
  const lines = [
    headline('metrics', m),
    '',
    `Offer acceptance  ${pct(oar.rate)}${oar.ci95 ? ` (95% CI ${pct(oar.ci95[0])}–${pct(oar.ci95[1])})` : ''} — ${
      oar.status === 'insufficient-data'
        ? `insufficient data (${oar.accepted + oar.declined} resolved offers, need ${oar.minOffers})`
        : statusWords(oar.status, oar.thresholds)
    }`,
    `                  ${oar.accepted} accepted, ${oar.declined} declined, ${oar.pending} pending, ${oar.rescinded} rescinded`,
    `Time to fill      median ${dayCount(ttf.medianDays)} days, mean ${num(ttf.meanDays, 1)}, p75 ${dayCount(ttf.p75Days)} over ${ttf.filled} filled openings; Kaplan-Meier median ${dayCount(ttf.kmMedianDays)}`,
    `Open openings     ${ttf.open} (0-30: ${ttf.openAging['0-30']}, 31-60: ${ttf.openAging['31-60']}, 61-90: ${ttf.openAging['61-90']}, 91-180: ${ttf.openAging['91-180']}, >180: ${ttf.openAging['>180']})`,
    `Time to hire      median ${dayCount(m.timeToHire.medianDays)} days over ${m.timeToHire.hires} hires`,
    `Offer speed       within 2 days: ${m.offerSpeed.within2Days.accepted}/${m.offerSpeed.within2Days.accepted + m.offerSpeed.within2Days.declined} accepted; later: ${m.offerSpeed.later.accepted}/${m.offerSpeed.later.accepted + m.offerSpeed.later.declined} accepted`,
    '',
    formatTable(
      ['stage', 'reached', 'pass-through', 'rejected', 'withdrew', 'active', 'median days in stage'],
      m.funnel.map((f) => {
        const stay = m.timeInStage.find((t) => t.stage === f.stage);
        return [f.stage, f.reached, pct(f.passThrough), f.rejected, f.withdrew, f.active, dayCount(stay?.medianDays ?? null)];
      }),
    ),
    '',
    formatTable(
      ['region', 'filled', 'median days', 'benchmark', 'status'],
      m.regions.map((r) => [r.region, r.filled, dayCount(r.medianTimeToFillDays), r.benchmarkDays ? `${r.benchmarkDays[0]}-${r.benchmarkDays[1]}` : '—', r.status ?? '—']),
    ),
    '',
    formatTable(
      ['source', 'applications', 'hires', 'hire rate', 'offers accepted', 'declined'],
      m.sources.map((s) => [s.source, s.applications, s.hires, pct(s.hireRate), s.offersAccepted, s.offersDeclined]),
    ),
    '',
    `Data quality      ${m.dataQuality.rowsLoaded} of ${m.dataQuality.rowsRead} rows loaded, ${m.dataQuality.rowsRejected} quarantined${
      m.dataQuality.unmappedStages.length ? `; unmapped stages: ${m.dataQuality.unmappedStages.join(', ')}` : ''
    }`,
  ];
  return lines.join('\n');
}

/** The --compare lines: each tile against the previous period and a year earlier. */
export function formatComparison(c: KpiComparison): string {
  const { previous, yearEarlier } = c.periods;
  const row = (label: string, kpi: 'oar' | 'ttf' | 'open' | 'hires', now: string) =>
    [label, now, changeText(kpi, c.change.previous, c.figures.previous), changeText(kpi, c.change.yearEarlier, c.figures.yearEarlier)];
  const f = c.figures.current;
  return [
    `Compared with the previous ${c.length} ${c.unit}${c.length === 1 ? '' : 's'} (${periodText(previous)}) and a year earlier (${periodText(yearEarlier)}):`,
    formatTable(
      ['tile', `now (${periodText(c.periods.current)})`, 'vs previous', 'vs a year earlier'],
      [
        row('Offer acceptance', 'oar', pct(f.offerAcceptance.rate)),
        row('Median time to fill', 'ttf', `${dayCount(f.medianTimeToFillDays)} days`),
        row('Open openings', 'open', String(f.openOpenings)),
        row('Hires', 'hires', String(f.hires)),
      ],
    ),
  ].join('\n');
}

export async function metricsCommand(
  warehouse: Warehouse,
  config: Config,
  args: MetricsArgs & { publish?: boolean | undefined; compare?: boolean | undefined },
  out: Output,
): Promise<number> {
  const { asOf, filters, freshness } = await requestFor(warehouse, config, args, out);
  // --publish: pay bands and offers against bands under the disclosure rules, as the site shows them
  const request = { asOf, filters, publish: args.publish === true };
  if (!args.compare) {
    const metrics = await computeMetrics(warehouse, config, request);
    if (out.isJson) out.json({ ...metrics, freshness });
    else out.info(formatMetrics(metrics));
    return 0;
  }
  const context = await prepareMetrics(warehouse, config, request);
  const comparison = await comparisonFor(context);
  const metrics = await metricsFor(context, filters);
  if (out.isJson) out.json({ ...metrics, comparison, freshness });
  else out.info(`${formatMetrics(metrics)}\n\n${formatComparison(comparison)}`);
  return 0;
}
