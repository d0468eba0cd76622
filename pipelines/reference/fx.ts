/**
 * Annual average FX rates in USD per unit, derived from the ECB euro reference rates (units of currency per
 * 1 EUR, one row per business day, `N/A` when a currency is not published, a trailing comma on every line).
 *
 * Per day: USD per unit of X = (USD per EUR) / (X per EUR). Per currency and calendar year: the arithmetic
 * mean of those daily cross rates over the days on which both USD and X are published, summed in date order
 * (so the result is bit-for-bit reproducible). `as_of` is the last such day of that year for that currency.
 * EUR's row is the mean of the USD column itself; USD's row is 1 with as_of the last USD day of the year.
 */
import { formatSignificant, parseCsv } from './csv.ts';

export const FX_SOURCE = 'ECB euro reference rates (Source: ECB), annual mean of daily cross rates via USD';
export const FX_SIGNIFICANT_DIGITS = 8;

export interface FxRow {
  currency: string;
  year: string;
  usdPerUnit: number;
  /** number of days averaged */
  days: number;
  asOf: string;
}

const RATE = /^\d+(?:\.\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A published rate, or null for `N/A` / empty. Anything else is an error, never a guess. */
function rate(value: string, where: string): number | null {
  const v = value.trim();
  if (v === 'N/A' || v === '') return null;
  if (!RATE.test(v)) throw new Error(`ECB file: unexpected rate ${JSON.stringify(value)} at ${where}`);
  const n = Number(v);
  if (!(n > 0)) throw new Error(`ECB file: non-positive rate ${JSON.stringify(value)} at ${where}`);
  return n;
}

interface Acc {
  sum: number;
  days: number;
  asOf: string;
}

export function computeFxRows(ecbCsv: string): FxRow[] {
  const [header, ...records] = parseCsv(ecbCsv);
  if (!header || header[0] !== 'Date') throw new Error('ECB file: first column must be "Date"');
  // The trailing comma of every line yields an empty last column: keep only named columns.
  const currencies: { code: string; index: number }[] = [];
  header.forEach((name, index) => {
    if (index === 0 || name.trim() === '') return;
    if (!/^[A-Z]{3}$/.test(name)) throw new Error(`ECB file: unexpected column ${JSON.stringify(name)}`);
    currencies.push({ code: name, index });
  });
  const usd = currencies.find((c) => c.code === 'USD');
  if (!usd) throw new Error('ECB file: no USD column');

  const days = records
    .filter((r) => r.length > 1 || (r[0] ?? '') !== '')
    .map((r, i) => {
      const date = r[0] ?? '';
      if (!DATE.test(date)) throw new Error(`ECB file: bad date ${JSON.stringify(date)} on record ${i + 2}`);
      return { date, fields: r };
    })
    .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  for (let i = 1; i < days.length; i += 1) {
    if (days[i]?.date === days[i - 1]?.date) throw new Error(`ECB file: duplicate date ${days[i]?.date}`);
  }

  // key `${currency}|${year}`
  const acc = new Map<string, Acc>();
  const add = (currency: string, year: string, value: number, date: string): void => {
    const key = `${currency}|${year}`;
    const a = acc.get(key);
    if (a) {
      a.sum += value;
      a.days += 1;
      a.asOf = date; // dates ascend
    } else {
      acc.set(key, { sum: value, days: 1, asOf: date });
    }
  };

  for (const { date, fields } of days) {
    const year = date.slice(0, 4);
    const usdPerEur = rate(fields[usd.index] ?? '', `${date} USD`);
    if (usdPerEur === null) continue; // no cross rate for anything on this day
    add('EUR', year, usdPerEur, date);
    add('USD', year, 1, date);
    for (const c of currencies) {
      if (c.code === 'USD') continue;
      const perEur = rate(fields[c.index] ?? '', `${date} ${c.code}`);
      if (perEur === null) continue;
      add(c.code, year, usdPerEur / perEur, date);
    }
  }

  const rows: FxRow[] = [];
  for (const [key, a] of acc) {
    const [currency = '', year = ''] = key.split('|');
    rows.push({
      currency,
      year,
      usdPerUnit: currency === 'USD' ? 1 : a.sum / a.days,
      days: a.days,
      asOf: a.asOf,
    });
  }
  rows.sort((x, y) =>
    x.currency < y.currency ? -1 : x.currency > y.currency ? 1 : x.year < y.year ? -1 : x.year > y.year ? 1 : 0,
  );
  return rows;
}

/** CSV records for fx_rates.csv (without header). */
export function fxCsvRecords(rows: readonly FxRow[]): string[][] {
  return rows.map((r) => [r.currency, formatSignificant(r.usdPerUnit, FX_SIGNIFICANT_DIGITS), r.asOf, FX_SOURCE]);
}
