/**
 * `npm start`: load the exports in data/inbox (or, on a fresh clone, the bundled sample in data/sample)
 * into data/warehouse.duckdb and print the data summary. The dashboard issue turns this into
 * refresh + build + serve.
 */
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { main } from './cli.ts';

const root = path.resolve(import.meta.dirname, '..');
const inbox = path.join(root, 'data', 'inbox');
const sample = path.join(root, 'data', 'sample');
const hasCsv = (dir: string) => existsSync(dir) && readdirSync(dir).some((f) => f.toLowerCase().endsWith('.csv'));
const source = hasCsv(inbox) ? inbox : sample;
const db = path.join(root, 'data', 'warehouse.duckdb');

process.stdout.write(`hirescope: loading ${path.relative(root, source)}/ into ${path.relative(root, db)}\n\n`);
const ingested = await main(['ingest', source, '--db', db]);
process.stdout.write('\n');
const status = await main(['status', '--db', db]);
process.exitCode = ingested || status;
