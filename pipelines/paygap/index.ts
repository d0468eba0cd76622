/**
 * The pay-gap report engine (issue 19): every figure in SQL (pipelines/sql/paygap/), suppressed there;
 * only the regression's design-matrix aggregates are formed in JS.
 */
import type { Warehouse } from '../lib/duckdb.ts';
import type { PayGapReport, PayRequest } from '../contract/payGap.ts';

export interface PayGapOptions {
  /** YYYY-MM-DD: workers employed at this date (each employee's latest row with effective_date <= asOf). */
  readonly asOf: string;
  /** ISO 4217 report currency (config payGap.currency, default EUR). */
  readonly currency: string;
  /** Smallest number of women and of men behind any published figure (config payGap.minCell, default 5). */
  readonly minCell: number;
  /** Hours of a full-time week (config payGap.standardHours, default 40). */
  readonly standardHours?: number;
  /** Filters, applied before suppression. */
  readonly region?: string;
  readonly department?: string;
}

/** The Article 9 report for the workers at `asOf`. */
export async function payGapReport(conn: Warehouse, options: PayGapOptions): Promise<PayGapReport> {
  void conn;
  void options;
  throw new Error('payGapReport: not implemented yet');
}

/** The Article 7 answer: one category's average hourly and annual pay by sex. */
export async function payRequest(conn: Warehouse, options: PayGapOptions & { readonly category: string }): Promise<PayRequest> {
  void conn;
  void options;
  throw new Error('payRequest: not implemented yet');
}
