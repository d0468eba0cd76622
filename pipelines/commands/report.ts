/**
 * `hirescope report pay-gap` (issue 19, Article 9 of Directive (EU) 2023/970) and `hirescope report
 * pay-request --category C` (Article 7): figures from pipelines/paygap, suppressed in SQL; a table for a
 * person, --json (checked by the zod schemas of contract/payGap.ts) or --csv (one section per letter).
 */
import type { Config } from '../lib/config.ts';
import type { Warehouse } from '../lib/duckdb.ts';
import { formatTable, nearest, UsageError, type Output } from '../lib/output.ts';
import { formatCount, percent } from '../contract/format.ts';
import { payGapCsv } from '../contract/payGapCsv.ts';
import type { PayGapReport, PayRequest } from '../contract/payGap.ts';
import { payGapCategories, payGapReport, payRequest, UnknownCurrencyError, type PayGapOptions } from '../paygap/index.ts';
import { requestFor } from './metrics.ts';

export const reportKinds = ['pay-gap', 'pay-request'] as const;

export interface ReportArgs {
  'as-of'?: string | undefined;
  currency?: string | undefined;
  region?: string | undefined;
  department?: string | undefined;
  category?: string | undefined;
  csv?: boolean | undefined;
  json?: boolean | undefined;
}

export async function reportCommand(warehouse: Warehouse, config: Config, kind: string | undefined, args: ReportArgs, out: Output): Promise<number> {
  if (!(reportKinds as readonly string[]).includes(kind ?? '')) throw new UsageError(`report takes one of: ${reportKinds.join(', ')}`);
  if (args.csv && args.json) throw new UsageError('--csv and --json are exclusive: choose one');
  const currency = args.currency ?? config.payGap.currency;
  if (!/^[A-Za-z]{3}$/.test(currency)) throw new UsageError(`--currency must be a three-letter code, got "${currency}"`);
  // as-of and filters as for metrics: the newest event's day by default, filter values checked against the warehouse
  const { asOf, filters } = await requestFor(warehouse, config, { 'as-of': args['as-of'], region: args.region, department: args.department }, out);
  const options: PayGapOptions = {
    asOf,
    currency: currency.toUpperCase(),
    minCell: config.payGap.minCell,
    standardHours: config.payGap.standardHours,
    region: filters.region,
    department: filters.department,
    config,
  };
  try {
    if (kind === 'pay-gap') return await payGapCommand(warehouse, options, args, out);
    if (args.csv) throw new UsageError('--csv is an option of report pay-gap');
    return await payRequestCommand(warehouse, { ...options, category: await knownCategory(warehouse, options, args.category) }, out);
  } catch (error) {
    if (error instanceof UnknownCurrencyError) throw new UsageError(error.message);
    throw error;
  }
}

async function payGapCommand(warehouse: Warehouse, options: PayGapOptions, args: ReportArgs, out: Output): Promise<number> {
  if (args.category !== undefined) throw new UsageError('--category is an option of report pay-request');
  const report = await payGapReport(warehouse, options);
  if (out.isJson) out.json(report);
  else if (args.csv) out.info(payGapCsv(report, options.minCell).replace(/\n$/, ''));
  else out.info(formatPayGap(report, options));
  return 0;
}

async function knownCategory(warehouse: Warehouse, options: PayGapOptions, category: string | undefined): Promise<string> {
  if (category === undefined || category.trim() === '') throw new UsageError('report pay-request needs --category C');
  const known = await payGapCategories(warehouse, options);
  const match = known.find((c) => c.toLowerCase() === category.trim().toLowerCase());
  if (match !== undefined) return match;
  const guess = nearest(category, known);
  throw new UsageError(`unknown category "${category}"${guess ? ` (did you mean ${guess}?)` : ''}; known: ${known.join(', ') || '(none)'}`);
}

async function payRequestCommand(warehouse: Warehouse, options: PayGapOptions & { category: string }, out: Output): Promise<number> {
  const answer = await payRequest(warehouse, options);
  if (out.isJson) out.json(answer);
  else out.info(formatPayRequest(answer, options.minCell));
  return 0;
}

const gap = (value: number | null) => (value === null ? 'suppressed' : percent(value, 1));
const money = (value: number | null) => (value === null ? 'suppressed' : formatCount(Math.round(value)));
const hourly = (value: number | null) => (value === null ? 'suppressed' : value.toFixed(2));
const filterText = (o: PayGapOptions) => [o.region && `region=${o.region}`, o.department && `department=${o.department}`].filter(Boolean).join(' ');

/** The report for a person: the Article 9 letters in order. */
export function formatPayGap(r: PayGapReport, options: PayGapOptions): string {
  const filters = filterText(options);
  const w = r.workers;
  const hidden = `<${options.minCell}`;
  return [
    `Pay gap report (Directive (EU) 2023/970, Article 9) as of ${r.asOf}, ${r.currency}${filters ? ` (${filters})` : ''}`,
    `workers: ${w.women} women, ${w.men} men, ${w.other} other, ${w.undisclosed} undisclosed (other and undisclosed: counted, in no gap)`,
    `gap = (men - women) / men: positive when women are paid less; published from ${options.minCell} women and ${options.minCell} men`,
    '',
    formatTable(
      ['', 'measure', 'gap'],
      [
        ['(a)', 'mean, hourly basic pay', gap(r.hourly.meanGap)],
        ['', 'mean, annual basic pay', gap(r.annual.meanGap)],
        ['(b)', 'mean, variable pay (receivers)', gap(r.variable.meanGap)],
        ['(c)', 'median, hourly basic pay', gap(r.hourly.medianGap)],
        ['', 'median, annual basic pay', gap(r.annual.medianGap)],
        ['(d)', 'median, variable pay (receivers)', gap(r.variable.medianGap)],
        ['(e)', 'receiving variable pay: women', gap(r.variable.shareWomen)],
        ['', 'receiving variable pay: men', gap(r.variable.shareMen)],
      ],
    ),
    '',
    '(f) quartile pay bands by hourly total pay',
    formatTable(
      ['band', 'women', 'men', 'share women', 'share men'],
      r.quartiles.map((q) => [String(q.band), q.women ?? 'suppressed', q.men ?? 'suppressed', gap(q.shareWomen), gap(q.shareMen)]),
    ),
    '',
    '(g) categories of workers (joint assessment: mean gap of hourly total pay >= 5% either way)',
    formatTable(
      ['category', 'women', 'men', 'basic mean', 'basic median', 'variable mean', 'variable median', 'joint assessment'],
      r.categories.map((c) => [
        c.category,
        c.suppressed ? hidden : (c.women ?? hidden),
        c.suppressed ? hidden : (c.men ?? hidden),
        gap(c.basicMeanGap),
        gap(c.basicMedianGap),
        gap(c.variableMeanGap),
        gap(c.variableMedianGap),
        c.suppressed ? '—' : c.jointAssessment ? 'YES' : 'no',
      ]),
    ),
    '',
    r.adjusted.gap === null
      ? `adjusted gap: suppressed or not estimable (controls: ${r.adjusted.controls.join(', ') || 'none'})`
      : `adjusted gap: ${gap(r.adjusted.gap)} (95% interval ${gap(r.adjusted.low)} to ${gap(r.adjusted.high)}; controls: ${r.adjusted.controls.join(', ') || 'none'})`,
    `cost to close (annual raise bringing each category's mean annual gap to 5%): ${r.costToClose === null ? 'suppressed' : `${r.currency} ${money(r.costToClose)}`}`,
  ].join('\n');
}

/** The Article 7 answer for a person. */
export function formatPayRequest(a: PayRequest, minCell: number): string {
  const head = `Article 7 answer: category "${a.category}" as of ${a.asOf}, ${a.currency}, basic pay`;
  if (a.suppressed) return `${head}\nsuppressed: fewer than ${minCell} women or fewer than ${minCell} men in this category`;
  return [
    head,
    formatTable(
      ['', 'workers', 'average hourly', 'average annual'],
      [
        ['women', String(a.women.count), hourly(a.women.meanHourly), money(a.women.meanAnnual)],
        ['men', String(a.men.count), hourly(a.men.meanHourly), money(a.men.meanAnnual)],
      ],
    ),
  ].join('\n');
}
