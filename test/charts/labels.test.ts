/** Long names are cut on the site (issue 16): the text helpers and a chart's axis labels. */
import { describe, expect, it } from 'vitest';
import { rateBars } from '../../src/components/charts/index.ts';
import { marginForLabels } from '../../src/components/charts/common.ts';
import { cellText, cellTitle, shortSentence, shortText } from '../../pipelines/contract/format.ts';
import { document, parse } from './fixtures.ts';

const long = `Engineering-${'abcdefghij'.repeat(498)}xxxxxxxx`; // 12 + 4,980 + 8 = 5,000 characters

describe('cutting long names', () => {
  it('shortText keeps short names and cuts long ones to the limit, the ellipsis included', () => {
    expect(shortText('Sales')).toBe('Sales');
    expect(shortText('x'.repeat(40))).toBe('x'.repeat(40));
    // 39 characters ('Engineering-' + 27) + '…' = 40
    expect(shortText(long)).toBe(`Engineering-${'abcdefghij'.repeat(2)}abcdefg…`);
    expect([...shortText(long)]).toHaveLength(40);
    expect(shortSentence(`Opening opn-1 (${long}) has been open for 120 days`)).toBe(
      `Opening opn-1 (Engineering-${'abcdefghij'.repeat(2)}abcdef… has been open for 120 days`,
    );
  });

  it('table cells: 60 characters, the whole text as title; short cells have none', () => {
    expect(cellText(long)).toHaveLength(60);
    expect(cellTitle(long)).toBe(long);
    expect(cellTitle('Sales')).toBeUndefined();
    expect(cellTitle(12)).toBeUndefined();
  });

  it('chart axis labels: 26 characters with an SVG <title> holding the whole name; the margin as for 26', () => {
    const svg = parse(
      rateBars(
        [
          { key: long, accepted: 43, declined: 7, rate: 0.86, low: 0.74, high: 0.93 },
          { key: 'Sales', accepted: 16, declined: 4, rate: 0.8, low: 0.58, high: 0.92 },
        ] as Parameters<typeof rateBars>[0],
        { document, label: 'Department' },
      ).outerHTML,
    );
    const labels = [...svg.querySelectorAll('g[aria-label="y-axis tick label"] text')];
    expect(labels.map((t) => t.querySelector('title')?.textContent ?? null)).toEqual([long, null]);
    // 25 characters ('Engineering-' + 13) + '…'; the <title> child is not part of the shown text node
    expect(labels.map((t) => [...t.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join(''))).toEqual([
      `Engineering-abcdefghijabc…`,
      'Sales',
    ]);
    // min(200, max(50, 26 x 7 + 20 = 202)) = 200
    expect(marginForLabels([long])).toBe(200);
  });
});
