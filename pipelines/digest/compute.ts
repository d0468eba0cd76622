/**
 * The digest document (contract/digest.ts): the KPI tiles with their changes, the alerts that are new or
 * resolved since the last digest, the oldest open openings and the site's address. Aggregates and
 * requisitions only: nothing here describes a candidate.
 */
import type { Config } from '../lib/config.ts';
import { ownersVisible } from '../lib/privacy.ts';
import { paramsFor, sqlFile, type Warehouse } from '../lib/duckdb.ts';
import type { Alert } from '../contract/alerts.ts';
import { digestSchema, type Digest, type DigestAlert, type DigestOpening, type DigestState } from '../contract/digest.ts';
import { compareTiles } from './compare.ts';

/** How many of the oldest open openings the digest lists. */
export const oldestOpeningsShown = 5;

export interface DigestRequest {
  readonly asOf: string;
  /** The alerts firing now (as the refresh evaluated them for the site). */
  readonly alerts: readonly Alert[];
  /** The last digest sent, or undefined before the first. */
  readonly previous: DigestState | undefined;
}

/** The id a digest remembers an alert by: a watch that turns into an alarm is a new alert. */
export function digestAlertId(alert: Alert): string {
  return `${alert.rule}:${alert.subject}:${alert.level}`;
}

/** Alerts with their digest ids (what the digest state remembers). */
export function digestAlerts(alerts: readonly Alert[]): DigestAlert[] {
  return alerts.map((alert) => ({ ...alert, id: digestAlertId(alert) }));
}

/** The alerts firing now that the last digest did not list, and those it listed that no longer fire. */
export function alertChanges(alerts: readonly Alert[], previous: DigestState | undefined): { new: DigestAlert[]; resolved: DigestAlert[] } {
  const current = digestAlerts(alerts);
  const before = previous?.alerts ?? [];
  const now = new Set(current.map((a) => a.id));
  const then = new Set(before.map((a) => a.id));
  return { new: current.filter((a) => !then.has(a.id)), resolved: before.filter((a) => !now.has(a.id)) };
}

/**
 * The oldest openings open at asOf (the staging views must be installed: compareTiles does it), with
 * their recruiter unless config privacy.owners is "hide" (owners are staff in their work role).
 */
async function oldestOpenings(warehouse: Warehouse, config: Config, asOf: string): Promise<DigestOpening[]> {
  const shown = ownersVisible(config);
  const sql = sqlFile('digest/oldest_openings.sql');
  const rows = await warehouse.all<DigestOpening & { recruiter: string | null }>(sql, paramsFor(sql, { as_of: asOf, limit: oldestOpeningsShown, show_owners: shown }));
  return rows.map(({ recruiter, ...row }) => (shown ? { ...row, recruiter } : row));
}

/** Build and check the digest of a warehouse as of `asOf`. */
export async function buildDigest(warehouse: Warehouse, config: Config, request: DigestRequest): Promise<Digest> {
  const compared = await compareTiles(warehouse, config, request.asOf, config.digest.periodDays);
  const changes = alertChanges(request.alerts, request.previous);
  return digestSchema.parse({
    asOf: request.asOf,
    ...compared,
    alerts: { active: request.alerts.length, since: request.previous?.lastSentAt ?? null, ...changes },
    oldestOpenings: await oldestOpenings(warehouse, config, request.asOf),
    siteUrl: config.digest.siteUrl ?? null,
  });
}
