import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_FILES, buildReferenceTables } from '../../pipelines/reference/build.ts';
import { committedDir, lookup, readTable, sharedReferenceDir, tempDir } from './helpers.ts';

let outDir = '';
const table = (file: string) => readTable(path.join(outDir, file));

beforeAll(() => {
  outDir = tempDir('reference');
  buildReferenceTables({ sharedDir: sharedReferenceDir, outDir });
});

afterAll(() => {
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

describe('file format', () => {
  const headers: Record<string, string> = {
    'stage_map.csv': 'name,stage,source',
    'level_aliases.csv': 'alias,level,source',
    'country_regions.csv': 'code,name,region,source',
    'country_aliases.csv': 'alias,code,source',
    'fx_rates.csv': 'currency,usd_per_unit,as_of,source',
    'benchmarks.csv': 'source,level,region,currency,role_family,low,high,p10,p25,p50,p75,p90,as_of',
    'region_benchmarks.csv': 'region,low_days,high_days,source',
    'time_to_fill_benchmark.csv': 'days,source',
  };

  it('writes exactly the expected files', () => {
    expect([...OUTPUT_FILES].sort()).toEqual(Object.keys(headers).sort());
  });

  it.each(Object.entries(headers))('%s: header, LF endings, final LF, no BOM, a source on every row', (file, header) => {
    const text = fs.readFileSync(path.join(outDir, file), 'utf8');
    expect(text.split('\n')[0]).toBe(header);
    expect(text.includes('\r')).toBe(false);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    const { header: cols, rows } = table(file);
    expect(cols.join(',')).toBe(header);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(Object.keys(r)).toHaveLength(cols.length);
      expect(r.source ?? '').not.toBe('');
    }
  });
});

describe('determinism', () => {
  it('the committed data/reference files are byte-identical to a fresh build', () => {
    for (const file of OUTPUT_FILES) {
      const fresh = fs.readFileSync(path.join(outDir, file));
      const committed = fs.readFileSync(path.join(committedDir, file));
      expect(committed.equals(fresh), `${file} differs from a fresh build: run npm run reference`).toBe(true);
    }
  });

  it('a second build gives the same bytes', () => {
    const again = tempDir('reference-again');
    try {
      buildReferenceTables({ sharedDir: sharedReferenceDir, outDir: again });
      for (const file of OUTPUT_FILES) {
        expect(fs.readFileSync(path.join(again, file)).equals(fs.readFileSync(path.join(outDir, file)))).toBe(true);
      }
    } finally {
      fs.rmSync(again, { recursive: true, force: true });
    }
  });
});

describe('stage_map.csv', () => {
  const KEYS = ['applied', 'screen', 'technical', 'onsite', 'offer', 'hired'];

  it('maps every DESIGN §2 example, each key and display name to itself', () => {
    const m = lookup(table('stage_map.csv').rows, 'name', 'stage');
    const expected: Record<string, string> = {
      applied: 'applied', 'Application Review': 'applied',
      screen: 'screen', Screen: 'screen',
      technical: 'technical', Technical: 'technical',
      onsite: 'onsite', Onsite: 'onsite',
      offer: 'offer', Offer: 'offer',
      hired: 'hired', Hired: 'hired',
      'Preliminary Phone Screen': 'screen', 'Recruiter Screen': 'screen',
      'Take Home Test': 'technical', 'Coding Interview': 'technical',
      'Face to Face': 'onsite', 'Final Interview': 'onsite', 'System Design': 'onsite',
    };
    for (const [name, stage] of Object.entries(expected)) expect(m.get(name.toLowerCase()), name).toBe(stage);
  });

  it('covers common vendor stage names', () => {
    const m = lookup(table('stage_map.csv').rows, 'name', 'stage');
    const expected: Record<string, string> = {
      'New Lead': 'applied', Applied: 'applied', 'Reached Out': 'applied', 'New Applicant': 'applied',
      'Phone Screen': 'screen', 'Phone Interview': 'screen', 'Hiring Manager Screen': 'screen',
      'Hiring Manager Review': 'screen',
      'Technical Interview': 'technical', 'Technical Screen': 'technical', Assessment: 'technical',
      'Skills Assessment': 'technical',
      'Onsite Interview': 'onsite', 'On-site': 'onsite', 'On-site Interview': 'onsite', 'Panel Interview': 'onsite',
      'Final Round': 'onsite', 'Team Interview': 'onsite', 'Reference Check': 'onsite',
      'Offer Extended': 'offer', 'Offer Sent': 'offer',
    };
    for (const [name, stage] of Object.entries(expected)) expect(m.get(name.toLowerCase()), name).toBe(stage);
  });

  it('uses only the six keys, has no case-insensitive duplicate, and leaves "Culture Chat" unmapped', () => {
    const { rows } = table('stage_map.csv');
    for (const r of rows) expect(KEYS).toContain(r.stage);
    expect(() => lookup(rows, 'name', 'stage')).not.toThrow();
    expect(rows.some((r) => (r.name ?? '').toLowerCase() === 'culture chat')).toBe(false);
    for (const r of rows) expect(r.source).toMatch(/^hirescope default \((DESIGN §2|common .+ stage name)\)$/);
  });
});

describe('level_aliases.csv', () => {
  it('maps the canonical keys and the usual aliases', () => {
    const m = lookup(table('level_aliases.csv').rows, 'alias', 'level');
    const expected: Record<string, string> = {
      entry: 'entry', mid: 'mid', senior: 'senior', staff: 'staff', principal: 'principal', executive: 'executive',
      Junior: 'entry', Jr: 'entry', 'Jr.': 'entry', 'Entry-Level': 'entry', Associate: 'entry', Graduate: 'entry',
      'Mid-Level': 'mid', Intermediate: 'mid',
      'Sr.': 'senior', Sr: 'senior', SR: 'senior',
      'Staff/Principal': 'staff', Lead: 'staff', Distinguished: 'principal',
      Director: 'executive', VP: 'executive', 'Head of': 'executive', 'C-level': 'executive',
      L3: 'entry', L4: 'mid', L5: 'senior', L6: 'staff', L7: 'principal',
      IC1: 'entry', IC2: 'mid', IC3: 'senior', IC4: 'staff', IC5: 'principal', IC6: 'principal',
      EN: 'entry', MI: 'mid', SE: 'senior', EX: 'executive',
    };
    for (const [alias, level] of Object.entries(expected)) expect(m.get(alias.toLowerCase()), alias).toBe(level);
  });

  it('uses only canonical levels, no duplicates, and leaves Intern unmapped', () => {
    const { rows } = table('level_aliases.csv');
    for (const r of rows) expect(['entry', 'mid', 'senior', 'staff', 'principal', 'executive']).toContain(r.level);
    expect(() => lookup(rows, 'alias', 'level')).not.toThrow();
    expect(rows.some((r) => (r.alias ?? '').toLowerCase() === 'intern')).toBe(false);
  });
});

describe('country_regions.csv and country_aliases.csv', () => {
  it('has all 249 ISO 3166-1 alpha-2 codes once, each in one of the five regions', () => {
    const { rows } = table('country_regions.csv');
    expect(rows).toHaveLength(249);
    expect(new Set(rows.map((r) => r.code)).size).toBe(249);
    for (const r of rows) {
      expect(r.code).toMatch(/^[A-Z]{2}$/);
      expect(['US', 'EU', 'LatAm', 'APAC', 'Other']).toContain(r.region);
      expect(r.name ?? '').not.toBe('');
    }
    // Namibia's code must survive as the string "NA", not a null.
    expect(rows.find((r) => r.code === 'NA')?.name).toBe('Namibia');
  });

  it('puts the usual countries in the expected regions', () => {
    const m = lookup(table('country_regions.csv').rows, 'code', 'region');
    const expected: Record<string, string> = {
      US: 'US', DE: 'EU', CH: 'EU', GB: 'EU', NO: 'EU', IS: 'EU', LI: 'EU', FR: 'EU', PL: 'EU', IE: 'EU',
      BR: 'LatAm', MX: 'LatAm', AR: 'LatAm', CO: 'LatAm', CR: 'LatAm', CU: 'LatAm', DO: 'LatAm', PR: 'LatAm',
      IN: 'APAC', PK: 'APAC', BD: 'APAC', LK: 'APAC', NP: 'APAC', SG: 'APAC', JP: 'APAC', AU: 'APAC',
      NZ: 'APAC', FJ: 'APAC', VN: 'APAC', PH: 'APAC',
      CA: 'Other', RU: 'Other', TR: 'Other', IL: 'Other', AE: 'Other', ZA: 'Other', KZ: 'Other', UA: 'Other',
      JM: 'Other',
    };
    for (const [code, region] of Object.entries(expected)) expect(m.get(code.toLowerCase()), code).toBe(region);
    // US = the United States only; EU = 27 + 3 EEA + UK + CH + the territories listed in the README.
    const { rows } = table('country_regions.csv');
    expect(rows.filter((r) => r.region === 'US').map((r) => r.code)).toEqual(['US']);
  });

  it('resolves common alternative names through the aliases to a known code', () => {
    const regions = table('country_regions.csv').rows;
    const aliases = table('country_aliases.csv').rows;
    const codes = new Set(regions.map((r) => r.code));
    for (const a of aliases) expect(codes.has(a.code ?? ''), `${a.alias} -> ${a.code}`).toBe(true);
    // A lookup by name or alias (what ingest does): names and aliases never collide.
    const byName = lookup(
      [...regions.map((r) => ({ k: r.name ?? '', code: r.code ?? '' })), ...aliases.map((a) => ({ k: a.alias ?? '', code: a.code ?? '' }))],
      'k',
      'code',
    );
    const expected: Record<string, string> = {
      USA: 'US', 'United States of America': 'US', 'United States': 'US', UK: 'GB', 'Great Britain': 'GB',
      England: 'GB', UAE: 'AE', 'South Korea': 'KR', 'Korea, Republic of': 'KR', 'Czech Republic': 'CZ',
      Czechia: 'CZ', Holland: 'NL', 'The Netherlands': 'NL', 'Viet Nam': 'VN', Vietnam: 'VN', Russia: 'RU',
      'Russian Federation': 'RU', Türkiye: 'TR', Turkey: 'TR', 'Ivory Coast': 'CI', Germany: 'DE',
    };
    for (const [name, code] of Object.entries(expected)) expect(byName.get(name.toLowerCase()), name).toBe(code);
    expect(byName.has('deutschland')).toBe(false); // English names only
  });
});

describe('fx_rates.csv', () => {
  const rate = (currency: string, year: string) => {
    const rows = table('fx_rates.csv').rows.filter((r) => r.currency === currency && (r.as_of ?? '').startsWith(year));
    expect(rows, `${currency} ${year}`).toHaveLength(1);
    return rows[0] as Record<string, string>;
  };

  it('USD is 1 in every year, with the last ECB date of the year as as_of', () => {
    expect(rate('USD', '2024')).toMatchObject({ usd_per_unit: '1', as_of: '2024-12-31' });
    expect(rate('USD', '2025')).toMatchObject({ usd_per_unit: '1', as_of: '2025-05-09' });
    const usd = table('fx_rates.csv').rows.filter((r) => r.currency === 'USD');
    expect(usd.map((r) => (r.as_of ?? '').slice(0, 4))).toEqual(
      Array.from({ length: 27 }, (_, i) => String(1999 + i)),
    );
    for (const r of usd) expect(r.usd_per_unit).toBe('1');
  });

  it('EUR 2024 is the mean of the ECB USD column over the 2024 days', () => {
    // Independent recomputation straight from the raw file: column 1 is USD per 1 EUR.
    const lines = fs.readFileSync(path.join(sharedReferenceDir, 'ecb_eurofxref_hist.csv'), 'utf8').split('\n');
    const usd2024 = lines
      .filter((l) => l.startsWith('2024-'))
      .map((l) => l.split(',')[1] ?? '')
      .filter((v) => v !== 'N/A')
      .map(Number);
    expect(usd2024.length).toBe(256); // TARGET business days published in 2024
    const mean = usd2024.reduce((s, v) => s + v, 0) / usd2024.length;
    expect(Number(rate('EUR', '2024').usd_per_unit)).toBeCloseTo(mean, 7);
    // ECB's published 2024 annual average of USD per EUR is 1.0824.
    expect(Number(rate('EUR', '2024').usd_per_unit)).toBeCloseTo(1.0824, 4);
  });

  it('matches known annual means: EUR 2023 = 1.0813, GBP 2024 ~ 1.2786', () => {
    // ECB's 2023 annual average of USD per EUR: 1.0813.
    expect(Number(rate('EUR', '2023').usd_per_unit)).toBeCloseTo(1.0813, 4);
    // GBP: ECB 2024 averages are 1.0824 USD/EUR and 0.84662 GBP/EUR; 1.0824 / 0.84662 = 1.2785. The
    // mean of the daily ratios is 1.27859..., within 0.0001 of the ratio of the means.
    const gbp = Number(rate('GBP', '2024').usd_per_unit);
    expect(gbp).toBeCloseTo(1.2786, 4);
    expect(gbp).toBeGreaterThan(1.27);
    expect(gbp).toBeLessThan(1.29);
    expect(rate('GBP', '2025').as_of).toBe('2025-05-09');
  });

  it('prints 8 significant digits, plain decimals, and skips currency-years without data', () => {
    const rows = table('fx_rates.csv').rows;
    for (const r of rows) {
      const v = r.usd_per_unit ?? '';
      expect(v).toMatch(/^\d+(\.\d+)?$/);
      expect(v.replace('.', '').replace(/^0+/, '').length).toBeLessThanOrEqual(8);
      expect(r.source).toBe('ECB euro reference rates (Source: ECB), annual mean of daily cross rates via USD');
    }
    // ISK was not published from December 2008 to 2017; the last 2008 day is 2008-12-09.
    expect(rate('ISK', '2008').as_of).toBe('2008-12-09');
    expect(rows.some((r) => r.currency === 'ISK' && (r.as_of ?? '').startsWith('2012'))).toBe(false);
    // RUB stopped on 2022-03-01.
    expect(rate('RUB', '2022').as_of).toBe('2022-03-01');
    expect(rows.some((r) => r.currency === 'RUB' && (r.as_of ?? '').startsWith('2023'))).toBe(false);
    // One row per currency and year.
    const keys = rows.map((r) => `${r.currency}|${(r.as_of ?? '').slice(0, 4)}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('benchmarks.csv', () => {
  it('carries the BLS OEWS May 2023 national percentiles for SOC 15-1252 exactly', () => {
    const bls = table('benchmarks.csv').rows.filter((r) => (r.source ?? '').startsWith('BLS'));
    expect(bls).toEqual([
      {
        source: 'BLS OEWS May 2023, SOC 15-1252 Software Developers (national)',
        level: 'all', region: 'US', currency: 'USD', role_family: 'engineering',
        low: '', high: '', p10: '77020', p25: '101200', p50: '132270', p75: '167540', p90: '208620',
        as_of: '2023-05-31',
      },
    ]);
  });

  it('carries the seed table: 3 levels x 4 regions in USD', () => {
    const seed = table('benchmarks.csv').rows.filter((r) => (r.source ?? '').startsWith('Seed article'));
    expect(seed).toHaveLength(12);
    const cell = (level: string, region: string) => seed.find((r) => r.level === level && r.region === region);
    expect(cell('staff', 'US')).toMatchObject({ low: '180000', high: '220000', currency: 'USD', as_of: '2026-01-01' });
    expect(cell('mid', 'APAC')).toMatchObject({ low: '30000', high: '55000' });
    expect(cell('senior', 'EU')).toMatchObject({ low: '95000', high: '130000' });
    for (const r of seed) {
      expect(r.role_family).toBe('engineering');
      expect(r.source).toBe("Seed article 'How to Hire a Backend Engineer in 2026' (Levels.fyi and Glassdoor data)");
      expect([r.p10, r.p25, r.p50, r.p75, r.p90]).toEqual(['', '', '', '', '']);
    }
  });

  it('region_benchmarks.csv and time_to_fill_benchmark.csv carry the seed timelines', () => {
    const rows = table('region_benchmarks.csv').rows.map((r) => [r.region, r.low_days, r.high_days]);
    expect(rows).toEqual([
      ['US', '40', '55'],
      ['EU', '35', '50'],
      ['LatAm', '25', '35'],
      ['APAC', '20', '35'],
    ]);
    expect(table('time_to_fill_benchmark.csv').rows.map((r) => r.days)).toEqual(['62']);
  });
});
