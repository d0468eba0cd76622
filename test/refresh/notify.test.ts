/**
 * Webhook notifications (HIRESCOPE_WEBHOOK_URL): a failed refresh POSTs {"text"} about the failure; a new
 * alarm POSTs once, not again on an identical refresh; a webhook answering 500 never fails a good
 * refresh. A real HTTP server on 127.0.0.1 and real CLI processes.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { history, manifest, published, refreshArgs, runCli } from '../helpers/processes.ts';
import { tempDir } from '../helpers/tmp.ts';
import { useHook } from '../helpers/webhook.ts';
import { baseOffers, companyFiles, withAcceptanceAlarm, withoutOfferStatus, writeInbox } from './inboxes.ts';

const tmp = tempDir('hs-notify-');
afterAll(() => tmp.cleanup());

describe('webhook notifications, on one state folder', { concurrent: true }, () => {
  const state = path.join(tmp.dir, 'state');
  const { hook, mine } = useHook();
  const refresh = (inbox: string) => runCli(refreshArgs(state, inbox), { env: { HIRESCOPE_WEBHOOK_URL: hook.url }, timeoutMs: 90_000, owner: mine });

  it('a failed refresh POSTs {"text"} naming the failure; a good refresh without alarms POSTs nothing', { concurrent: false, timeout: 150_000 }, async () => {
    const ok = await refresh(writeInbox(tmp.dir, 'inbox-0', companyFiles()));
    expect(ok.code, ok.stderr).toBe(0);
    expect(hook.received).toEqual([]); // 80% acceptance is a watch, not an alarm: nothing to say

    const bad = writeInbox(tmp.dir, 'inbox-bad', withoutOfferStatus());
    const failed = await refresh(bad);
    expect(failed.code).toBe(1);
    expect(hook.received).toHaveLength(1);
    expect(hook.received[0]).toMatchObject({ method: 'POST', contentType: 'application/json' });
    const body = JSON.parse(hook.received[0]!.body) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['text']);
    // The refusal goes on to list the vendor shapes tried (issue 7); the canonical part and the last line are fixed.
    const text = String(body.text);
    expect(text.startsWith(
      `hirescope refresh failed during ingest: refused 1 file(s), nothing published: ${path.join(bad, 'offers.csv')}: ` +
        'unknown file shape: closest entity is offers, missing required column status',
    )).toBe(true);
    expect(text.endsWith('\nThe dashboard still shows the last good refresh.')).toBe(true);
    expect(text).toContain('vendor shapes tried: greenhouse offers (missing id, status)');
    expect(failed.events.filter((e) => e.event === 'notified')).toEqual([expect.objectContaining({ attempt: 1 })]);
  });

  it('a new alarm POSTs once mentioning it; an identical refresh does not POST it again', { concurrent: false, timeout: 150_000 }, async () => {
    hook.received.length = 0;
    const alarmInbox = writeInbox(tmp.dir, 'inbox-alarm', withAcceptanceAlarm());
    const first = await refresh(alarmInbox);
    expect(first.code, first.stderr).toBe(0);
    expect(hook.texts()).toHaveLength(1);
    expect(hook.texts()[0]).toMatch(/^hirescope: 1 new alarm\(s\) as of 2026-06-30:\n• Offer acceptance 74\.7% \(71 accepted, 24 declined\)/);
    expect((await history(state)).at(-1)).toMatchObject({ status: 'ok', alarms: ['offer-acceptance:Offer acceptance rate'] });

    hook.received.length = 0;
    const again = await refresh(alarmInbox);
    expect(again.code, again.stderr).toBe(0);
    expect(hook.received).toEqual([]);
    expect((await history(state)).at(-1)).toMatchObject({ status: 'ok', alarms: ['offer-acceptance:Offer acceptance rate'] });
  });
});

describe('webhook notifications, a webhook answering 500', { concurrent: true }, () => {
  const { hook, mine } = useHook(500);

  it('never fails a good refresh with a new alarm (one try, two retries, then published)', { timeout: 150_000 }, async () => {
    const state = path.join(tmp.dir, 'state-500');
    const run = await runCli(refreshArgs(state, writeInbox(tmp.dir, 'inbox-alarm-500', withAcceptanceAlarm())), {
      env: { HIRESCOPE_WEBHOOK_URL: hook.url },
      timeoutMs: 90_000,
      owner: mine,
    });
    expect(run.code, run.stderr).toBe(0);
    // published all the same; the alarm is not recorded as announced, so the next run retries the POST
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'ok', alarms: [] });
    expect(hook.received).toHaveLength(3);
    for (const text of hook.texts()) expect(text).toContain('Offer acceptance 74.7%');
    expect(run.events.filter((e) => e.event === 'notify-failed').map((e) => [e.attempt, e.status])).toEqual([
      [1, 500],
      [2, 500],
      [3, 500],
    ]);
    expect(run.events.findIndex((e) => e.event === 'published')).toBeLessThan(run.events.findIndex((e) => e.event === 'notify-failed'));
    expect(manifest(state).rows.offers).toBe(baseOffers);
    expect(published(state).current).toMatch(/^gens\//);
  });
});
