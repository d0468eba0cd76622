/**
 * `npm start` on a busy port (issue 17 Deliver 6): the port is checked before the refresh, and the answer
 * is one line naming the port and the next free one — not a 13 s refresh and an EADDRINUSE stack trace.
 * Real listening servers, the real start script.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/tmp.ts';

const listen = (port: number) =>
  new Promise<Server | undefined>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => resolve(server));
  });

const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))));

describe('npm start on a busy port', () => {
  it('says which port is busy and the next free one, before any refresh, exit 1', async () => {
    // two busy ports in a row, P and P + 1, with P + 2 free: the suggestion skips the second busy one
    let port = 0;
    for (let tries = 0; tries < 20 && !port; tries++) {
      const first = await listen(0);
      const p = (first!.address() as { port: number }).port;
      const second = p < 65_533 ? await listen(p + 1) : undefined;
      const third = second ? await listen(p + 2) : undefined;
      if (first && second && third) {
        await new Promise((resolve) => third.close(resolve));
        servers.push(first, second);
        port = p;
      } else for (const s of [first, second, third]) s?.close();
    }
    expect(port).toBeGreaterThan(0);
    const started = Date.now();
    const child = spawn(process.execPath, [path.join(repoRoot, 'pipelines', 'start.ts')], {
      cwd: repoRoot,
      env: { ...process.env, TZ: 'UTC', PORT: String(port) },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(stdout).toBe(''); // no refresh ran (it prints its summary on stdout)
    expect(stderr).toBe(
      `error: port ${port} is busy (another \`npm start\`, or another program, listens on 127.0.0.1:${port}); ` +
        `the next free port is ${port + 2}: PORT=${port + 2} npm start\n`,
    );
    // a refresh of the sample takes 13 s or more; the check alone takes about as long as starting Node
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('refuses a PORT that is no port number, exit 2', async () => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'pipelines', 'start.ts')], { cwd: repoRoot, env: { ...process.env, PORT: 'http' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    expect(await new Promise((resolve) => child.on('close', resolve))).toBe(2);
    expect(stderr).toBe('error: PORT=http is not a port number (1-65535)\n');
  });
});
