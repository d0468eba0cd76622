/**
 * A 5,000-character department name (issue 16) made every page 39,758 px wide. Built once from the
 * fixture company with Engineering renamed, every page at a 1280 px viewport (table views opened too)
 * is no wider than the viewport, the name is cut with an ellipsis where it is shown, and the full name
 * is in a title attribute (or an SVG <title>, the same tooltip in a chart).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from '../helpers/browser.ts';
import { fixtureAsOf, fixtureCompany } from '../helpers/company.ts';
import { serveBuiltSite, type ServedSite } from '../helpers/site.ts';

const pages = ['', 'funnel/', 'time-to-fill/', 'requisitions/', 'offers/', 'sources/', 'pay-bands/', 'data-quality/'];
// 'Engineering-' (12) + 'abcdefghij' x 498 (4,980) + 'xxxxxxxx' (8) = 5,000 characters, no space to wrap at.
const long = `Engineering-${'abcdefghij'.repeat(498)}xxxxxxxx`;
let site: ServedSite;
let base: string;
let browser: Browser;

beforeAll(async () => {
  expect(long).toHaveLength(5000);
  const files = Object.fromEntries(Object.entries(fixtureCompany().files).map(([name, text]) => [name, text.replaceAll(',Engineering,', `,${long},`)]));
  site = await serveBuiltSite({ inbox: files, asOf: fixtureAsOf, prefix: 'hs-long-' });
  ({ base, browser } = site);
}, 180_000);

afterAll(() => site?.close());

describe('a 5,000-character department name', () => {
  it('leaves every page within the 1280 px viewport, cut with an ellipsis, the full name in a title', async () => {
    const seen: Record<string, { width: number; titled: boolean; svgTitled: boolean; shown: string[] }> = {};
    for (const route of pages) {
      const page = await browser.context.newPage();
      await page.goto(base + route, { waitUntil: 'load' });
      if (route !== 'data-quality/') await page.waitForSelector('body[data-drawn]', { timeout: 20_000 });
      // Table views open: their rows name the department too.
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      seen[route] = await page.evaluate((name) => {
        const shown: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.parentElement?.closest('title, script, style')) continue;
          const text = node.textContent ?? '';
          if (text.includes('Engineering-abc')) shown.push(text);
        }
        return {
          width: document.documentElement.scrollWidth,
          titled: [...document.querySelectorAll('[title]')].some((e) => e.getAttribute('title') === name),
          svgTitled: [...document.querySelectorAll('svg title')].some((e) => (e.textContent ?? '').includes(name)),
          shown,
        };
      }, long);
      await page.close();
    }
    for (const [route, page] of Object.entries(seen)) {
      expect(page.width, `/${route} scrollWidth`).toBeLessThanOrEqual(1280);
      // Where the name is shown (data quality names no department), each time cut with an ellipsis after
      // at most 59 of its characters (table cells 60 with the ellipsis, filters 40, axis labels 26: 12 of
      // 'Engineering-' + up to 47 more + '…'); an alert's whole sentence at most 240.
      for (const text of page.shown) {
        expect(text, `/${route}`).toMatch(/Engineering-[a-jx]{0,47}…/);
        expect(text.length, `/${route}: ${text.slice(0, 40)}`).toBeLessThanOrEqual(240);
      }
    }
    // The department filter's option carries the full name in its title on every page with filters.
    expect(Object.fromEntries(Object.entries(seen).map(([route, page]) => [route, page.titled]))).toEqual(
      Object.fromEntries(pages.map((route) => [route, route !== 'data-quality/'])),
    );
    // Cut where: the filter option on every page with filters; the Overview's opening-age alerts (Engineering's
    // open openings, which name their department); the Offers page's chart and table by department.
    expect(seen['']!.shown.filter((text) => text.startsWith('Opening ')).length).toBeGreaterThan(0);
    expect(seen['offers/']!.shown.length).toBeGreaterThanOrEqual(3); // option + axis label + table cell
    // the axis label, cut to what its chart's left margin holds (a third of the chart, at most 200 px, at
    // 7 px a character: a 570 px chart holds (190 - 14) / 7 = 25 characters, the ellipsis included), at most 26
    expect(seen['offers/']!.shown.some((text) => [...text].length >= 20 && [...text].length <= 26 && text.endsWith('…'))).toBe(true);
    expect(seen['offers/']!.svgTitled).toBe(true);
  });
});
