/**
 * Notifications of a failed refresh or a new alarm: a Slack-compatible JSON POST ({"text": ...}) to a
 * webhook, with a timeout and bounded retries. A notification that cannot be delivered is logged and
 * never fails the refresh.
 */
import type { Logger } from '../lib/log.ts';

export interface NotifyOptions {
  readonly url: string | undefined;
  readonly timeoutMs?: number;
  readonly retries?: number;
  readonly backoffMs?: number;
  readonly logger?: Logger;
}

/** POST `{"text": text}`; returns true when delivered (2xx), false otherwise. Never throws. */
export function notify(text: string, options: NotifyOptions): Promise<boolean> {
  return postJson({ text }, options);
}

/** POST a JSON payload (a Slack-compatible message) with the same timeout and retries; true when delivered. Never throws. */
export async function postJson(payload: unknown, { url, timeoutMs = 5000, retries = 2, backoffMs = 500, logger }: NotifyOptions): Promise<boolean> {
  if (!url) return false;
  for (let attempt = 0; attempt <= retries; attempt++) {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (response.ok) {
        logger?.event('notified', { attempt: attempt + 1 });
        return true;
      }
      logger?.event('notify-failed', { attempt: attempt + 1, status: response.status });
    } catch (error) {
      logger?.event('notify-failed', { attempt: attempt + 1, error: (error as Error).message });
    }
    if (attempt < retries) await new Promise((resolve) => setTimeout(resolve, backoffMs * 2 ** attempt));
  }
  return false;
}
