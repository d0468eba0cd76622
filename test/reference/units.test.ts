import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BLS_FILE, ECB_FILE, buildReferenceTables } from '../../pipelines/reference/build.ts';
import { csvField, formatCsv, formatSignificant, parseCsv } from '../../pipelines/reference/csv.ts';
import { computeFxRows, fxCsvRecords } from '../../pipelines/reference/fx.ts';
import { REGION_TIMELINES, SEED_PAY_TABLE, TIME_TO_FILL_DAYS, oewsWage } from '../../pipelines/reference/benchmarks.ts';
import { readTable, sharedReferenceDir, sharedRoot, tempDir } from './helpers.ts';

describe('csv helpers', () => {
  it('quotes only when needed and round-trips', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    const text = formatCsv(['a', 'b'], [['x,y', 'q"z'], ['', 'line\nbreak']]);
    expect(text).toBe('a,b\n"x,y","q""z"\n,"line\nbreak"\n');
    expect(parseCsv(text)).toEqual([['a', 'b'], ['x,y', 'q"z'], ['', 'line\nbreak']]);
  });

  it('parses a BOM, CRLF and a trailing comma', () => {
    expect(parseCsv('\uFEFFh1,h2,\r\n1,"2,5",\r\n')).toEqual([['h1', 'h2', ''], ['1', '2,5', '']]);
  });

  it('formats 8 significant digits as plain decimals', () => {
    expect(formatSignificant(1, 8)).toBe('1');
    expect(formatSignificant(1.0812686079, 8)).toBe('1.0812686');
    expect(formatSignificant(0.0066108368123, 8)).toBe('0.0066108368');
    expect(formatSignificant(0.0000031694, 8)).toBe('0.0000031694'); // toPrecision gives 3.1694000e-6
    expect(formatSignificant(123456789, 8)).toBe('123456790'); // toPrecision gives 1.2345679e+8
    expect(formatSignificant(2.0000000000000004, 8)).toBe('2');
  });

  it('reads OEWS wage cells', () => {
    expect(oewsWage('"132,270"'.replaceAll('"', ''), 'x')).toBe('132270');
    expect(oewsWage('#', 'x')).toBe('');
    expect(oewsWage('**', 'x')).toBe('');
    expect(() => oewsWage('12a', 'x')).toThrow();
  });
});

describe('FX arithmetic on a hand-made ECB extract', () => {
  // Same shape as the real file: newest first, N/A gaps, a trailing comma on every line.
  const ECB = [
    'Date,USD,JPY,GBP,',
    '2024-12-31,1.2,160,0.8,',
    '2024-12-30,1.0,N/A,0.8,',
    '2024-01-02,N/A,150,0.5,', // no USD: no cross rate for anyone on this day
    '2023-12-29,1.1,110,0.55,',
    '',
  ].join('\n');

  it('averages daily cross rates over days where both are published', () => {
    const rows = fxCsvRecords(computeFxRows(ECB)).map(([c, v, d]) => `${c} ${v} ${d}`);
    expect(rows).toEqual([
      // EUR 2023: the single USD value 1.1
      'EUR 1.1 2023-12-29',
      // EUR 2024: (1.2 + 1.0) / 2 = 1.1 (2024-01-02 has no USD)
      'EUR 1.1 2024-12-31',
      // GBP 2023: 1.1 / 0.55 = 2
      'GBP 2 2023-12-29',
      // GBP 2024: (1.2/0.8 + 1.0/0.8) / 2 = (1.5 + 1.25) / 2 = 1.375
      'GBP 1.375 2024-12-31',
      // JPY 2023: 1.1 / 110 = 0.01
      'JPY 0.01 2023-12-29',
      // JPY 2024: only 2024-12-31 has both: 1.2 / 160 = 0.0075
      'JPY 0.0075 2024-12-31',
      'USD 1 2023-12-29',
      'USD 1 2024-12-31',
    ]);
  });

  it('refuses an unexpected rate instead of guessing', () => {
    expect(() => computeFxRows('Date,USD,GBP,\n2024-01-02,1.1,abc,\n')).toThrow(/unexpected rate/);
  });

  it('buildReferenceTables uses --shared inputs and writes to outDir', () => {
    const shared = tempDir('shared');
    const out = tempDir('out');
    try {
      fs.writeFileSync(path.join(shared, ECB_FILE), ECB);
      fs.copyFileSync(path.join(sharedReferenceDir, BLS_FILE), path.join(shared, BLS_FILE));
      const result = buildReferenceTables({ sharedDir: shared, outDir: out });
      expect(result.files.find((f) => f.file === 'fx_rates.csv')?.rows).toBe(8);
      const gbp = readTable(path.join(out, 'fx_rates.csv')).rows.filter((r) => r.currency === 'GBP');
      expect(gbp.map((r) => r.usd_per_unit)).toEqual(['2', '1.375']);
    } finally {
      fs.rmSync(shared, { recursive: true, force: true });
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('fails without writing when an input is missing', () => {
    const shared = tempDir('shared-empty');
    const out = path.join(tempDir('out-none'), 'ref');
    try {
      expect(() => buildReferenceTables({ sharedDir: shared, outDir: out })).toThrow(/missing input/);
      expect(fs.existsSync(out)).toBe(false);
    } finally {
      fs.rmSync(shared, { recursive: true, force: true });
      fs.rmSync(path.dirname(out), { recursive: true, force: true });
    }
  });
});

describe('transcriptions match the seed article text', () => {
  const seedDir = path.join(sharedRoot, 'seed');
  const article = fs.existsSync(seedDir)
    ? fs
        .readdirSync(seedDir)
        .map((f) => fs.readFileSync(path.join(seedDir, f), 'utf8'))
        .find((t) => t.includes('How to Hire a Backend Engineer in 2026'))
    : undefined;

  // The seed article sits in ../shared beside the clone (as in CI): its absence is a failure, not a skip.
  it('pay table', () => {
    expect(article, `seed article not found under ${seedDir}`).toBeDefined();
    const text = article ?? '';
    const levelOf: Record<string, string> = { 'Mid-Level': 'mid', Senior: 'senior', 'Staff/Principal': 'staff' };
    const regions = ['US', 'EU', 'LatAm', 'APAC']; // column order: United States, Europe (EU), Latin America, India/APAC
    const found: [string, string, number, number][] = [];
    for (const line of text.split('\n')) {
      const m = /^(Mid-Level|Senior|Staff\/Principal)\s+\$/.exec(line);
      if (!m) continue;
      const ranges = [...line.matchAll(/\$([\d,]+)-\$([\d,]+)\+?/g)];
      expect(ranges).toHaveLength(4);
      ranges.forEach((r, i) => {
        found.push([
          levelOf[m[1] ?? ''] ?? '?',
          regions[i] ?? '?',
          Number((r[1] ?? '').replaceAll(',', '')),
          Number((r[2] ?? '').replaceAll(',', '')),
        ]);
      });
    }
    expect(found).toEqual(SEED_PAY_TABLE.map((r) => [...r]));
  });

  it('regional timelines and the 62-day average', () => {
    expect(article, `seed article not found under ${seedDir}`).toBeDefined();
    const text = article ?? '';
    const pattern: Record<string, RegExp> = {
      US: /United States averages (\d+) to (\d+) days/,
      EU: /EU averages (\d+) to (\d+) days/,
      LatAm: /Latin America [^.]*? at (\d+) to (\d+) days/,
      APAC: /Asia-Pacific [^.]*? (\d+) to (\d+) days/,
    };
    for (const [region, low, high] of REGION_TIMELINES) {
      const m = pattern[region]?.exec(text);
      expect(m, region).not.toBeNull();
      expect([Number(m?.[1]), Number(m?.[2])]).toEqual([low, high]);
    }
    expect(text).toMatch(new RegExp(`stretched to ${TIME_TO_FILL_DAYS} days according to SHRM`));
  });
});
