/**
 * The digest of a tiny company (test/digest/company.ts, every figure counted by hand there): the tiles and
 * their changes, the alerts new and resolved between two digests, the oldest open openings, the Slack
 * payload, the self-contained HTML body, and the cadence. A real DuckDB file loaded through the real ingest.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Config } from '../../pipelines/lib/config.ts';
import { evaluateAlerts } from '../../pipelines/alerts/index.ts';
import { buildDigest, digestAlerts } from '../../pipelines/digest/compute.ts';
import { digestDue } from '../../pipelines/digest/cadence.ts';
import { deliverDigest } from '../../pipelines/digest/send.ts';
import { slackPayload } from '../../pipelines/digest/slack.ts';
import type { Digest, DigestState } from '../../pipelines/contract/digest.ts';
import { withLoadedWarehouse } from '../helpers/warehouse.ts';
import { tempDir } from '../helpers/tmp.ts';
import { digestAsOf, digestCompany, digestCompanyLater, digestConfig } from './company.ts';

const tmp = tempDir('hs-digest-');
afterAll(() => tmp.cleanup());

/** The digest of `files` as of 2026-06-30 after the last digest `previous`, with the alerts a refresh evaluates. */
function digestOf(files: Record<string, string>, previous: DigestState | undefined, adjust: (config: Config) => Config = (c) => c) {
  return withLoadedWarehouse(
    files,
    async (warehouse, loaded) => {
      // the alerts as the refresh evaluates them: with the same config as the digest (privacy.owners included)
      const config = adjust(loaded);
      const alerts = (await evaluateAlerts(warehouse, config, { asOf: digestAsOf })).alerts;
      return { digest: await buildDigest(warehouse, config, { asOf: digestAsOf, alerts, previous }), alerts };
    },
    digestConfig as unknown as Partial<Config>,
  );
}

describe('the digest of the tiny company', () => {
  let first: Digest;
  it('has the four tiles with their changes against the previous period and a year earlier', { timeout: 60_000 }, async () => {
    first = (await digestOf(digestCompany(), undefined)).digest;
    // 30 days to 2026-06-30 = June 1-30, a period starting on the 1st: compared by months (compareKpis) with
    // May 1-31 and with June 2025 (before the data: nothing).
    expect(first.comparison.periods).toEqual({
      current: { from: '2026-06-01', to: '2026-06-30' },
      previous: { from: '2026-05-01', to: '2026-05-31' },
      yearEarlier: { from: '2025-06-01', to: '2025-06-30' },
    });
    const { offerAcceptance: oar, timeToFill, openOpenings, hires } = first.tiles;
    // June: 4 accepted / (4 + 1) = 0.8: watch (0.75 <= 0.8 < 0.85, 5 >= 4 offers).
    expect(oar).toMatchObject({ rate: 0.8, status: 'watch', accepted: 4, declined: 1 });
    // Wilson 95% of 4/5 with z = 1.959964: z^2 = 3.841459, d = 1 + z^2/5 = 1.768292, centre = (0.8 + z^2/10)/d
    // = 1.184146/1.768292 = 0.669655, half = z * sqrt(0.16/5 + z^2/100)/d = 1.959964 * 0.265357/1.768292 = 0.294121
    // -> [0.375535, 0.963776].
    expect(oar.ci95![0]).toBeCloseTo(0.375535, 5);
    expect(oar.ci95![1]).toBeCloseTo(0.963776, 5);
    // June fills 20, 40, 50, 70 days: median (40 + 50)/2 = 45.
    expect(timeToFill).toMatchObject({ medianDays: 45, filled: 4, benchmarkDays: 62 });
    // Open at 06-30: o-1..o-6 = 6. Hires dated in June: a1-a4 = 4.
    expect([openOpenings, hires]).toEqual([6, 4]);
    const { previous, yearEarlier } = first.comparison.figures;
    // May: 3 / (3 + 2) = 0.6; fills 30, 50, 70: median 50; open at 05-31: o-1..o-5, c-1 (closed 06-05) and
    // f-a1..f-a4 (filled in June) = 10; hires b1-b3 = 3.
    expect(previous).toMatchObject({ offerAcceptance: { accepted: 3, declined: 2, rate: 0.6 }, medianTimeToFillDays: 50, filled: 3, openOpenings: 10, hires: 3 });
    expect(yearEarlier).toMatchObject({ offerAcceptance: { accepted: 0, declined: 0, rate: null, ci95: null }, medianTimeToFillDays: null, openOpenings: 0, hires: 0 });
    const change = first.comparison.change.previous;
    // (0.8 - 0.6) x 100 = +20 points; May's 3/5 interval (about 0.23-0.88) overlaps June's: not significant.
    expect(change.offerAcceptance.points).toBeCloseTo(20, 10);
    expect(change.offerAcceptance.significant).toBe(false);
    // 45 - 50 = -5 days; 6 - 10 = -4 open; 4 - 3 = +1 hire, 4/3 - 1 = +33%.
    expect(change).toMatchObject({ medianTimeToFillDays: -5, openOpenings: -4, hires: 1 });
    expect(change.hiresRelative).toBeCloseTo(1 / 3, 12);
  });

  it('lists the five oldest open openings, oldest first, with their recruiter', () => {
    // days open at 06-30: o-1 from 01-01 = 180 (day 181 - day 1), o-2 02-15 = 181 - 46 = 135, o-3 03-01 = 181 - 60 = 121,
    // o-4 04-01 = 181 - 91 = 90, o-5 05-15 = 181 - 135 = 46; o-6 (10 days) is the sixth and left out.
    // Recruiters: job-2 R. Jones, job-3 A. Lee, job-1 blank (none).
    expect(first.oldestOpenings).toEqual([
      { openingId: 'o-1', title: '<script>alert(1)</script>', department: 'Sales', region: 'EU', daysOpen: 180, recruiter: 'R. Jones' },
      { openingId: 'o-2', title: 'Backend Engineer', department: 'Engineering', region: 'US', daysOpen: 135, recruiter: null },
      { openingId: 'o-3', title: 'Designer & Illustrator', department: 'Design', region: 'LatAm', daysOpen: 121, recruiter: 'A. Lee' },
      { openingId: 'o-4', title: 'Backend Engineer', department: 'Engineering', region: 'US', daysOpen: 90, recruiter: null },
      { openingId: 'o-5', title: '<script>alert(1)</script>', department: 'Sales', region: 'EU', daysOpen: 46, recruiter: 'R. Jones' },
    ]);
  });

  it('counts every active alert as new in the first digest', () => {
    // all time: 7 accepted / 10 = 70% < 75% with 10 >= 4 offers -> alarm; openings over 100 days: o-1, o-2, o-3.
    expect(first.alerts.since).toBeNull();
    expect(first.alerts.active).toBe(4);
    expect(first.alerts.new.map((a) => a.id)).toEqual([
      'offer-acceptance:Offer acceptance rate:alarm',
      'opening-age:o-1:watch',
      'opening-age:o-2:watch',
      'opening-age:o-3:watch',
    ]);
    expect(first.alerts.resolved).toEqual([]);
  });

  it('the next digest names the alerts new and resolved since', { timeout: 60_000 }, async () => {
    const { alerts } = await digestOf(digestCompany(), undefined);
    const state: DigestState = { lastSentAt: '2026-06-23T06:00:00.000Z', asOf: '2026-06-23', alerts: digestAlerts(alerts) };
    const later = (await digestOf(digestCompanyLater(), state)).digest;
    // o-2 closed on 06-28: its alert resolves; o-7 opened 02-01 = 181 - 32 = 149 days: a new one.
    expect(later.alerts.since).toBe('2026-06-23T06:00:00.000Z');
    expect(later.alerts.new.map((a) => [a.id, a.message])).toEqual([['opening-age:o-7:watch', 'Opening o-7 — Designer & Illustrator (Design, LatAm; recruiter A. Lee) has been open 149 days']]);
    expect(later.alerts.resolved.map((a) => [a.id, a.message])).toEqual([['opening-age:o-2:watch', 'Opening o-2 — Backend Engineer (Engineering, US) has been open 135 days']]);
    expect(later.alerts.active).toBe(4);
    expect(later.oldestOpenings.map((o) => [o.openingId, o.daysOpen])).toEqual([['o-1', 180], ['o-7', 149], ['o-3', 121], ['o-4', 90], ['o-5', 46]]);
  });

  it('leaves recruiters out under privacy.owners "hide"', { timeout: 60_000 }, async () => {
    const hidden = (await digestOf(digestCompany(), undefined, (config) => ({ ...config, privacy: { owners: 'hide' } }))).digest;
    expect(hidden.oldestOpenings.map((o) => o.openingId)).toEqual(['o-1', 'o-2', 'o-3', 'o-4', 'o-5']);
    expect(hidden.oldestOpenings.every((o) => !('recruiter' in o))).toBe(true);
    expect(JSON.stringify(slackPayload(hidden))).not.toMatch(/Jones|Lee/);
  });

  it('is a Slack payload: text fallback and blocks, export text escaped for mrkdwn', () => {
    const payload = slackPayload(first);
    expect(payload.text).toBe(
      'hirescope digest as of 2026-06-30: offer acceptance 80.0% (watch), +20.0 pts, not significant; median time to fill 45 d, −5 d ' +
        '(benchmark 62 d); 6 open openings, −4; 4 hires, +1 (+33%); 4 new alerts, 0 resolved',
    );
    expect(payload.blocks.map((b) => b.type)).toEqual(['header', 'context', 'section', 'section', 'section', 'section', 'section']);
    expect(payload.blocks[1]).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: '2026-06-01 to 2026-06-30, against the previous period (2026-05-01 to 2026-05-31) and a year earlier (2025-06-01 to 2025-06-30)' }],
    });
    // a year earlier: no offers, no fills; 6 - 0 = +6 open, 4 - 0 = +4 hires (no rate against none)
    expect(payload.blocks[2]).toEqual({
      type: 'section',
      fields: [
        {
          type: 'mrkdwn',
          text: '*Offer acceptance rate*\n80.0% (watch)\n+20.0 pts, not significant (previous period)\nno offers to compare (a year earlier)\n95% CI 37.6%–96.4% · 4 accepted, 1 declined',
        },
        { type: 'mrkdwn', text: '*Median time to fill*\n45 d\n−5 d (previous period)\nno fills to compare (a year earlier)\nwithin the 62 d benchmark · 4 openings filled' },
        { type: 'mrkdwn', text: '*Open openings*\n6\n−4 (previous period)\n+6 (a year earlier)\nopen on 2026-06-30' },
        { type: 'mrkdwn', text: '*Hires*\n4\n+1 (+33%) (previous period)\n+4 (a year earlier)\nhires dated in the period' },
      ],
    });
    const openings = (payload.blocks[5] as { text: { text: string } }).text.text;
    expect(openings.split('\n').slice(0, 4)).toEqual([
      '*Oldest open openings*',
      '• &lt;script&gt;alert(1)&lt;/script&gt; (o-1) — Sales, EU: 180 days open, recruiter R. Jones',
      '• Backend Engineer (o-2) — Engineering, US: 135 days open',
      '• Designer &amp; Illustrator (o-3) — Design, LatAm: 121 days open, recruiter A. Lee',
    ]);
    expect(JSON.stringify(payload)).not.toContain('<script>');
    expect(payload.blocks.at(-1)).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '<https://hiring.example.com/dashboard/|Open the dashboard>' } });
  });

  it('keeps each Slack section under 3,000 characters: whole lines, the rest counted', () => {
    // 25 alerts of 400 characters: 10 listed at most; "• WATCH " + 400 = 408 per line, so the title and
    // 7 lines (about 2,900 characters with the room kept for the last line) fit: 25 - 7 = 18 more.
    const long = Array.from({ length: 25 }, (_, i) => ({ ...first.alerts.new[1]!, subject: `o-${i}`, id: `opening-age:o-${i}:watch`, message: 'x'.repeat(400) }));
    const section = slackPayload({ ...first, alerts: { ...first.alerts, new: long } }).blocks[3] as { text: { text: string } };
    const lines = section.text.text.split('\n');
    expect(section.text.text.length).toBeLessThanOrEqual(3000);
    expect(lines[0]).toBe('*Active alerts (first digest) (25)*');
    expect(lines.slice(1, -1)).toEqual(Array.from({ length: 7 }, () => `• WATCH ${'x'.repeat(400)}`));
    expect(lines.at(-1)).toBe('…and 18 more alerts');
  });

  it('is a self-contained HTML e-mail body: inline styles, no external resource, every string escaped', async () => {
    const file = path.join(tmp.dir, 'mail', 'digest.html');
    const delivery = await deliverDigest(first, { htmlFile: file });
    expect(delivery).toEqual({ posted: null, htmlFile: file });
    const html = readFileSync(file, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<li style="margin:2px 0">&lt;script&gt;alert(1)&lt;/script&gt; (o-1) — Sales, EU: 180 days open, recruiter R. Jones</li>');
    expect(html).toContain('Designer &amp; Illustrator (o-3)');
    expect(html).not.toMatch(/<script|<style|<link|<img|<iframe|\bsrc=|url\(|@import/i);
    // the only address in it is the site's link
    expect([...html.matchAll(/https?:\/\/[^"'\s<]+/g)].map((m) => m[0])).toEqual(['https://hiring.example.com/dashboard/']);
    expect(html).toContain('<a href="https://hiring.example.com/dashboard/" style="color:#0969da">Open the dashboard</a>');
    // the tiles, as in the payload
    expect(html).toContain('>80.0% (watch)</div><div style="font-size:13px;color:#1f2328">+20.0 pts, not significant <span style="color:#57606a">(previous period)</span></div>');
    expect(html).toContain('>45 d</div><div style="font-size:13px;color:#1f2328">−5 d <span style="color:#57606a">(previous period)</span></div>');
  });
});

describe('the cadence', () => {
  const last = '2026-06-29T06:00:00.000Z'; // a Monday, 06:00 UTC
  it('weekly: due again from the next Monday 00:00 in the organisation time zone', () => {
    expect(digestDue('weekly', undefined, new Date('2026-06-29T06:00:00Z'))).toBe(true); // never sent
    expect(digestDue('weekly', last, new Date('2026-06-29T06:05:00Z'))).toBe(false); // same run day
    expect(digestDue('weekly', last, new Date('2026-07-05T23:59:00Z'))).toBe(false); // Sunday: same week
    expect(digestDue('weekly', last, new Date('2026-07-06T00:00:00Z'))).toBe(true); // Monday 00:00
    // a refresh a minute earlier than last week's still sends (7 days less a minute since the last one)
    expect(digestDue('weekly', last, new Date('2026-07-06T05:59:00Z'))).toBe(true);
    // in New York (UTC-4) the week turns at Monday 04:00 UTC
    expect(digestDue('weekly', last, new Date('2026-07-06T03:59:00Z'), 'America/New_York')).toBe(false);
    expect(digestDue('weekly', last, new Date('2026-07-06T04:00:00Z'), 'America/New_York')).toBe(true);
  });
  it('daily and a cron expression', () => {
    expect(digestDue('daily', last, new Date('2026-06-29T23:59:00Z'))).toBe(false);
    expect(digestDue('daily', last, new Date('2026-06-30T00:00:00Z'))).toBe(true);
    // first of the month at 08:00
    expect(digestDue('0 8 1 * *', last, new Date('2026-07-01T07:59:00Z'))).toBe(false);
    expect(digestDue('0 8 1 * *', last, new Date('2026-07-01T08:00:00Z'))).toBe(true);
  });
});
