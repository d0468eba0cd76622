/**
 * The default as-of date, one rule for the CLI (`metrics`, `alerts`, `export`) and the site (`refresh`):
 * the day of the newest event in the data (pipelines/sql/staging/newest_event.sql), never later than
 * today; today when the warehouse holds no event. And how fresh that newest event is.
 */
import type { Config } from '../lib/config.ts';
import { sqlFile, type Warehouse } from '../lib/duckdb.ts';
import { minDate, todayIn } from '../lib/time.ts';
import { ensureSchema } from '../ingest/schema.ts';

export interface NewestEvent {
  /** UTC ISO timestamp of the newest event. */
  readonly at: string;
  /** Its calendar day in the organisation time zone. */
  readonly day: string;
}

/** The newest event in the warehouse, or null when it holds none. */
export async function newestEvent(warehouse: Warehouse): Promise<NewestEvent | null> {
  await ensureSchema(warehouse);
  const row = await warehouse.maybeOne<{ at: string | null; day: string | null }>(sqlFile('staging/newest_event.sql'));
  return row?.at && row.day ? { at: row.at, day: row.day } : null;
}

/** The as-of a command uses when none is given: the newest event's day (capped at today), else today. */
export function defaultAsOf(newest: NewestEvent | null, config: Pick<Config, 'timeZone'>, now = new Date()): string {
  const today = todayIn(config.timeZone, now);
  return newest ? minDate(newest.day, today) : today;
}

export interface Freshness {
  /** Day of the newest event (organisation time zone), null for an empty warehouse. */
  readonly newestEvent: string | null;
  /** Calendar days from the newest event's day to today. */
  readonly staleDays: number | null;
  /** Config `staleAfterDays`: older than this is stale. */
  readonly staleAfterDays: number;
  readonly stale: boolean;
}

export function freshnessOf(newest: NewestEvent | null, config: Pick<Config, 'timeZone' | 'staleAfterDays'>, now = new Date()): Freshness {
  if (!newest) return { newestEvent: null, staleDays: null, staleAfterDays: config.staleAfterDays, stale: false };
  const today = todayIn(config.timeZone, now);
  const staleDays = Math.max(0, Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${newest.day}T00:00:00Z`)) / 86_400_000));
  return { newestEvent: newest.day, staleDays, staleAfterDays: config.staleAfterDays, stale: staleDays > config.staleAfterDays };
}

/** The warning a person reads on stderr when the data is stale, or null. */
export function staleWarning(f: Freshness): string | null {
  if (!f.stale) return null;
  return (
    `warning: the newest event in the data is ${f.newestEvent}, ${f.staleDays} days ago (stale after ${f.staleAfterDays} days, ` +
    'config staleAfterDays): load newer exports, or read the figures as of that day'
  );
}
