/** Every chart: pure, deterministic, accessible, in the house style, and graceful on empty data. */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { charts, noDataText, palette, type ChartOptions } from '../../src/components/charts/index.ts';
import * as f from './fixtures.ts';

type Case = { id: keyof typeof charts; data: unknown; empty: unknown; options?: object };
const cases: Case[] = [
  { id: 'oarTrend', data: f.months, empty: [] },
  { id: 'rateBars', data: f.departments, empty: [] },
  { id: 'offerSpeed', data: f.speed, empty: { within2Days: { accepted: 0, declined: 0, rate: null }, later: { accepted: 0, declined: 0, rate: null } } },
  { id: 'ttfHistogram', data: f.distribution, empty: { count: 0, median: null, mean: null, p75: null, histogram: [] } },
  { id: 'ttfTrend', data: f.monthMedians, empty: [{ month: '2026-01', count: 0, median: null }] },
  { id: 'kmCurve', data: f.km, empty: { median: null, curve: [] } },
  { id: 'regionTimelines', data: f.regions, empty: [] },
  { id: 'agingBars', data: f.aging, empty: { open: 0, buckets: [{ bucket: '0-30', count: 0 }] } },
  { id: 'funnelBars', data: f.funnel, empty: f.funnel.map((s) => ({ ...s, reached: 0, advanced: s.advanced === null ? null : 0, passThrough: null, rejected: 0, withdrew: 0, other: 0, active: 0 })) },
  { id: 'stageTimeBars', data: f.stageTimes, empty: f.stageTimes.map((s) => ({ ...s, stays: 0, median: null })) },
  { id: 'sourceBars', data: f.sourceRows, empty: [] },
  { id: 'payBands', data: f.bands, empty: [] },
  { id: 'reasonBars', data: f.reasonSegments, empty: [] },
  { id: 'payGapBars', data: f.payGaps, empty: [] },
  { id: 'payGapQuartiles', data: f.payGapQuartileRows, empty: [] },
  { id: 'offersVsBands', data: f.offersOverall, empty: { ...f.offersOverall, offers: 0, below: 0, within: 0, above: 0, unbanded: 0 } },
];

/** Call a chart from the registry with any data (each case pairs an id with its own data shape). */
const draw = (id: keyof typeof charts, data: unknown, options: ChartOptions & object) =>
  (charts[id] as (data: unknown, options: ChartOptions) => Element)(data, options);

describe('chart registry', () => {
  it('maps every chart id to its function', () => {
    expect(Object.keys(charts).sort()).toEqual(cases.map((c) => c.id).sort());
    for (const chart of Object.values(charts)) expect(typeof chart).toBe('function');
  });
  it('runs without a global document: the document comes from the options', () => {
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
  });
  it('uses the Okabe-Ito palette', () => {
    expect(palette).toEqual({
      healthy: '#009E73',
      watch: '#E69F00',
      alarm: '#D55E00',
      neutral: '#999999',
      primary: '#0072B2',
      secondary: '#56B4E9',
      accent: '#CC79A7',
    });
  });
});

describe.each(cases)('$id', ({ id, data, empty }) => {
  it('returns an accessible svg in the house style, with no NaN and no Plot warning', () => {
    const chart = draw(id, data, { document: f.document, width: 500 });
    const html = chart.outerHTML;
    expect(chart.tagName.toLowerCase()).toBe('svg');
    expect(chart.getAttribute('width')).toBe('500');
    expect(chart.getAttribute('aria-label')).toBeTruthy();
    expect(chart.getAttribute('aria-description')!.length).toBeGreaterThan(20);
    expect(chart.getAttribute('aria-description')).toMatch(/\d/);
    expect(chart.getAttribute('style')).toContain('font-family: system-ui, sans-serif');
    expect(chart.getAttribute('style')).toContain('font-size: 12px');
    expect(html).not.toMatch(/NaN|undefined|Infinity|\u26a0|<figure|<h2/);
    expect(html).not.toContain(noDataText);
  });

  it('is deterministic: the same data gives the same SVG, in any document', () => {
    const first = draw(id, data, { document: f.document }).outerHTML;
    const second = draw(id, data, { document: f.document }).outerHTML;
    const elsewhere = draw(id, data, { document: new JSDOM('').window.document }).outerHTML;
    expect(second).toBe(first);
    expect(elsewhere).toBe(first);
  });

  it('does not change its input', () => {
    const before = structuredClone(data);
    draw(id, data, { document: f.document });
    expect(data).toEqual(before);
  });

  it('draws "No data for this selection" for an empty selection', () => {
    const chart = draw(id, empty, { document: f.document, ariaLabel: 'Empty chart' });
    const html = chart.outerHTML;
    expect(chart.tagName.toLowerCase()).toBe('svg');
    expect(html).toContain(noDataText);
    expect(html).not.toMatch(/NaN|undefined|\u26a0/);
    expect(chart.getAttribute('aria-label')).toBe('Empty chart');
    expect(chart.getAttribute('aria-description')).toBe('Empty chart: no data for this selection.');
  });
});
