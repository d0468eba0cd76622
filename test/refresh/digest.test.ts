/**
 * The digest after a refresh (config `digest`, README "Weekly digest"): real CLI processes refreshing the
 * tiny company of test/digest/company.ts (figures counted by hand there) and a real webhook on 127.0.0.1.
 * The payload is POSTed after a successful refresh; a second refresh in the same week posts nothing; once
 * the week has turned (the state's last digest moved back 8 days) it posts again, with the alerts new and
 * resolved since; a webhook that is down never fails the refresh.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { digestSchema, digestStateSchema } from '../../pipelines/contract/digest.ts';
import { killAll, manifest, published, refreshArgs, runCli, startCli, type CliProcess } from '../helpers/processes.ts';
import { tempDir } from '../helpers/tmp.ts';
import { useHook } from '../helpers/webhook.ts';
import { digestCompany, digestCompanyLater, digestConfig } from '../digest/company.ts';
import { writeInbox } from './inboxes.ts';

const tmp = tempDir('hs-digest-refresh-');
afterAll(() => tmp.cleanup());

/** A config file: the digest test config with this webhook and HTML file. */
function configFile(name: string, webhookUrl: string, htmlFile: string): string {
  const file = path.join(tmp.dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ ...digestConfig, digest: { ...digestConfig.digest, webhookUrl, htmlFile } }));
  return file;
}

interface Payload {
  text: string;
  blocks: { type: string; text?: { text: string }; fields?: { text: string }[] }[];
}

const blockTexts = (payload: Payload) => payload.blocks.map((b) => b.text?.text ?? '');

describe('the digest after a refresh, on one state folder', { concurrent: true }, () => {
  const state = path.join(tmp.dir, 'state');
  const html = path.join(tmp.dir, 'mail', 'digest.html');
  const { hook, mine } = useHook();
  let config: string;
  beforeAll(() => {
    config = configFile('config', hook.url, html);
  });
  const refresh = (inbox: string) => runCli([...refreshArgs(state, inbox), '--config', config], { timeoutMs: 120_000, owner: mine });
  const stateFile = path.join(state, 'state', 'digest.json');

  it('posts the payload and writes the HTML body after a successful refresh', { concurrent: false, timeout: 180_000 }, async () => {
    const run = await refresh(writeInbox(tmp.dir, 'inbox-1', digestCompany()));
    expect(run.code, run.stderr).toBe(0);
    expect(hook.received).toHaveLength(1);
    expect(hook.received[0]).toMatchObject({ method: 'POST', contentType: 'application/json' });
    const payload = JSON.parse(hook.received[0]!.body) as Payload;
    expect(Object.keys(payload)).toEqual(['text', 'blocks']);
    // June 4/5 = 80% against May 3/5 = 60% (+20 points, intervals overlap); medians 45 against 50 days; 6 open
    // against 10; 4 hires against 3 (+33%); every active alert is new in the first digest: the all-time
    // 7/10 = 70% alarm and o-1, o-2, o-3 open over 100 days.
    expect(payload.text).toBe(
      'hirescope digest as of 2026-06-30: offer acceptance 80.0% (watch), +20.0 pts, not significant; median time to fill 45 d, −5 d ' +
        '(benchmark 62 d); 6 open openings, −4; 4 hires, +1 (+33%); 4 new alerts, 0 resolved',
    );
    expect(payload.blocks[2]!.fields!.map((f) => f.text.split('\n').slice(1, 3))).toEqual([
      ['80.0% (watch)', '+20.0 pts, not significant (previous period)'],
      ['45 d', '−5 d (previous period)'],
      ['6', '−4 (previous period)'],
      ['4', '+1 (+33%) (previous period)'],
    ]);
    expect(blockTexts(payload)[3]).toBe(
      '*Active alerts (first digest) (4)*\n• ALARM Offer acceptance 70.0% (7 accepted, 3 declined) is below the 75% line\n' +
        '• WATCH Opening o-1 — &lt;script&gt;alert(1)&lt;/script&gt; (Sales, EU; recruiter R. Jones) has been open 180 days\n' +
        '• WATCH Opening o-2 — Backend Engineer (Engineering, US) has been open 135 days\n' +
        '• WATCH Opening o-3 — Designer &amp; Illustrator (Design, LatAm; recruiter A. Lee) has been open 121 days',
    );
    expect(blockTexts(payload)[5]).toContain('• &lt;script&gt;alert(1)&lt;/script&gt; (o-1) — Sales, EU: 180 days open');
    expect(run.events.filter((e) => e.event === 'digest-sent')).toEqual([
      expect.objectContaining({ asOf: '2026-06-30', posted: true, htmlFile: html, newAlerts: 4, resolvedAlerts: 0 }),
    ]);
    // after the run is recorded: `published` and the run's end come first
    expect(run.events.findIndex((e) => e.event === 'published')).toBeLessThan(run.events.findIndex((e) => e.event === 'digest-sent'));
    const remembered = digestStateSchema.parse(JSON.parse(readFileSync(stateFile, 'utf8')));
    expect(remembered.asOf).toBe('2026-06-30');
    expect(remembered.alerts.map((a) => a.id)).toEqual(['offer-acceptance:Offer acceptance rate:alarm', 'opening-age:o-1:watch', 'opening-age:o-2:watch', 'opening-age:o-3:watch']);
    const body = readFileSync(html, 'utf8');
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; (o-1) — Sales, EU: 180 days open');
    expect(body).not.toMatch(/<script|<link|<img|\bsrc=/i);
  });

  it('a second refresh within the week posts nothing', { concurrent: false, timeout: 180_000 }, async () => {
    hook.received.length = 0;
    const before = readFileSync(stateFile, 'utf8');
    const run = await refresh(writeInbox(tmp.dir, 'inbox-1', digestCompany()));
    expect(run.code, run.stderr).toBe(0);
    expect(hook.received).toEqual([]);
    expect(run.events.filter((e) => e.event.startsWith('digest-')).map((e) => e.event)).toEqual(['digest-not-due']);
    expect(readFileSync(stateFile, 'utf8')).toBe(before);
  });

  it('after the week it posts again, with the alerts new and resolved since the last digest', { concurrent: false, timeout: 180_000 }, async () => {
    hook.received.length = 0;
    // The last digest a week and a day ago: a Monday 00:00 lies between it and now.
    const remembered = digestStateSchema.parse(JSON.parse(readFileSync(stateFile, 'utf8')));
    const weekAgo = new Date(Date.parse(remembered.lastSentAt) - 8 * 86_400_000).toISOString();
    writeFileSync(stateFile, JSON.stringify({ ...remembered, lastSentAt: weekAgo }));
    const run = await refresh(writeInbox(tmp.dir, 'inbox-2', digestCompanyLater()));
    expect(run.code, run.stderr).toBe(0);
    expect(hook.received).toHaveLength(1);
    const payload = JSON.parse(hook.received[0]!.body) as Payload;
    // o-2 closed on 06-28: resolved; o-7 opened 02-01, 149 days open at 06-30: new.
    expect(blockTexts(payload)[3]).toBe(`*New alerts since ${weekAgo.slice(0, 10)} (1)*\n• WATCH Opening o-7 — Designer &amp; Illustrator (Design, LatAm; recruiter A. Lee) has been open 149 days`);
    expect(blockTexts(payload)[4]).toBe('*Resolved alerts (1)*\n• WATCH Opening o-2 — Backend Engineer (Engineering, US) has been open 135 days');
    expect(payload.text.endsWith('; 1 new alert, 1 resolved')).toBe(true);
    // June's open openings now: o-1, o-3..o-7 = 6 (o-2 closed, o-7 new); at 05-31: the 10 before plus o-7 = 11.
    expect(payload.blocks[2]!.fields![2]!.text.split('\n').slice(1, 3)).toEqual(['6', '−5 (previous period)']);

    // `hirescope digest` now: nothing new or resolved since the digest just sent
    const afterRefresh = readFileSync(stateFile, 'utf8');
    const onDemand = await runCli(['digest', '--state', state, '--config', config, '--as-of', '2026-06-30', '--json'], { timeoutMs: 60_000, owner: mine });
    expect(onDemand.code, onDemand.stderr).toBe(0);
    const digest = digestSchema.parse(JSON.parse(onDemand.stdout));
    expect(digest.alerts).toMatchObject({ active: 4, new: [], resolved: [] });
    expect([digest.tiles.openOpenings, digest.comparison.figures.previous.openOpenings, digest.comparison.change.previous.openOpenings]).toEqual([6, 11, -5]);
    expect(hook.received).toHaveLength(1); // without --post nothing is sent
    expect(readFileSync(stateFile, 'utf8')).toBe(afterRefresh);

    // --post sends it now and records it as the last digest; --html writes the body where asked
    const body = path.join(tmp.dir, 'on-demand', 'digest.html');
    const posted = await runCli(['digest', '--state', state, '--config', config, '--as-of', '2026-06-30', '--post', '--html', body], { timeoutMs: 60_000, owner: mine });
    expect(posted.code, posted.stderr).toBe(0);
    expect(posted.stdout).toContain(`HTML e-mail body written to ${body}\nposted to the webhook`);
    expect(hook.received).toHaveLength(2);
    expect(blockTexts(JSON.parse(hook.received[1]!.body) as Payload)[3]).toMatch(/^\*New alerts since \d{4}-\d{2}-\d{2}\*\nnone$/);
    expect(digestStateSchema.parse(JSON.parse(readFileSync(stateFile, 'utf8'))).lastSentAt > JSON.parse(afterRefresh).lastSentAt).toBe(true);
    expect(readFileSync(body, 'utf8')).toContain('<h1');
  });
});

describe('the digest after a refresh, with the webhook down', () => {
  const mine = new Set<CliProcess>();
  afterEach(() => killAll(mine));
  afterAll(() => killAll(mine));

  it('never fails the refresh: published, three tries, not recorded as sent (the next refresh tries again)', { timeout: 180_000 }, async () => {
    // A port that was just free: nothing listens there any more (connection refused).
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const down = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const state = path.join(tmp.dir, 'state-down');
    const html = path.join(tmp.dir, 'mail-down', 'digest.html');
    const run = await runCli([...refreshArgs(state, writeInbox(tmp.dir, 'inbox-down', digestCompany())), '--config', configFile('config-down', down, html)], {
      timeoutMs: 120_000,
      owner: mine,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'ok', asOf: '2026-06-30' });
    expect(published(state).current).toMatch(/^gens\//);
    // offers: a1-a4, b1-b3 accepted + d1-d3 declined = 10 rows
    expect(manifest(state).rows.offers).toBe(10);
    expect(run.events.filter((e) => e.event === 'notify-failed').map((e) => e.attempt)).toEqual([1, 2, 3]);
    expect(run.events.filter((e) => e.event === 'digest-not-sent')).toEqual([expect.objectContaining({ posted: false, htmlFile: html })]);
    expect(existsSync(path.join(state, 'state', 'digest.json'))).toBe(false);
    expect(readFileSync(html, 'utf8')).toContain('hirescope digest — as of 2026-06-30');
  });
});

describe('the digest from `schedule`', () => {
  const { hook, mine } = useHook();

  it('a scheduled refresh posts the digest; the next ticks in the same week do not', { timeout: 180_000 }, async () => {
    const state = path.join(tmp.dir, 'state-schedule');
    const inbox = writeInbox(tmp.dir, 'inbox-schedule', digestCompany());
    const config = configFile('config-schedule', hook.url, path.join(tmp.dir, 'mail-schedule', 'digest.html'));
    // every second (croner's seconds field); ticks during a run are skipped
    const schedule = startCli(['schedule', '--cron', '* * * * * *', '--state', state, '--inbox', inbox, '--as-of', '2026-06-30', '--config', config], { owner: mine });
    await schedule.waitForEvent((e) => e.event === 'digest-sent', 120_000);
    await schedule.waitForEvent((e) => e.event === 'digest-not-due', 120_000);
    schedule.child.kill('SIGTERM');
    const exit = await schedule.wait(120_000);
    expect(exit.code, exit.stderr).toBe(0);
    expect(hook.received).toHaveLength(1);
    expect((JSON.parse(hook.received[0]!.body) as Payload).text).toMatch(/^hirescope digest as of 2026-06-30: offer acceptance 80\.0% \(watch\)/);
  });
});
