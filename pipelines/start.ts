/**
 * `npm start`: refresh (the inbox, or the bundled sample on a fresh clone), build the site, then serve
 * dist/ on http://127.0.0.1:4321 (PORT=N for another). Ctrl-C stops it. The port is checked before the
 * refresh: a busy one is one line naming the next free port, not a stack trace after the build.
 */
import { createServer } from 'node:net';
import path from 'node:path';
import { main } from './cli.ts';
import { serveStatic } from './serve.ts';

const host = '127.0.0.1';

/** True when nothing listens on host:port (we could bind it). */
export function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

/** The first free port after `port`, trying up to `tries` of them. */
export async function nextFreePort(port: number, tries = 50): Promise<number | undefined> {
  for (let candidate = port + 1; candidate <= Math.min(port + tries, 65_535); candidate++) {
    if (await portFree(candidate)) return candidate;
  }
  return undefined;
}

async function start(): Promise<number> {
  const root = path.resolve(import.meta.dirname, '..');
  const text = process.env.PORT ?? '4321';
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    process.stderr.write(`error: PORT=${text} is not a port number (1-65535)\n`);
    return 2;
  }
  if (!(await portFree(port))) {
    const free = await nextFreePort(port);
    process.stderr.write(
      `error: port ${port} is busy (another \`npm start\`, or another program, listens on ${host}:${port})` +
        (free ? `; the next free port is ${free}: PORT=${free} npm start\n` : '\n'),
    );
    return 1;
  }
  const code = await main(['refresh']);
  if (code !== 0) return code;
  try {
    await serveStatic(path.join(root, 'dist'), port, host);
  } catch (error) {
    // taken between the check and now
    process.stderr.write(`error: cannot serve on ${host}:${port}: ${(error as Error).message}\n`);
    return 1;
  }
  process.stdout.write(`\nhirescope dashboard: http://${host}:${port}/\n(Ctrl-C to stop)\n`);
  return 0;
}

if (import.meta.main) {
  const code = await start();
  if (code !== 0) process.exitCode = code;
}
