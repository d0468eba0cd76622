/** What each chart draws, on hand-made data (one file: jsdom and Plot load once). */
import { describe, expect, it } from 'vitest';
import { agingBars, funnelBars, kmCurve, oarTrend, offerSpeed, offersVsBands, palette, payBands, rateBars, regionTimelines, sourceBars, stageTimeBars, tints, ttfHistogram, ttfTrend } from '../../src/components/charts/index.ts';
import { aging, axisPosition, bands, departments, distribution, document, funnel, km, marks, monthMedians, months, offersOverall, parse, regions, sourceRows, speed, stageTimes, texts, ticks } from './fixtures.ts';

// Line and distribution charts: oarTrend, ttfTrend, ttfHistogram, kmCurve.
describe('oarTrend', () => {
  const svg = parse(oarTrend(months, { document }).outerHTML);

  it('draws the two threshold rules at 85% and 75% with their labels', () => {
    const healthy = marks(svg, 'healthy threshold');
    const alarm = marks(svg, 'alarm threshold');
    expect(healthy).toHaveLength(1);
    expect(alarm).toHaveLength(1);
    const yOf = (g: Element) => Number(g.querySelector('line')!.getAttribute('y1'));
    const scale = ['0%', 0, '100%', 1] as [string, number, string, number];
    expect(yOf(healthy[0]!)).toBeCloseTo(axisPosition(svg, 'y', scale, 0.85), 1);
    expect(yOf(alarm[0]!)).toBeCloseTo(axisPosition(svg, 'y', scale, 0.75), 1);
    expect(healthy[0]!.getAttribute('stroke')).toBe(palette.healthy);
    expect(texts(svg)).toEqual(expect.arrayContaining(['85% healthy', '75% alarm']));
  });

  it('shades the three status bands across the plot', () => {
    const fills = ['healthy band', 'watch band', 'alarm band'].map((d) => marks(svg, d)[0]!.getAttribute('fill'));
    expect(fills).toEqual([tints.healthy, tints.watch, tints.alarm]);
  });

  it('has one dot and one interval per month with a rate; null months are skipped but stay on the axis', () => {
    expect(marks(svg, 'rate')[0]!.querySelectorAll('circle')).toHaveLength(3);
    expect(marks(svg, 'interval')[0]!.querySelectorAll('line')).toHaveLength(3);
    expect(ticks(svg, 'x')).toEqual(['2026-06', '2026-07', '2026-08', '2026-09']);
    // the line breaks at the missing month: two subpaths
    expect(marks(svg, 'rate line')[0]!.querySelector('path')!.getAttribute('d')!.match(/M/g)).toHaveLength(2);
  });

  it('describes the rates in its text alternative', () => {
    expect(svg.getAttribute('aria-label')).toBe('Offer acceptance by month');
    const description = svg.getAttribute('aria-description')!;
    // 9 + 1 = 10, 10 + 2 = 12 and 7 + 3 = 10 offers behind the three rates
    for (const part of ['90% of 10 offers in 2026-06', '83% of 12 offers in 2026-08', '70% of 10 offers in 2026-09', '85%', '75%']) expect(description).toContain(part);
  });

  it('takes other thresholds', () => {
    const other = parse(oarTrend(months, { document, healthy: 0.9, alarm: 0.8 }).outerHTML);
    expect(texts(other)).toEqual(expect.arrayContaining(['90% healthy', '80% alarm']));
  });
});

describe('ttfTrend', () => {
  const svg = parse(ttfTrend(monthMedians, { document }).outerHTML);
  it('draws a dot per month with a median and the benchmark rule', () => {
    expect(marks(svg, 'median')[0]!.querySelectorAll('circle')).toHaveLength(3);
    const rule = marks(svg, 'benchmark')[0]!;
    expect(Number(rule.querySelector('line')!.getAttribute('y1'))).toBeCloseTo(axisPosition(svg, 'y', ['0', 0, '60', 60], 62), 1);
    expect(texts(svg)).toContain('SHRM 62 d');
    expect(svg.getAttribute('aria-description')).toContain('55 d in 2026-08');
  });
  it('takes another benchmark', () => {
    expect(texts(parse(ttfTrend(monthMedians, { document, benchmarkDays: 45, benchmarkLabel: 'Config' }).outerHTML))).toContain('Config 45 d');
  });
});

describe('ttfHistogram', () => {
  const svg = parse(ttfHistogram(distribution, { document }).outerHTML);
  it('bins the weighted histogram into weekly bars summing the counts', () => {
    const rects = [...marks(svg, 'bins')[0]!.querySelectorAll('rect')];
    expect(rects).toHaveLength(6);
    const heights = rects.map((r) => Number(r.getAttribute('height')));
    const unit = Math.min(...heights); // a bin with one opening
    expect(heights.map((h) => Math.round(h / unit))).toEqual([1, 2, 3, 2, 1, 1]);
  });
  it('marks the median and the dashed benchmark with labels', () => {
    const median = marks(svg, 'median')[0]!.querySelector('line')!;
    const benchmark = marks(svg, 'benchmark')[0]!;
    expect(benchmark.getAttribute('stroke-dasharray')).toBeTruthy();
    const xOf = (value: number) => axisPosition(svg, 'x', ['0', 0, '100', 100], value);
    expect(Number(median.getAttribute('x1'))).toBeCloseTo(xOf(45), 1);
    expect(Number(benchmark.querySelector('line')!.getAttribute('x1'))).toBeCloseTo(xOf(62), 1);
    expect(texts(svg)).toEqual(expect.arrayContaining(['median 45 d', 'SHRM 62 d']));
    expect(svg.getAttribute('aria-description')).toContain('10 openings filled, median 45 d');
  });
});

describe('kmCurve', () => {
  const svg = parse(kmCurve(km, { document }).outerHTML);
  it('marks exactly the censored points with a plus', () => {
    const plus = [...marks(svg, 'censored')[0]!.querySelectorAll('path')];
    expect(plus).toHaveLength(3);
    const xs = plus.map((p) => Number(/translate\(([-\d.]+),/.exec(p.getAttribute('transform')!)![1]));
    const xOf = (value: number) => axisPosition(svg, 'x', ['0', 0, '100', 100], value);
    expect(xs.map((x) => Math.round(x))).toEqual([35, 80, 100].map((d) => Math.round(xOf(d))));
  });
  it('draws a step curve from 100%, the 50% rule and the median', () => {
    const d = marks(svg, 'survival')[0]!.querySelector('path')!.getAttribute('d')!;
    expect(d.startsWith('M')).toBe(true);
    expect(marks(svg, 'half')).toHaveLength(1);
    expect(marks(svg, 'median')).toHaveLength(1);
    expect(texts(svg)).toContain('KM median 50 d');
  });
  it('says when the median is not reached, without a median rule', () => {
    const open = parse(kmCurve({ median: null, curve: [{ days: 10, atRisk: 2, events: 0, censored: 2, survival: 1 }] }, { document }).outerHTML);
    expect(marks(open, 'median')).toHaveLength(0);
    expect(texts(open)).toContain('KM median not reached');
    expect(marks(open, 'censored')[0]!.querySelectorAll('path')).toHaveLength(1);
  });
});

// Bar charts: rateBars, offerSpeed, regionTimelines, agingBars, funnelBars, stageTimeBars, sourceBars.
const fills = (group: Element | undefined, tag = 'rect') => [...(group?.querySelectorAll(tag) ?? [])].map((e) => e.getAttribute('fill'));

describe('rateBars', () => {
  const svg = parse(rateBars(departments, { document, label: 'Department' }).outerHTML);
  it('colours bars by status, grey under minOffers, and says the status in words', () => {
    expect(fills(marks(svg, 'rate')[0])).toEqual([palette.healthy, palette.watch, palette.alarm, palette.neutral]);
    expect(texts(marks(svg, 'rate label')[0]!)).toEqual(['90% · healthy', '80% · watch', '60% · alarm', '100% · too few offers']);
    expect(texts(svg)).toContain('no resolved offers');
  });
  it('keeps the given order, draws intervals and both threshold rules', () => {
    expect(ticks(svg, 'y')).toEqual(['Engineering', 'Sales', 'Finance', 'Legal', 'Design']);
    expect(marks(svg, 'interval')[0]!.querySelectorAll('line')).toHaveLength(4);
    expect(marks(svg, 'healthy threshold')).toHaveLength(1);
    expect(marks(svg, 'alarm threshold')).toHaveLength(1);
    expect(texts(svg)).toEqual(expect.arrayContaining(['85% healthy', '75% alarm']));
    // no rotated y axis title beside the labels (it collided with them); the text alternative names the groups
    expect(svg.querySelector('g[aria-label="y-axis label"]')).toBeNull();
    expect(svg.getAttribute('aria-description')).toMatch(/^Offer acceptance by group, by Department: /);
  });
  it('takes minOffers', () => {
    const loose = parse(rateBars(departments, { document, minOffers: 3 }).outerHTML);
    expect(fills(marks(loose, 'rate')[0])[3]).toBe(palette.healthy);
  });
});

describe('offerSpeed', () => {
  it('draws two bars with rates and counts', () => {
    const svg = parse(offerSpeed(speed, { document }).outerHTML);
    expect(ticks(svg, 'x')).toEqual(['Within 2 days', 'Later']);
    expect(marks(svg, 'rate')[0]!.querySelectorAll('rect')).toHaveLength(2);
    expect(texts(marks(svg, 'rate label')[0]!)).toEqual(['83% (10 of 12)', '50% (3 of 6)']);
  });
  it('says when one side has no resolved offer', () => {
    const svg = parse(offerSpeed({ ...speed, later: { accepted: 0, declined: 0, rate: null } }, { document }).outerHTML);
    expect(marks(svg, 'rate')[0]!.querySelectorAll('rect')).toHaveLength(1);
    expect(texts(svg)).toContain('no resolved offers');
  });
});

describe('regionTimelines', () => {
  const svg = parse(regionTimelines(regions, { document }).outerHTML);
  it('draws the benchmark ranges and a status-coloured median dot per region with a median', () => {
    expect(marks(svg, 'benchmark range')[0]!.querySelectorAll('rect')).toHaveLength(3);
    expect(fills(marks(svg, 'median')[0], 'circle')).toEqual([palette.healthy, palette.alarm, palette.neutral]);
  });
  it('labels each region with its median, fills and status', () => {
    expect(texts(marks(svg, 'median label')[0]!)).toEqual([
      '45 d (12 filled) · within range',
      '70 d (8 filled) · above range',
      'no fills',
      '30 d (2 filled) · no benchmark',
    ]);
    expect(ticks(svg, 'y')).toEqual(['US', 'EU', 'APAC', 'Mars']);
  });
});

describe('agingBars', () => {
  const svg = parse(agingBars(aging, { document }).outerHTML);
  it('orders the buckets and marks those over 90 days', () => {
    expect(ticks(svg, 'x')).toEqual(['0-30', '31-60', '61-90', '91-180', '>180']);
    expect(fills(marks(svg, 'buckets')[0])).toEqual([palette.primary, palette.primary, palette.primary, palette.watch, palette.watch]);
    expect(texts(marks(svg, 'count label')[0]!)).toEqual(['8', '5', '3', '3 · over 90 d', '1 · over 90 d']);
    expect(svg.getAttribute('aria-description')).toContain('20 open, 4 of them open more than 90 days');
  });
});

describe('funnelBars', () => {
  const chart = funnelBars(funnel, { document });
  const svg = parse(chart.outerHTML);
  it('has the six stage labels in funnel order, top to bottom', () => {
    expect(ticks(svg, 'y')).toEqual(['Application Review', 'Screen', 'Technical', 'Onsite', 'Offer', 'Hired']);
    const ys = [...svg.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) =>
      Number(/,([-\d.]+)\)/.exec(t.getAttribute('transform')!)![1]),
    );
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
  });
  it('writes reached and pass-through per stage', () => {
    expect(texts(marks(svg, 'stage label')[0]!)).toEqual([
      '100 · 40% advanced',
      '40 · 50% advanced',
      '20 · 50% advanced',
      '10 · 60% advanced',
      '6 · 67% advanced',
      '4',
    ]);
  });
  it('stacks advanced and the drop-off reasons, with a key inside the svg', () => {
    // non-zero parts: 5 + 4 + 4 + 3 + 2 + 1
    const segments = marks(svg, 'segments')[0]!;
    expect(segments.querySelectorAll('rect')).toHaveLength(19);
    expect(fills(segments).slice(0, 5)).toEqual([palette.primary, palette.alarm, palette.watch, palette.neutral, palette.accent]);
    // the first stage's segments add up to the bar of 100 candidates, which starts at 0
    const rects = [...segments.querySelectorAll('rect')].slice(0, 5);
    const x0 = Number(rects[0]!.getAttribute('x'));
    const widths = rects.map((r) => Number(r.getAttribute('width')));
    const ends = rects.map((r, i) => Number(r.getAttribute('x')) + widths[i]!);
    expect(Math.max(...ends) - x0).toBeCloseTo((widths[0]! * 100) / 40, 0);
    expect(texts(svg)).toEqual(expect.arrayContaining(['advanced / hired', 'rejected', 'withdrew', 'other', 'active']));
    expect(chart.tagName.toLowerCase()).toBe('svg');
    expect(svg.getAttribute('aria-description')).toContain('Screen: 40 reached, 50% advanced; stopped here: 12 rejected, 4 withdrew');
  });
});

describe('stageTimeBars', () => {
  it('draws the median per stage, skipping stages without one', () => {
    const svg = parse(stageTimeBars(stageTimes, { document }).outerHTML);
    expect(ticks(svg, 'y')).toEqual(['Application Review', 'Screen', 'Technical', 'Onsite']);
    expect(marks(svg, 'median')[0]!.querySelectorAll('rect')).toHaveLength(4);
    expect(texts(marks(svg, 'median label')[0]!)).toEqual(['3 d', '5.5 d', '7 d', '4 d']);
  });
});

describe('sourceBars', () => {
  it('draws the hire rate per source with hires over applications', () => {
    const svg = parse(sourceBars(sourceRows, { document }).outerHTML);
    expect(ticks(svg, 'y')).toEqual(['LinkedIn', 'Referral', 'Indeed']);
    expect(texts(marks(svg, 'hire rate label')[0]!)).toEqual(['2.5% (5/200)', '10.0% (4/40)', '0.0% (0/60)']);
    const widths = [...marks(svg, 'hire rate')[0]!.querySelectorAll('rect')].map((r) => Number(r.getAttribute('width')));
    expect(widths[1]! / widths[0]!).toBeCloseTo(4, 1);
  });
});

// Pay charts: payBands and offersVsBands (DESIGN §4: suppressed cells are shown as such).
const rectCount = (svg: Element, description: string) =>
  marks(svg, description).reduce((n, g) => n + g.querySelectorAll('rect').length, 0);
/** Absolute y of an element: the translations of it and its ancestors, plus its own numeric y. */
function absoluteY(element: Element): number {
  let y = Number.parseFloat(element.getAttribute('y') ?? '0');
  if (Number.isNaN(y) || element.getAttribute('y')?.endsWith('em')) y = 0;
  for (let e: Element | null = element; e; e = e.parentElement) {
    const match = /translate\(([-\d.]+),([-\d.]+)\)/.exec(e.getAttribute('transform') ?? '');
    if (match) y += Number(match[2]);
  }
  return y;
}

describe('payBands', () => {
  const svg = parse(payBands(bands, { document }).outerHTML);
  it('lays out levels in order within region facets', () => {
    expect(ticks(svg, 'fy')).toEqual(['US', 'EU']);
    expect(ticks(svg, 'y').slice(0, 3)).toEqual(['entry', 'mid', 'senior']);
  });
  it('draws P10-P90, P25-P75, P50 and the market range for published cells only', () => {
    expect(rectCount(svg, 'P10-P90')).toBe(3); // US entry, US senior, EU entry (US mid has n < 10)
    expect(rectCount(svg, 'P25-P75')).toBe(4);
    expect(marks(svg, 'P50').reduce((n, g) => n + g.querySelectorAll('line').length, 0)).toBe(4);
    expect(rectCount(svg, 'market range')).toBe(3); // US mid has no market; suppressed cells draw nothing
  });
  it('says "suppressed" for each suppressed cell, with no rect on its row', () => {
    const suppressed = marks(svg, 'suppressed');
    expect(suppressed.flatMap(texts)).toEqual(['suppressed (n < 5)', 'suppressed (n < 5)']);
    const rows = suppressed.flatMap((g) => [...g.querySelectorAll('text')].map(absoluteY));
    expect(rows).toHaveLength(2);
    const rects = ['P10-P90', 'P25-P75', 'market range']
      .flatMap((d) => marks(svg, d))
      .flatMap((g) => [...g.querySelectorAll('rect')])
      .map((r) => ({ top: absoluteY(r), bottom: absoluteY(r) + Number(r.getAttribute('height')) }));
    expect(rects.length).toBeGreaterThan(0);
    for (const y of rows) expect(rects.filter((r) => r.top <= y && y <= r.bottom)).toEqual([]);
    // ... while a published cell's text row would have rects: the check above can fail
    const published = marks(svg, 'P25-P75')[0]!.querySelector('rect')!;
    const middle = absoluteY(published) + Number(published.getAttribute('height')) / 2;
    expect(rects.some((r) => r.top <= middle && middle <= r.bottom)).toBe(true);
    expect(svg.getAttribute('aria-description')).toContain('2 of 6 cells suppressed (n < 5)');
  });
  it('takes minCell, region and roleFamily', () => {
    expect(texts(parse(payBands(bands, { document, minCell: 8 }).outerHTML))).toContain('suppressed (n < 8)');
    const eu = parse(payBands(bands, { document, region: 'EU' }).outerHTML);
    expect(ticks(eu, 'fy')).toEqual(['EU']);
    const engineering = parse(payBands(bands, { document, roleFamily: 'Engineering' }).outerHTML);
    expect(rectCount(engineering, 'P25-P75')).toBe(1);
    expect(engineering.getAttribute('aria-description')).toContain('entry US median $115,000');
  });
  it('draws an all-suppressed selection as text only', () => {
    const only = parse(payBands(bands.filter((b) => b.suppressed), { document }).outerHTML);
    expect(only.querySelectorAll('g[aria-description] rect')).toHaveLength(0);
    expect(texts(only).filter((t) => t.startsWith('suppressed'))).toHaveLength(2);
    expect(only.outerHTML).not.toContain('NaN');
  });
  it('formats the x axis in thousands of dollars', () => {
    expect(ticks(svg, 'x')).toContain('$100k');
  });
});

describe('offersVsBands', () => {
  it('draws below / within / above counts with acceptance where published', () => {
    const svg = parse(offersVsBands(offersOverall, { document }).outerHTML);
    expect(ticks(svg, 'x')).toEqual(['Below band', 'Within band', 'Above band']);
    expect(marks(svg, 'offers')[0]!.querySelectorAll('rect')).toHaveLength(3);
    const labels = [...marks(svg, 'offers label')[0]!.querySelectorAll('text')].map((t) =>
      [...t.querySelectorAll('tspan')].map((s) => s.textContent).join('\n') || t.textContent,
    );
    expect(labels).toEqual(['8 offers\n63% accepted (5 of 8)', '25 offers\n88% accepted (22 of 25)', '5 offers']);
    expect(svg.getAttribute('aria-description')).toContain('8 below band (63% accepted (5 of 8)), 25 within band');
    expect(svg.getAttribute('aria-description')).toContain('2 without a band');
  });
  it('says "suppressed" instead of a bar for suppressed counts', () => {
    const hidden = { ...offersOverall, suppressed: true, below: null, within: null, above: null, acceptance: { below: null, within: null, above: null } };
    const svg = parse(offersVsBands(hidden, { document }).outerHTML);
    expect(marks(svg, 'offers')[0]?.querySelectorAll('rect') ?? []).toHaveLength(0);
    expect(texts(marks(svg, 'suppressed')[0]!)).toEqual(['suppressed', 'suppressed', 'suppressed']);
  });
});
