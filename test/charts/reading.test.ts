/**
 * Issue 17 (Deliver 5), charts fit for reading, on hand-made data: rates carry their counts (hollow points
 * under 5 offers, counts in tooltips), axis labels say what they measure, count axes have whole ticks,
 * nouns agree with their counts, labels beside bars fit at a phone's width, and table views and CSV
 * downloads round numbers by what they are.
 */
import { describe, expect, it } from 'vitest';
import { agingBars, funnelBars, kmCurve, oarTrend, offersVsBands, palette, rateBars } from '../../src/components/charts/index.ts';
import { countTicks, textWidth } from '../../src/components/charts/common.ts';
import { csvHref } from '../../src/lib/render.ts';
import type { RatePoint } from '../../src/lib/views.ts';
import { cellText, columnKind, plural, roundedCell } from '../../pipelines/contract/format.ts';
import { departments, document, funnel, km, marks, offersOverall, parse, texts, ticks } from './fixtures.ts';

const thin: RatePoint[] = [
  { key: '2026-04', accepted: 9, declined: 1, rate: 0.9, low: 0.6, high: 0.98 }, // 10 offers: filled
  { key: '2026-05', accepted: 1, declined: 1, rate: 0.5, low: 0.09, high: 0.91 }, // 2 offers: hollow
  { key: '2026-06', accepted: 1, declined: 0, rate: 1, low: 0.21, high: 1 }, // 1 offer: hollow
  { key: '2026-07', accepted: 4, declined: 1, rate: 0.8, low: 0.38, high: 0.96 }, // 5 offers: filled (not fewer than 5)
];

describe('monthly offer acceptance', () => {
  const svg = parse(oarTrend(thin, { document }).outerHTML);
  const dots = [...marks(svg, 'rate')[0]!.querySelectorAll('circle')];

  it('labels its y axis as a rate', () => {
    expect(texts(svg.querySelector('g[aria-label="y-axis label"]')!).join('')).toContain('Acceptance rate');
    expect(texts(svg)).not.toContain('Offers accepted');
  });

  it('draws months on fewer than 5 offers hollow, with a key, and gives the counts in its text (the tooltip is checked in Chromium)', () => {
    expect(dots.map((d) => d.getAttribute('fill'))).toEqual([palette.primary, 'white', 'white', palette.primary]);
    expect(dots.map((d) => d.getAttribute('stroke'))).toEqual(['white', palette.primary, palette.primary, 'white']);
    expect(texts(svg)).toContain('fewer than 5 offers');
    expect(svg.getAttribute('aria-description')).toContain('90% of 10 offers in 2026-04, 50% of 2 offers in 2026-05, 100% of 1 offer in 2026-06 and 80% of 5 offers in 2026-07');
  });

  it('has no key when every month rests on 5 offers or more', () => {
    const full = parse(oarTrend([thin[0]!, thin[3]!], { document }).outerHTML);
    expect(marks(full, 'few offers key')).toHaveLength(0);
  });
});

describe('count axes have whole ticks', () => {
  it('countTicks steps by 1, 2, 5 or 10 times a power of ten, never below 1', () => {
    expect(countTicks(0)).toEqual([0]);
    expect(countTicks(1)).toEqual([0, 1]); // 1 / 5 = 0.2 -> step 1 at least
    expect(countTicks(3)).toEqual([0, 1, 2, 3]);
    expect(countTicks(47)).toEqual([0, 10, 20, 30, 40]); // 47 / 5 = 9.4 -> step 10
    expect(countTicks(120, 4)).toEqual([0, 50, 100]); // 120 / 4 = 30 -> step 50
  });

  it('a chart of 1 and 2 openings shows 0, 1, 2 and no 0.5', () => {
    const svg = parse(agingBars({ open: 3, buckets: [{ bucket: '0-30', count: 2 }, { bucket: '31-60', count: 1 }] }, { document }).outerHTML);
    expect(ticks(svg, 'y')).toEqual(['0', '1', '2']);
  });

  it('offers against bands: whole ticks and "1 offer"', () => {
    const one = { ...offersOverall, offers: 3, below: 1, within: 2, above: 0, acceptance: { below: null, within: null, above: null } };
    const svg = parse(offersVsBands(one, { document }).outerHTML);
    expect(ticks(svg, 'y').every((t) => /^\d+$/.test(t))).toBe(true);
    expect(texts(marks(svg, 'offers label')[0]!)).toEqual(['1 offer', '2 offers', '0 offers']);
  });
});

describe('labels fit the chart at a phone width', () => {
  // A chart body at 390 px: 390 - 2 x 16 (page) - 2 x 16 (card) - 2 (border) = 324 px.
  const phone = 324;

  it('funnel: the label beside each bar ends inside the drawing (the compact form drops "advanced")', () => {
    for (const width of [phone, 640]) {
      const svg = parse(funnelBars(funnel, { document, width }).outerHTML);
      const labels = [...marks(svg, 'stage label')[0]!.querySelectorAll('text')];
      expect(labels.map((t) => t.textContent)).toEqual(
        width === phone ? ['100 · 40%', '40 · 50%', '20 · 50%', '10 · 60%', '6 · 67%', '4'] : ['100 · 40% advanced', '40 · 50% advanced', '20 · 50% advanced', '10 · 60% advanced', '6 · 67% advanced', '4'],
      );
      for (const label of labels) {
        // Plot puts the text at x = width - marginRight + 8 (frameAnchor right, dx 8), start-anchored
        const transform = label.closest('g')!.getAttribute('transform') ?? '';
        const x = Number(label.getAttribute('x') ?? 0) + Number(/translate\(([-\d.]+)/.exec(transform)?.[1] ?? 0);
        expect(x + textWidth(label.textContent!)).toBeLessThanOrEqual(width);
      }
    }
  });

  it('rate bars: the compact form gives the rate and its offers', () => {
    const svg = parse(rateBars(departments, { document, width: phone }).outerHTML);
    // 18 + 2 = 20, 8 + 2 = 10, 6 + 4 = 10, 3 + 0 = 3 offers
    expect(texts(marks(svg, 'rate label')[0]!)).toEqual(['90% (20)', '80% (10)', '60% (10)', '100% (3)']);
  });

  it('Kaplan-Meier: the 100% tick sits below the top of the frame, so censor marks at 100% do not overdraw it', () => {
    const svg = parse(kmCurve(km, { document }).outerHTML);
    const tick = [...svg.querySelectorAll('g[aria-label="y-axis tick"] path')];
    const label = [...svg.querySelectorAll('g[aria-label="y-axis tick label"] text')].find((t) => t.textContent === '100%')!;
    expect(tick.length).toBeGreaterThan(0);
    const y = (element: Element) => Number(/translate\([-\d.]+,([-\d.]+)\)/.exec(element.getAttribute('transform') ?? '')?.[1]);
    // marginTop 30; the y domain runs to 1.06 over a plot of 300 - 30 - 30 = 240 px: 100% is 0.06 / 1.06 x 240 = 13.6 px lower
    expect(y(label) - 30).toBeCloseTo((0.06 / 1.06) * 240, 0);
  });
});

describe('numbers in tables and CSV downloads', () => {
  it('plural', () => {
    expect([plural(0, 'offer'), plural(1, 'offer'), plural(2, 'offer'), plural(1234, 'opening')]).toEqual(['0 offers', '1 offer', '2 offers', '1,234 openings']);
  });

  it('formats each cell by its column: rates 4 decimals, counts and money whole, days 1 decimal', () => {
    expect(['rate', 'ci_low', 'hire_rate', 'compa_ratio', 'accepted', 'offers', 'p50', 'market_low', 'median_days', 'month'].map(columnKind)).toEqual([
      'rate', 'rate', 'rate', 'rate', 'count', 'count', 'money', 'money', 'days', 'text',
    ]);
    expect(cellText(1, 'rate')).toBe('1.0000'); // a 100% rate reads like the others, not "1"
    expect(cellText(0.5, 'rate')).toBe('0.5000');
    expect(cellText(2 / 3, 'rate')).toBe('0.6667');
    expect(cellText(1, 'count')).toBe('1');
    expect(cellText(1234, 'count')).toBe('1,234');
    expect(cellText(123456.5, 'money')).toBe('123,457');
    expect(cellText(24.55, 'days')).toBe('24.6'); // 24.55 x 10 = 245.5 -> 246 (Math.round of the float 245.50000000000003)
    expect(cellText(null, 'rate')).toBe('—');
  });

  it('rounds numbers in the CSV as stated: no 17-digit floats', () => {
    expect(roundedCell(2 / 3, 'rate')).toBe(0.6667);
    expect(roundedCell(0.1 + 0.2, 'rate')).toBe(0.3);
    expect(roundedCell(98765.4321, 'money')).toBe(98765);
    expect(roundedCell(10 / 3, 'days')).toBe(3.3);
    expect(roundedCell('Sales', 'text')).toBe('Sales');
    const output = {
      data: [],
      options: {},
      table: { columns: ['month', 'offers', 'accepted', 'declined', 'rate', 'ci_low', 'ci_high'], rows: [['2026-05', 3, 2, 1, 2 / 3, 0.20765960167107346, 0.9385080859638245]] },
    };
    const csv = decodeURIComponent(csvHref(output).replace('data:text/csv;charset=utf-8,', ''));
    expect(csv).toBe('month,offers,accepted,declined,rate,ci_low,ci_high\n2026-05,3,2,1,0.6667,0.2077,0.9385\n');
  });
});
