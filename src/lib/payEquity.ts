/**
 * What the Pay equity page shows (issue 19 Deliver 4), as plain texts and numbers computed from the
 * pay-gap snapshot for the region / department filters: the build renders them into the HTML, the
 * island sets them again (as text, never HTML) when a filter changes — one definition, the same figures.
 * Period and level filters do not apply: the report is of the workers employed at as-of.
 */
import type { PayGapReport } from '../../pipelines/contract/payGap.ts';
import type { PayGapSnapshot, PayGapView } from '../../pipelines/contract/payGapSnapshot.ts';
import { toCsv } from '../../pipelines/contract/csv.ts';
import { payGapCsv } from '../../pipelines/contract/payGapCsv.ts';
import { formatCount, percent } from '../../pipelines/contract/format.ts';
import type { SiteFilters } from './filters.ts';

/** The Article 10 line: a mean gap of 5% or more in either direction calls for a joint pay assessment. */
export const assessmentLine = 0.05;

/** The published view for the filters' region and department (null: no worker there). */
export function payGapViewFor(snapshot: PayGapSnapshot | undefined, filters: SiteFilters): PayGapView | null {
  const region = filters.region ?? null;
  const department = filters.department ?? null;
  const same = (a: string | null, b: string | null) => (a === null ? b === null : b !== null && a.toLowerCase() === b.toLowerCase());
  return snapshot?.views.find((v) => same(v.region, region) && same(v.department, department)) ?? null;
}

/** Figures rounded for tables and CSV files: gaps and shares to 4 decimals (0.1234 = 12.34%), money whole. */
export const ratio = (value: number | null): number | null => (value === null ? null : Math.round(value * 10_000) / 10_000);

/** A gap as read: "12.3%" with who it favours, "suppressed" when not published. */
export function gapText(gap: number | null): string {
  if (gap === null) return 'suppressed';
  return gap === 0 ? '0.0%' : `${percent(Math.abs(gap))} ${gap > 0 ? "in men's favour" : "in women's favour"}`;
}

/** Money in the report currency, whole units: "EUR 12,345". */
export function moneyText(value: number | null, currency: string): string {
  return value === null ? 'suppressed' : `${currency} ${formatCount(Math.round(value))}`;
}

export type GapStatus = 'healthy' | 'watch' | 'insufficient-data';
export const gapStatus = (gap: number | null): GapStatus => (gap === null ? 'insufficient-data' : Math.abs(gap) >= assessmentLine - 1e-12 ? 'watch' : 'healthy');

export interface HeadlineFigure {
  /** The report path of the value, e.g. `hourly.meanGap` (data-gap attribute: tests read it). */
  readonly key: string;
  readonly letter: string;
  readonly label: string;
  readonly value: number | null;
  /** The tile's figure: "12.3%" (size of the gap or the share), "suppressed". */
  readonly text: string;
  /** Who the gap favours, or why it is not published. */
  readonly detail: string;
  readonly status: GapStatus | 'neutral';
}

const noGap = 'fewer than the minimum of women or men';

/** The headline gaps and shares, Article 9(1)(a)-(e) (all suppressed when there is no view). */
export function headlineFigures(report: PayGapReport | undefined): HeadlineFigure[] {
  const gap = (key: string, letter: string, label: string, value: number | null): HeadlineFigure => ({
    key,
    letter,
    label,
    value,
    text: value === null ? 'suppressed' : percent(Math.abs(value)),
    // the status in words too (never by colour alone)
    detail: value === null ? noGap : `${value > 0 ? 'men paid more' : value < 0 ? 'women paid more' : 'no gap'}${gapStatus(value) === 'watch' ? ' · 5% or more' : ''}`,
    status: gapStatus(value),
  });
  const share = (key: string, label: string, value: number | null): HeadlineFigure => ({
    key,
    letter: '(e)',
    label,
    value,
    text: value === null ? 'suppressed' : percent(value),
    detail: value === null ? noGap : 'receive variable pay',
    status: 'neutral',
  });
  return [
    gap('hourly.meanGap', '(a)', 'Mean gap, hourly basic pay', report?.hourly.meanGap ?? null),
    gap('hourly.medianGap', '(c)', 'Median gap, hourly basic pay', report?.hourly.medianGap ?? null),
    gap('annual.meanGap', '', 'Mean gap, annual basic pay', report?.annual.meanGap ?? null),
    gap('annual.medianGap', '', 'Median gap, annual basic pay', report?.annual.medianGap ?? null),
    gap('variable.meanGap', '(b)', 'Mean gap, variable pay (receivers)', report?.variable.meanGap ?? null),
    gap('variable.medianGap', '(d)', 'Median gap, variable pay (receivers)', report?.variable.medianGap ?? null),
    share('variable.shareWomen', 'Women receiving variable pay', report?.variable.shareWomen ?? null),
    share('variable.shareMen', 'Men receiving variable pay', report?.variable.shareMen ?? null),
  ];
}

/** A count as published: "<5" for a suppressed category's. */
export const countText = (value: number | null, minCell: number): string => (value === null ? `<${minCell}` : formatCount(value));

/** The categories table, Article 9(1)(g): one row of texts per category, with the joint-assessment flag. */
export function categoryRows(view: PayGapView | null, minCell: number): { category: string; suppressed: boolean; joint: boolean; cells: string[] }[] {
  return (view?.report.categories ?? []).map((c) => ({
    category: c.category,
    suppressed: c.suppressed,
    joint: c.jointAssessment,
    cells: [
      c.category,
      countText(c.women, minCell),
      countText(c.men, minCell),
      gapText(c.basicMeanGap),
      gapText(c.basicMedianGap),
      gapText(c.variableMeanGap),
      gapText(c.variableMedianGap),
      c.suppressed ? 'suppressed' : c.jointAssessment ? 'yes (5% or more)' : 'no',
    ],
  }));
}
export const categoryColumns = ['Category', 'Women', 'Men', 'Mean gap (hourly basic)', 'Median gap (hourly basic)', 'Mean gap (variable)', 'Median gap (variable)', 'Joint assessment'] as const;

/** The adjusted gap with its 95% interval and controls, and the cost to close, as sentences. */
export function adjustedText(view: PayGapView | null): { gap: string; interval: string; controls: string; cost: string; costNote: string } {
  if (view === null) return { gap: 'suppressed', interval: '—', controls: 'none', cost: 'suppressed', costNote: 'No worker for these filters.' };
  const { adjusted, costToClose, currency } = view.report;
  const interval = adjusted.low === null || adjusted.high === null ? '—' : `${percent(adjusted.low)} to ${percent(adjusted.high)}`;
  return {
    gap: gapText(adjusted.gap),
    interval,
    controls: adjusted.controls.length ? adjusted.controls.join(', ') : 'none',
    cost: moneyText(costToClose, currency),
    costNote: view.costWithheld
      ? 'Withheld for this view: it differs from a view containing it by fewer people than the minimum, so the difference of the two costs could single someone out.'
      : 'The annual raise that brings the mean annual basic gap of every category at 5% or more in men\'s favour down to 5% (suppressed categories left out).',
  };
}

/** Words for the view's scope and its suppression. */
export function scopeText(view: PayGapView | null, filters: SiteFilters, minCell: number): string {
  const scope = [filters.region ? `region ${filters.region}` : null, filters.department ? `department ${filters.department}` : null].filter(Boolean).join(', ') || 'the whole company';
  if (view === null) return `No worker employed at the report date in ${scope}.`;
  const { women, men, other, undisclosed } = view.report.workers;
  const counted = `${formatCount(women)} women, ${formatCount(men)} men, ${formatCount(other + undisclosed)} other or undisclosed`;
  if (view.suppression === 'primary') return `${scope[0]!.toUpperCase()}${scope.slice(1)}: ${counted}. Fewer than ${minCell} women or ${minCell} men: no gap is published.`;
  if (view.suppression === 'secondary') {
    return `${scope[0]!.toUpperCase()}${scope.slice(1)}: ${counted}. It differs from a published view containing it by 1 to ${minCell - 1} women or men: its company-wide figures are withheld so the two cannot be differenced.`;
  }
  return `${scope[0]!.toUpperCase()}${scope.slice(1)}: ${counted}.`;
}

/**
 * The page's CSV export as a `data:` URL: the file `hirescope report pay-gap --csv` writes
 * (pipelines/contract/payGapCsv.ts: one section per Article 9(1) letter (a)-(g), then the adjusted gap and
 * the cost to close; formula-safe; suppressed values empty, suppressed counts "<5"), of the view as published.
 */
export function payGapCsvHref(view: PayGapView | null, minCell: number): string {
  const text = view === null ? toCsv(['note'], [['no worker for these filters']]) : payGapCsv(view.report, minCell);
  return `data:text/csv;charset=utf-8,${encodeURIComponent(text)}`;
}

/** The CSV file name for the filters. */
export function payGapCsvName(filters: SiteFilters): string {
  const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return ['pay-gap-report', filters.region && slug(filters.region), filters.department && slug(filters.department)].filter(Boolean).join('-') + '.csv';
}

/** Everything the page sets for the filters (the build and the island alike). */
export function payEquityParts(snapshot: PayGapSnapshot | undefined, filters: SiteFilters) {
  const view = payGapViewFor(snapshot, filters);
  const minCell = snapshot?.minCell ?? 5;
  return {
    view,
    scope:
      (snapshot?.unavailable ? `No pay gap report: ${snapshot.unavailable}.` : scopeText(view, filters, minCell)) +
      (filters.from || filters.to || filters.level ? ' The period and level filters do not apply: the report is of the workers at the report date.' : ''),
    headline: headlineFigures(view?.report),
    categories: categoryRows(view, minCell),
    adjusted: adjustedText(view),
    csvHref: payGapCsvHref(view, minCell),
    csvName: payGapCsvName(filters),
  };
}
