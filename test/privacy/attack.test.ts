/**
 * Issue 15, the attacker against today's build: for the bundled sample and each adversarial roster of
 * test/fixtures/privacy/, one `refresh` (dist/ of a state folder), then `export pay-bands` and
 * `metrics --json --publish` unfiltered and per department, level and region; every attack of
 * attacks.ts runs over all of it together (so nested pairs across artefacts are tried too) and must find
 * nothing. main-4cbb370.test.ts shows the same attacks recovering pay from main before the defences.
 *
 * A file that should be there and is not, a command that fails or an artefact the attacker cannot read
 * any pay cell from is a failure here, never a pass.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compaRatioAttack,
  differencingAttack,
  merge,
  penetrationAttack,
  smallCellAttack,
  type Finding,
  type Published,
  type Roster,
} from './attacks.ts';
import { buildOutputs, publishedByCommands, publishedInDist, rosterOf, scanDist, type Outputs, type Views } from './artefacts.ts';
import { repoRoot, tempDir } from '../helpers/tmp.ts';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'privacy');

interface Case {
  readonly name: string;
  /** Folder of exports; null: the bundled sample (an empty inbox). */
  readonly inbox: string | null;
  readonly views: Views;
  /** At least this many people in the roster (the attacker has something to confirm against). */
  readonly people: number;
}

const cases: Case[] = [
  { name: 'the bundled sample', inbox: null, views: { departments: ['Engineering', 'Sales'], levels: ['senior'], regions: ['LatAm'] }, people: 200 },
  {
    name: 'the adversarial roster (cells of 5, 6, 9, 10, 19, 20; a lone person; ties; contacts in source)',
    inbox: path.join(fixtures, 'adversarial'),
    views: { departments: ['Platform', 'Payments', 'Research'], levels: ['senior'], regions: ['EU'] },
    people: 69,
  },
  {
    name: 'the nineteen-plus-one roster (a department of 19 inside a company cell of 20)',
    inbox: path.join(fixtures, 'nineteen-plus-one'),
    views: { departments: ['Research', 'Design', 'Sales', 'Marketing'], levels: ['mid'], regions: ['US'] },
    people: 36,
  },
];

/** A compact list for failure messages: what was recovered, from where, how. */
const shown = (findings: Finding[]) =>
  findings.length === 0 ? [] : [`${findings.length} finding(s); the first 20:`, ...findings.slice(0, 20).map((f) => `${f.source}: ${f.evidence}`)];

describe.each(cases)('attacks on $name', ({ inbox, views, people }) => {
  const tmp = tempDir('hs-attack-');
  let outputs: Outputs;
  let roster: Roster;
  let published: Published;

  beforeAll(async () => {
    const empty = path.join(tmp.dir, 'empty-inbox');
    mkdirSync(empty);
    outputs = await buildOutputs(path.join(tmp.dir, 'state'), inbox ?? empty, views);
    roster = await rosterOf(outputs.warehouse);
    published = merge(publishedInDist(outputs.dist), publishedByCommands(outputs));
  }, 300_000);

  afterAll(() => tmp.cleanup());

  it('builds: refresh, every export and every metrics --json --publish exit 0', () => {
    const failed = Object.entries(outputs.runs)
      .filter(([, run]) => run.code !== 0)
      .map(([label, run]) => `${label}: exit ${run.code} ${run.stderr.trim().split('\n').at(-1)}`);
    expect(failed).toEqual([]);
  });

  it('gives the attacker something to read: a roster and pay cells from dist/, the CSV and the metrics documents', () => {
    expect(roster.people.length).toBeGreaterThanOrEqual(people);
    const sources = new Set(published.pay.filter((c) => Object.keys(c.percentiles).length > 0).map((c) => c.source.split(' ')[0]));
    // pay.json, the pay-bands page, the export and the metrics documents each publish at least one cell
    expect([...sources]).toEqual(expect.arrayContaining(['dist/data/pay.json', 'dist/pay-bands/index.html', 'export', 'metrics']));
  });

  it('(a) compa-ratio x market midpoint gives back no salary and no unrounded P50', () => {
    expect(shown(compaRatioAttack(published, roster))).toEqual([]);
  });

  it('(b) no percentile of a cell under 20 people pins a salary', () => {
    expect(shown(smallCellAttack(published, roster))).toEqual([]);
  });

  it('(c) no pair of nested views differs by 1 to minCell - 1 people (pay) or offers (offer amounts)', () => {
    expect(shown(differencingAttack(published, roster))).toEqual([]);
  });

  it('(d) no median penetration gives back an offer', () => {
    expect(shown(penetrationAttack(published, roster))).toEqual([]);
  });

  it('(e) no file of dist/ holds a row of pay or offer amounts counting 1 or 2 people', () => {
    const scan = scanDist(outputs.dist);
    // the cubes (Arrow) and JSON files were all read
    expect(scan.arrowFiles).toBeGreaterThan(0);
    expect(scan.jsonFiles).toBeGreaterThanOrEqual(5);
    expect(shown(scan.findings.filter((f) => f.attack === 'small-row'))).toEqual([]);
  });

  it('(f) no e-mail address, phone number or profile URL anywhere in dist/ (text files and cube strings)', () => {
    expect(shown(scanDist(outputs.dist).findings.filter((f) => f.attack === 'contact'))).toEqual([]);
  });
});
