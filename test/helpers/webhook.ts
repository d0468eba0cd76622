/** A webhook on 127.0.0.1 (random port) recording every request and answering `status` (refresh notify and digest tests). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  readonly method: string;
  readonly contentType: string | undefined;
  readonly body: string;
}

export interface Hook {
  readonly url: string;
  readonly received: Received[];
  status: number;
  /** The `text` of every JSON body received. */
  texts(): string[];
  close(): Promise<void>;
}

export async function startHook(): Promise<Hook> {
  const received: Received[] = [];
  const hook = {
    url: '',
    received,
    status: 200,
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hook.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return hook;
}
