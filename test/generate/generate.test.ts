import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_HEADERS } from '../../pipelines/generate/index.ts';
import { LEVEL_ROWS } from '../../pipelines/reference/levels.ts';
import { STAGE_ROWS } from '../../pipelines/reference/stages.ts';
import type { Row, Tables } from './helpers.ts';
import {
  SAMPLE_FILES,
  daysBetween,
  field,
  generateInto,
  median,
  readAll,
  readCsv,
  regionOf,
  removeGenerated,
  sha256,
} from './helpers.ts';

const END = '2026-09-30';
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const TIMESTAMP_COLUMNS: Partial<Record<keyof typeof FILE_HEADERS, readonly string[]>> = {
  'jobs.csv': ['opened_at', 'closed_at'],
  'openings.csv': ['opened_at', 'closed_at'],
  'applications.csv': ['applied_at', 'rejected_at', 'hired_at'],
  'stage_history.csv': ['entered_at', 'exited_at'],
  'offers.csv': ['created_at', 'sent_at', 'resolved_at'],
};
const DATE_COLUMNS: Partial<Record<keyof typeof FILE_HEADERS, readonly string[]>> = {
  'offers.csv': ['start_date'],
  'compensation.csv': ['effective_date'],
  'benchmarks.csv': ['as_of'],
  'fx_rates.csv': ['as_of'],
};

let dirA = '';
let dirB = '';
let dirOtherSeed = '';
let filesA: Record<string, number> = {};
let t1: Tables;
let t2: Tables;

beforeAll(async () => {
  const a = await generateInto(42, 1);
  dirA = a.dir;
  filesA = a.result.files;
  dirB = (await generateInto(42, 1)).dir;
  dirOtherSeed = (await generateInto(43, 1)).dir;
  t1 = readAll(dirA);
  t2 = readAll((await generateInto(7, 2)).dir);
});

afterAll(removeGenerated);

describe('determinism', () => {
  it('gives byte-identical files for the same seed, scale and end', () => {
    for (const f of SAMPLE_FILES) expect(sha256(path.join(dirB, f)), f).toBe(sha256(path.join(dirA, f)));
  });

  it('gives different files for a different seed', () => {
    for (const f of ['jobs.csv', 'applications.csv', 'stage_history.csv', 'offers.csv', 'compensation.csv', 'fx_rates.csv']) {
      expect(sha256(path.join(dirOtherSeed, f)), f).not.toBe(sha256(path.join(dirA, f)));
    }
  });
});

describe('hirescope CSV format', () => {
  it('writes exactly the canonical files with their headers, LF, no BOM, no leftovers', () => {
    expect(fs.readdirSync(dirA).sort()).toEqual([...SAMPLE_FILES].sort());
    for (const f of SAMPLE_FILES) {
      const bytes = fs.readFileSync(path.join(dirA, f));
      expect(bytes[0], `${f} BOM`).not.toBe(0xef);
      const text = bytes.toString('utf8');
      expect(text.includes('\r'), `${f} CR`).toBe(false);
      expect(text.endsWith('\n'), `${f} final LF`).toBe(true);
      const { header, rows } = readCsv(path.join(dirA, f));
      expect(header, f).toEqual([...FILE_HEADERS[f]]);
      expect(rows.length, f).toBe(filesA[f]);
      for (const row of rows) expect(Object.keys(row).length, f).toBe(header.length);
    }
  });

  it('quotes only where needed (titles with commas survive a round trip)', () => {
    const text = fs.readFileSync(path.join(dirA, 'jobs.csv'), 'utf8');
    const quoted = [...text.matchAll(/"([^"]*)"/g)].map((m) => m[1] ?? '');
    for (const q of quoted) expect(/[",\n]/.test(q), q).toBe(true);
    expect(t2['jobs.csv'].some((j) => field(j, 'title').includes(', '))).toBe(true);
  });

  it('formats timestamps, dates, statuses and money canonically', () => {
    for (const f of SAMPLE_FILES) {
      for (const row of t1[f]) {
        for (const c of TIMESTAMP_COLUMNS[f] ?? []) if (field(row, c) !== '') expect(field(row, c), `${f}.${c}`).toMatch(TIMESTAMP);
        for (const c of DATE_COLUMNS[f] ?? []) if (field(row, c) !== '') expect(field(row, c), `${f}.${c}`).toMatch(DATE);
      }
    }
    for (const a of t1['applications.csv']) {
      expect(['active', 'rejected', 'hired']).toContain(field(a, 'status'));
      expect(['', 'rejected', 'withdrew', 'other']).toContain(field(a, 'rejection_type'));
      expect(field(a, 'applied_at')).not.toBe('');
    }
    for (const o of t1['offers.csv']) {
      expect(['accepted', 'declined', 'pending', 'rescinded', 'deprecated']).toContain(field(o, 'status'));
      expect(field(o, 'base_salary')).toMatch(/^[1-9]\d*$/);
    }
    for (const c of t1['compensation.csv']) expect(field(c, 'base_salary')).toMatch(/^[1-9]\d*$/);
    for (const j of t1['jobs.csv']) expect(field(j, 'country')).toMatch(/^[A-Z]{2}$/);
    for (const r of t1['fx_rates.csv']) expect(Number(field(r, 'usd_per_unit'))).toBeGreaterThan(0);
  });

  it('uses stage names and level spellings that the default mappings know (plus the deliberate Culture Chat)', () => {
    const stages = new Set(STAGE_ROWS.map((r) => r.name.toLowerCase()));
    const unmapped = new Set(t1['stage_history.csv'].map((s) => field(s, 'stage')).filter((n) => !stages.has(n.toLowerCase())));
    expect([...unmapped]).toEqual(['Culture Chat']);
    const levels = new Set(LEVEL_ROWS.map((r) => r.alias.toLowerCase()));
    for (const row of [...t1['jobs.csv'], ...t1['compensation.csv'], ...t1['benchmarks.csv']]) {
      expect(levels.has(field(row, 'level').toLowerCase()), field(row, 'level')).toBe(true);
    }
  });
});

describe('scale 1', () => {
  it('has row counts in the expected ranges', () => {
    expect(filesA['openings.csv']).toBe(100);
    expect(filesA['jobs.csv']).toBeGreaterThanOrEqual(45);
    expect(filesA['jobs.csv']).toBeLessThanOrEqual(80);
    expect(filesA['applications.csv']).toBeGreaterThanOrEqual(1700);
    expect(filesA['applications.csv']).toBeLessThanOrEqual(2300);
    expect(filesA['stage_history.csv']).toBeGreaterThanOrEqual(6500);
    expect(filesA['stage_history.csv']).toBeLessThanOrEqual(11_000);
    expect(filesA['offers.csv']).toBeGreaterThanOrEqual(80);
    expect(filesA['offers.csv']).toBeLessThanOrEqual(150);
    expect(new Set(t1['compensation.csv'].map((c) => field(c, 'employee_id'))).size).toBe(200);
    expect(filesA['compensation.csv']).toBeGreaterThanOrEqual(250);
    expect(filesA['compensation.csv']).toBeLessThanOrEqual(500);
    expect(filesA['benchmarks.csv']).toBe(180);
  });

  it('scales linearly', () => {
    expect(t2['openings.csv'].length).toBe(200);
    expect(new Set(t2['compensation.csv'].map((c) => field(c, 'employee_id'))).size).toBe(400);
    expect(t2['applications.csv'].length).toBeGreaterThan(3400);
    expect(t2['applications.csv'].length).toBeLessThan(4600);
  });

  it('dates nothing after the end of the window, and starts about 18 months earlier', () => {
    for (const t of [t1, t2]) {
      for (const f of SAMPLE_FILES) {
        for (const row of t[f]) {
          for (const c of [...(TIMESTAMP_COLUMNS[f] ?? []), ...(DATE_COLUMNS[f] ?? [])]) {
            expect(field(row, c).slice(0, 10) <= END, `${f}.${c} ${field(row, c)}`).toBe(true);
          }
        }
      }
      const firstOpening = t['openings.csv'].map((o) => field(o, 'opened_at')).sort()[0] ?? '';
      expect(firstOpening >= '2025-04-01' && firstOpening < '2025-06-01', firstOpening).toBe(true);
    }
  });

  it('honours a custom end date', async () => {
    const { dir } = await generateInto(42, 0.3, '2025-12-31');
    const t = readAll(dir);
    for (const f of SAMPLE_FILES) {
      for (const row of t[f]) {
        for (const c of [...(TIMESTAMP_COLUMNS[f] ?? []), ...(DATE_COLUMNS[f] ?? [])]) {
          expect(field(row, c).slice(0, 10) <= '2025-12-31', `${f}.${c}`).toBe(true);
        }
      }
    }
    expect(t['openings.csv'].length).toBe(30);
  });

  it('rejects bad options', async () => {
    await expect(generateInto(1.5, 1)).rejects.toThrow(/seed/);
    await expect(generateInto(1, 0)).rejects.toThrow(/scale/);
    await expect(generateInto(1, 1, '2026-02-30')).rejects.toThrow(/date/);
  });
});

function byId(rows: Row[], column: string): Map<string, Row> {
  const map = new Map<string, Row>();
  for (const r of rows) {
    expect(map.has(field(r, column)), `duplicate ${column} ${field(r, column)}`).toBe(false);
    map.set(field(r, column), r);
  }
  return map;
}

/** Latest offer version per application, deprecated rows never count (DESIGN §3). */
function latestOffers(t: Tables): Row[] {
  const latest = new Map<string, Row>();
  for (const o of t['offers.csv']) {
    if (field(o, 'status') === 'deprecated') continue;
    const prev = latest.get(field(o, 'application_id'));
    if (!prev || Number(field(o, 'version')) > Number(field(prev, 'version'))) latest.set(field(o, 'application_id'), o);
  }
  return [...latest.values()];
}

describe('referential integrity and timelines', () => {
  for (const [label, get] of [['scale 1', () => t1], ['scale 2', () => t2]] as const) {
    it(`${label}: ids are unique and every reference resolves`, () => {
      const t = get();
      const jobs = byId(t['jobs.csv'], 'job_id');
      byId(t['openings.csv'], 'opening_id');
      byId(t['offers.csv'], 'offer_id');
      const apps = byId(t['applications.csv'], 'application_id');
      for (const o of t['openings.csv']) {
        expect(jobs.has(field(o, 'job_id'))).toBe(true);
        const hired = field(o, 'hired_application_id');
        if (hired === '') continue;
        const app = apps.get(hired);
        expect(app, hired).toBeDefined();
        expect(field(app as Row, 'job_id')).toBe(field(o, 'job_id'));
        expect(field(app as Row, 'status')).toBe('hired');
        expect(field(o, 'closed_at')).not.toBe('');
      }
      const hiredIds = t['openings.csv'].map((o) => field(o, 'hired_application_id')).filter((h) => h !== '');
      expect(new Set(hiredIds).size).toBe(hiredIds.length);
      for (const a of t['applications.csv']) expect(jobs.has(field(a, 'job_id'))).toBe(true);
      for (const o of t['offers.csv']) expect(apps.has(field(o, 'application_id')), field(o, 'application_id')).toBe(true);
      for (const s of t['stage_history.csv']) expect(apps.has(field(s, 'application_id'))).toBe(true);
      // Every hire fills exactly one opening.
      expect(t['applications.csv'].filter((a) => field(a, 'status') === 'hired').length).toBe(hiredIds.length);
    });

    it(`${label}: stays are contiguous and agree with the application's outcome`, () => {
      const t = get();
      const stays = new Map<string, Row[]>();
      for (const s of t['stage_history.csv']) {
        const list = stays.get(field(s, 'application_id')) ?? [];
        list.push(s);
        stays.set(field(s, 'application_id'), list);
      }
      for (const a of t['applications.csv']) {
        const list = stays.get(field(a, 'application_id')) ?? [];
        expect(list.length, field(a, 'application_id')).toBeGreaterThan(0);
        expect(field(list[0] as Row, 'entered_at')).toBe(field(a, 'applied_at'));
        list.forEach((s, i) => {
          const exited = field(s, 'exited_at');
          if (i < list.length - 1) expect(exited).toBe(field(list[i + 1] as Row, 'entered_at'));
          if (exited !== '') expect(exited >= field(s, 'entered_at')).toBe(true);
        });
        const last = list[list.length - 1] as Row;
        const status = field(a, 'status');
        if (status === 'active') expect(field(last, 'exited_at')).toBe('');
        if (status === 'rejected') {
          expect(field(last, 'exited_at')).toBe(field(a, 'rejected_at'));
          expect(field(a, 'rejection_type')).not.toBe('');
          expect(field(a, 'rejection_reason')).not.toBe('');
        } else expect(field(a, 'rejected_at') + field(a, 'rejection_type') + field(a, 'rejection_reason')).toBe('');
        if (status === 'hired') {
          expect(field(last, 'stage')).toBe('Offer');
          expect(field(last, 'exited_at')).toBe(field(a, 'hired_at'));
        } else expect(field(a, 'hired_at')).toBe('');
      }
    });

    it(`${label}: offers are ordered in time and consistent with their application`, () => {
      const t = get();
      const apps = byId(t['applications.csv'], 'application_id');
      for (const o of t['offers.csv']) {
        const created = field(o, 'created_at');
        const sent = field(o, 'sent_at');
        const resolved = field(o, 'resolved_at');
        const status = field(o, 'status');
        if (sent !== '') expect(sent >= created).toBe(true);
        if (resolved !== '') expect(resolved >= sent && sent !== '').toBe(true);
        expect(resolved === '', `${status} resolved`).toBe(status === 'pending' || status === 'deprecated');
        if (status === 'accepted') expect(field(apps.get(field(o, 'application_id')) as Row, 'status')).toBe('hired');
        if (status === 'declined') expect(field(apps.get(field(o, 'application_id')) as Row, 'rejection_type')).toBe('withdrew');
        if (status === 'pending') expect(field(apps.get(field(o, 'application_id')) as Row, 'status')).toBe('active');
      }
      // Filled openings close on or a few days after the accepted offer resolves.
      const accepted = new Map(t['offers.csv'].filter((o) => field(o, 'status') === 'accepted').map((o) => [field(o, 'application_id'), o]));
      for (const o of t['openings.csv']) {
        const hired = field(o, 'hired_application_id');
        if (hired === '') continue;
        const gap = daysBetween(field(accepted.get(hired) as Row, 'resolved_at'), field(o, 'closed_at'));
        expect(gap).toBeGreaterThanOrEqual(0);
        expect(gap).toBeLessThanOrEqual(4);
      }
    });
  }
});

describe('realism (scale 2)', () => {
  it('has an offer acceptance rate near the 85% healthy line', () => {
    const latest = latestOffers(t2);
    const accepted = latest.filter((o) => field(o, 'status') === 'accepted').length;
    const declined = latest.filter((o) => field(o, 'status') === 'declined').length;
    const rate = accepted / (accepted + declined);
    expect(rate).toBeGreaterThan(0.78);
    expect(rate).toBeLessThan(0.92);
    expect(latest.some((o) => field(o, 'status') === 'rescinded')).toBe(true);
    const versions2 = t2['offers.csv'].filter((o) => field(o, 'version') === '2').length;
    expect(versions2 / latest.length).toBeGreaterThan(0.08);
    expect(versions2 / latest.length).toBeLessThan(0.25);
  });

  it('converts referrals clearly better than job boards', () => {
    const rate = (type: string): number => {
      const apps = t2['applications.csv'].filter((a) => field(a, 'source_type') === type);
      return apps.filter((a) => field(a, 'status') === 'hired').length / apps.length;
    };
    expect(rate('referral')).toBeGreaterThan(2 * rate('job_board'));
  });

  it('takes longer to fill in the US than in APAC, both near the seed ranges', () => {
    const jobs = new Map(t2['jobs.csv'].map((j) => [field(j, 'job_id'), j]));
    const resolved = new Map(
      t2['offers.csv'].filter((o) => field(o, 'status') === 'accepted').map((o) => [field(o, 'application_id'), field(o, 'resolved_at')]),
    );
    const days: Record<string, number[]> = {};
    for (const o of t2['openings.csv']) {
      const hired = field(o, 'hired_application_id');
      if (hired === '') continue;
      const region = regionOf(field(jobs.get(field(o, 'job_id')) as Row, 'country'));
      (days[region] ??= []).push(daysBetween(field(o, 'opened_at'), resolved.get(hired) ?? field(o, 'closed_at')));
    }
    const us = median(days.US ?? []);
    const apac = median(days.APAC ?? []);
    expect(us).toBeGreaterThan(apac);
    expect(us).toBeGreaterThanOrEqual(36);
    expect(us).toBeLessThanOrEqual(60);
    expect(apac).toBeGreaterThanOrEqual(18);
    expect(apac).toBeLessThanOrEqual(38);
  });

  it('mixes outcomes like a real pipeline', () => {
    const openings = t2['openings.csv'];
    const open = openings.filter((o) => field(o, 'closed_at') === '').length / openings.length;
    const cancelled = openings.filter((o) => field(o, 'closed_at') !== '' && field(o, 'hired_application_id') === '').length / openings.length;
    expect(open).toBeGreaterThan(0.07);
    expect(open).toBeLessThan(0.25);
    expect(cancelled).toBeGreaterThan(0.04);
    expect(cancelled).toBeLessThan(0.17);
    const rejected = t2['applications.csv'].filter((a) => field(a, 'status') === 'rejected');
    const withdrew = rejected.filter((a) => field(a, 'rejection_type') === 'withdrew').length / rejected.length;
    expect(withdrew).toBeGreaterThan(0.12);
    expect(withdrew).toBeLessThan(0.24);
    const stays = t2['stage_history.csv'];
    const culture = stays.filter((s) => field(s, 'stage') === 'Culture Chat').length / stays.length;
    expect(culture).toBeGreaterThan(0.01);
    expect(culture).toBeLessThan(0.035);
    expect(t2['applications.csv'].some((a) => field(a, 'status') === 'active')).toBe(true);
  });

  it('sends most offers within 2 days of the final interview, and those are accepted more often', () => {
    const onsite = new Set(['Onsite', 'Final Interview', 'System Design', 'Face to Face']);
    const lastOnsite = new Map<string, string>();
    for (const s of t2['stage_history.csv']) {
      if (onsite.has(field(s, 'stage')) && field(s, 'exited_at') !== '') lastOnsite.set(field(s, 'application_id'), field(s, 'exited_at'));
    }
    const buckets = { fast: { acc: 0, dec: 0 }, slow: { acc: 0, dec: 0 } };
    for (const o of latestOffers(t2)) {
      const end = lastOnsite.get(field(o, 'application_id'));
      const status = field(o, 'status');
      if (!end || field(o, 'sent_at') === '' || (status !== 'accepted' && status !== 'declined')) continue;
      const bucket = daysBetween(end, field(o, 'sent_at')) <= 2 ? buckets.fast : buckets.slow;
      if (status === 'accepted') bucket.acc++;
      else bucket.dec++;
    }
    const n = (b: { acc: number; dec: number }): number => b.acc + b.dec;
    expect(n(buckets.fast)).toBeGreaterThan(n(buckets.slow));
    expect(buckets.fast.acc / n(buckets.fast)).toBeGreaterThan(buckets.slow.acc / n(buckets.slow));
  });

  it('pays around the seed table: US senior engineers between $150k and $180k at the median', () => {
    const latest = new Map<string, Row>();
    for (const c of t2['compensation.csv']) latest.set(field(c, 'employee_id'), c);
    const usSeniorEng = [...latest.values()].filter(
      (c) => field(c, 'country') === 'US' && field(c, 'role_family') === 'engineering' && ['senior', 'sr.', 'l5'].includes(field(c, 'level').toLowerCase()),
    );
    expect(usSeniorEng.length).toBeGreaterThanOrEqual(5);
    const p50 = median(usSeniorEng.map((c) => Number(field(c, 'base_salary'))));
    expect(p50).toBeGreaterThan(145_000);
    expect(p50).toBeLessThan(185_000);
    const bench = t2['benchmarks.csv'].find(
      (b) => field(b, 'role_family') === 'engineering' && field(b, 'level') === 'senior' && field(b, 'region') === 'US',
    );
    expect(bench && [field(bench, 'low'), field(bench, 'high')]).toEqual(['150000', '180000']);
  });
});
