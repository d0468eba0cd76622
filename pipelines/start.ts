/**
 * `npm start`: refresh (the inbox, or the bundled sample on a fresh clone), build the site, then serve
 * dist/ on http://127.0.0.1:4321. Ctrl-C stops it.
 */
import path from 'node:path';
import { main } from './cli.ts';
import { serveStatic } from './serve.ts';

const root = path.resolve(import.meta.dirname, '..');
const code = await main(['refresh']);
if (code !== 0) {
  process.exitCode = code;
} else {
  const port = Number(process.env.PORT ?? 4321);
  await serveStatic(path.join(root, 'dist'), port);
  process.stdout.write(`\nhirescope dashboard: http://127.0.0.1:${port}/\n(Ctrl-C to stop)\n`);
}
