/**
 * When a digest is due (README "Weekly digest"). The cadence is a cron pattern: `weekly` is Monday 00:00
 * and `daily` midnight, in the organisation time zone; any other value is a cron expression. A digest is
 * due when no digest was sent yet, or when a cron occurrence lies after the last digest and at or before
 * now. So the first refresh of a new week sends it, whatever time the refresh runs (a refresh a few
 * seconds earlier than last week's does not skip a week, as "7 days since" would).
 */
import { Cron } from 'croner';

const named: Record<string, string> = { weekly: '0 0 * * 1', daily: '0 0 * * *' };

/** The cron pattern of a cadence (`weekly`, `daily` or a cron expression). */
export function cadencePattern(every: string): string {
  return named[every] ?? every;
}

/** An error message when `every` is neither weekly, daily nor a valid cron expression; else undefined. */
export function maybeCadenceError(every: string): string | undefined {
  try {
    new Cron(cadencePattern(every), { paused: true });
    return undefined;
  } catch (error) {
    return `"${every}" is not weekly, daily or a cron expression (${(error as Error).message})`;
  }
}

/** True when a digest is due at `now`, the last one having been sent at `lastSentAt` (undefined: never). */
export function digestDue(every: string, lastSentAt: string | undefined, now: Date, timeZone = 'UTC'): boolean {
  if (lastSentAt === undefined) return true;
  const last = new Date(lastSentAt);
  if (Number.isNaN(last.getTime()) || last > now) return true;
  const next = new Cron(cadencePattern(every), { paused: true, timezone: timeZone }).nextRun(last);
  return next !== null && next <= now;
}
