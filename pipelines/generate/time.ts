/**
 * Time for the generator: instants are whole minutes since 1970-01-01T00:00Z, days are whole days since
 * the epoch (UTC). Formatting goes through small caches because the benchmark scale writes ~10 million
 * timestamps and Date#toISOString would dominate the run time.
 */
import type { Rng } from './random.ts';

export const MINUTES_PER_DAY = 1440;
/** Business hours used for recruiter actions: 08:00-18:59 UTC. */
const WORK_START = 8 * 60;
const WORK_END = 19 * 60 - 1;

/** Parses `YYYY-MM-DD` to a day number; throws on anything else (including impossible dates). */
export function parseDay(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) throw new Error(`not a date (YYYY-MM-DD): ${text}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const day = ms / 86_400_000;
  if (formatDay(day) !== text) throw new Error(`not a valid calendar date: ${text}`);
  return day;
}

const dayCache = new Map<number, string>();

/** `YYYY-MM-DD` of a day number. */
export function formatDay(day: number): string {
  let s = dayCache.get(day);
  if (s === undefined) {
    s = new Date(day * 86_400_000).toISOString().slice(0, 10);
    dayCache.set(day, s);
  }
  return s;
}

const clock: string[] = [];
for (let m = 0; m < MINUTES_PER_DAY; m++) {
  const hh = String(Math.floor(m / 60)).padStart(2, '0');
  const mm = String(m % 60).padStart(2, '0');
  clock.push(`T${hh}:${mm}:00Z`);
}

/** ISO 8601 UTC timestamp (`2026-03-04T10:15:00Z`) of an instant in minutes. */
export function formatInstant(t: number): string {
  const day = Math.floor(t / MINUTES_PER_DAY);
  return formatDay(day) + (clock[t - day * MINUTES_PER_DAY] as string);
}

/** Like formatInstant, but a negative instant (our "none") becomes the empty string. */
export function formatMaybe(t: number): string {
  return t < 0 ? '' : formatInstant(t);
}

export function dayOf(t: number): number {
  return Math.floor(t / MINUTES_PER_DAY);
}

/** A working-hours instant on the given day. */
export function atWork(day: number, rng: Rng): number {
  return day * MINUTES_PER_DAY + rng.int(WORK_START, WORK_END);
}

/** A working-hours instant `days` calendar days after `t`, strictly later than `t`. */
export function workDaysAfter(t: number, days: number, rng: Rng): number {
  const next = atWork(dayOf(t) + days, rng);
  return next > t ? next : t + rng.int(5, 120);
}

/** A working-hours instant `days` calendar days before `t`, strictly earlier than `t`. */
export function workDaysBefore(t: number, days: number, rng: Rng): number {
  const prev = atWork(dayOf(t) - days, rng);
  return prev < t ? prev : t - rng.int(5, 120);
}

/** First day of the month `months` months after the month of `day` (negative goes back). */
export function monthStart(day: number, months: number): number {
  const d = new Date(day * 86_400_000);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1) / 86_400_000;
}
