/** A webhook on 127.0.0.1 (random port) recording every request and answering `status` (refresh notify and digest tests). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { killAll, type CliProcess } from './processes.ts';

export interface Received {
  readonly method: string;
  readonly contentType: string | undefined;
  readonly body: string;
}

export interface Hook {
  /** Its address; set once it listens (in beforeAll). */
  readonly url: string;
  readonly received: Received[];
  status: number;
  /** The `text` of every JSON body received. */
  texts(): string[];
  close(): Promise<void>;
}

/**
 * For the tests of one describe block: a webhook answering `status`, listening from before its first test
 * to after its last, and `mine`, the CLI processes its tests start, killed after each test and at the end
 * (before the webhook closes).
 */
export function useHook(status = 200): { hook: Hook; mine: Set<CliProcess> } {
  const mine = new Set<CliProcess>();
  const received: Received[] = [];
  const hook = {
    url: '',
    received,
    status,
    texts: () => received.map((r) => (JSON.parse(r.body) as { text: string }).text),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ method: request.method ?? '', contentType: request.headers['content-type'], body });
      response.statusCode = hook.status;
      response.end(hook.status === 200 ? 'ok' : 'boom');
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    hook.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterEach(() => killAll(mine));
  afterAll(async () => {
    await killAll(mine);
    await hook.close();
  });
  return { hook, mine };
}
