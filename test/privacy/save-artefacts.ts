/**
 * Saves what a build publishes for the attack regression fixtures (test/fixtures/privacy/main-<commit>/):
 * `node test/privacy/save-artefacts.ts <inbox or 'sample'> <out folder> [department ...]`. Runs refresh,
 * export (unfiltered and per department) and keeps pay.json, the pay-bands page, the sources and offers
 * cubes and the attacker's roster (USD at the pipeline's rates), so the attacks can be replayed without
 * building. Not a test: run by hand when the fixtures are made.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildOutputs, rosterCsv, rosterOf } from './artefacts.ts';

const [inbox, out, ...departments] = process.argv.slice(2);
if (!inbox || !out) throw new Error('usage: save-artefacts.ts <inbox|sample> <out> [department ...]');
const state = mkdtempSync(path.join(os.tmpdir(), 'hs-save-'));
try {
  const empty = path.join(state, 'empty-inbox');
  mkdirSync(empty);
  const outputs = await buildOutputs(path.join(state, 'state'), inbox === 'sample' ? empty : path.resolve(inbox), { departments, levels: [], regions: [] });
  mkdirSync(out, { recursive: true });
  for (const file of ['data/pay.json', 'data/sources.arrow', 'data/offers.arrow', 'pay-bands/index.html']) {
    copyFileSync(path.join(outputs.dist, file), path.join(out, file.replaceAll('/', '-')));
  }
  for (const [name, { file }] of Object.entries(outputs.csv)) copyFileSync(file, path.join(out, `export-${name}.csv`));
  writeFileSync(path.join(out, 'roster.csv'), rosterCsv(await rosterOf(outputs.warehouse)));
} finally {
  rmSync(state, { recursive: true, force: true });
}
