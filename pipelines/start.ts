/**
 * `npm start`: load the exports in data/inbox (or, on a fresh clone, the bundled sample in data/sample)
 * into data/warehouse.duckdb and print the data summary and the headline metrics. The dashboard issue
 * turns this into refresh + build + serve.
 */
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { main } from './cli.ts';
import { DEFAULT_END } from './generate/index.ts';

const root = path.resolve(import.meta.dirname, '..');
const inbox = path.join(root, 'data', 'inbox');
const sample = path.join(root, 'data', 'sample');
const hasCsv = (dir: string) => existsSync(dir) && readdirSync(dir).some((f) => f.toLowerCase().endsWith('.csv'));
const usingSample = !hasCsv(inbox);
const source = usingSample ? sample : inbox;
const db = path.join(root, 'data', 'warehouse.duckdb');

process.stdout.write(`hirescope: loading ${path.relative(root, source)}/ into ${path.relative(root, db)}\n\n`);
const ingested = await main(['ingest', source, '--db', db]);
process.stdout.write('\n');
const status = await main(['status', '--db', db]);
process.stdout.write('\n');
// The bundled sample describes a company up to its generation date; your own exports are as of today.
const asOf = usingSample ? ['--as-of', DEFAULT_END] : [];
const metrics = await main(['metrics', '--db', db, ...asOf]);
process.stdout.write('\n');
const alerts = await main(['alerts', '--db', db, ...asOf]);
process.exitCode = ingested || status || metrics || alerts;
