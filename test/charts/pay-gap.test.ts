/** The Pay equity page's charts (issue 19) on hand-made figures: the 5% lines, stacked quartile shares, suppression in words. */
import { describe, expect, it } from 'vitest';
import { palette, payGapBars, payGapQuartiles } from '../../src/components/charts/index.ts';
import { axisPosition, document, marks, parse, payGapQuartileRows, payGaps, texts } from './fixtures.ts';

const gaps = payGaps;

describe('payGapBars', () => {
  const svg = parse(payGapBars(gaps, { document }).outerHTML);

  it('draws the 5% line on both sides of zero, where the axis puts -5% and 5%', () => {
    const lines = marks(svg, '5% line')[0]!.querySelectorAll('line');
    expect(lines).toHaveLength(2);
    const xs = [...lines].map((l) => Number(l.getAttribute('x1')));
    const scale = ['0%', 0, '10%', 0.1] as [string, number, string, number];
    expect(xs[0]).toBeCloseTo(axisPosition(svg, 'x', scale, -0.05), 1);
    expect(xs[1]).toBeCloseTo(axisPosition(svg, 'x', scale, 0.05), 1);
  });

  it('colours the gaps at 5% or more (either side) in the watch colour, and says which sex is paid more', () => {
    const fills = [...marks(svg, 'gaps')[0]!.querySelectorAll('rect')].map((r) => r.getAttribute('fill'));
    // 12.3% and -8% are past the line, 3% is not; the suppressed median has no bar
    expect(fills).toEqual([palette.watch, palette.primary, palette.watch]);
    expect(texts(svg)).toEqual(expect.arrayContaining(['12.3% men', '3.0% men', '8.0% women', 'suppressed', '5% line']));
  });

  it('describes every measure in its text alternative', () => {
    const description = svg.getAttribute('aria-description')!;
    for (const part of ['Hourly basic, mean 12.3%', 'Hourly basic, median 3.0%', 'Variable, mean -8.0%', 'Variable, median suppressed']) expect(description).toContain(part);
  });
});

describe('payGapQuartiles', () => {
  const quartiles = payGapQuartileRows;
  const svg = parse(payGapQuartiles(quartiles, { document }).outerHTML);

  it('stacks women and men to 100% in each band, the upper band on top', () => {
    const rects = [...marks(svg, 'shares')[0]!.querySelectorAll('rect')];
    expect(rects).toHaveLength(8);
    // each band's two segments together span the whole 0%-100% axis
    const scale = ['0%', 0, '100%', 1] as [string, number, string, number];
    const width = axisPosition(svg, 'x', scale, 1) - axisPosition(svg, 'x', scale, 0);
    const byY = new Map<string, number>();
    for (const r of rects) byY.set(r.getAttribute('y')!, (byY.get(r.getAttribute('y')!) ?? 0) + Number(r.getAttribute('width')));
    for (const total of byY.values()) expect(total).toBeCloseTo(width, 0);
    expect(texts(svg)).toEqual(expect.arrayContaining(['75% women', '88% men', 'Upper', 'Lower']));
    expect(svg.getAttribute('aria-description')).toContain('lower 75.0% women, 25.0% men');
  });

  it('says the bands are suppressed when the company-wide figures are', () => {
    const suppressed = quartiles.map((q) => ({ ...q, women: null, men: null, shareWomen: null, shareMen: null }));
    expect(texts(parse(payGapQuartiles(suppressed, { document }).outerHTML))).toContain('Suppressed: fewer than the minimum of women or men');
  });
});
