/**
 * Regression evidence for issue 15: the attacks of test/privacy/attacks.ts replayed on what main published
 * at 4cbb370 (before any disclosure control), saved in test/fixtures/privacy/main-4cbb370/ by
 * save-artefacts.ts — the bundled sample and the adversarial roster, as of 2026-09-30. Every attack below
 * DOES recover pay there, with the issue's own figures; the same attacks must find nothing on today's
 * builds (attack.test.ts). The rosters kept beside the artefacts are the attacker's confirmation (USD at
 * the pipeline's rates), never input to an attack's arithmetic.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cubeToIpc } from '../../pipelines/snapshot/arrow.ts';
import {
  arrowRows,
  compaRatioAttack,
  contactAttack,
  decimalsOf,
  differencingAttack,
  jsonObjects,
  merge,
  penetrationAttack,
  readPayCsv,
  readPayHtml,
  readPayJson,
  readPayRows,
  rosterFromCsv,
  smallCellAttack,
  smallRowAttack,
  stepOf,
  type Finding,
} from './attacks.ts';
import { repoRoot } from '../helpers/tmp.ts';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'privacy', 'main-4cbb370');
const read = (set: string, file: string) => readFileSync(path.join(fixtures, set, file), 'utf8');

function load(set: 'sample' | 'adversarial' | 'nineteen-plus-one', departments: string[] = []) {
  const roster = rosterFromCsv(read(set, 'roster.csv'));
  const payJson = readPayJson(JSON.parse(read(set, 'data-pay.json')), 'pay.json');
  const html = readPayHtml(read(set, 'pay-bands-index.html'), 'pay-bands.html');
  const csv = readPayCsv(read(set, 'export-all.csv'), 'export all', null);
  const perDepartment = departments.map((d) => readPayCsv(read(set, `export-department=${d}.csv`), `export ${d}`, d));
  return { roster, payJson, html, csv, all: merge(payJson, html, csv, ...perDepartment) };
}

/** The findings of one source that recover `value` for exactly these people. */
const recovering = (findings: Finding[], source: string, value: number) =>
  findings.filter((f) => f.source === source && f.recovered === value).map((f) => [...(f.who ?? [])]);

describe('the fixtures', () => {
  it('hold the rosters and artefacts the attacks read', () => {
    const sample = load('sample');
    // 200 current employees with a USD rate at 2026-09-30; 98 counting offers with an amount
    expect([sample.roster.people.length, sample.roster.offers.length]).toEqual([200, 98]);
    const adversarial = load('adversarial', ['Platform', 'Payments', 'Research']);
    // test/fixtures/privacy/adversarial: 69 employees (6 + 5 + 9 + 10 + 19 + 20), 9 offers
    expect([adversarial.roster.people.length, adversarial.roster.offers.length]).toEqual([69, 9]);
    // pay.json: company + 3 department views; the company view has 14 cells (6 'all', 7 role family, 1 suppressed)
    expect(adversarial.payJson.pay.filter((c) => c.department === null)).toHaveLength(14);
  });

  it('read precision off the printed figures', () => {
    expect([decimalsOf('0.58'), decimalsOf('57971'), decimalsOf('0.9426178861788618'), decimalsOf('1.5e-7')]).toEqual([2, 0, 16, 8]);
    // 73,100 sits on $100; 58,000 on $1,000; 57,971 on $1; 0.25 on 0.01
    expect([73100, 58000, 57971].map((value) => stepOf({ value, text: String(value) }))).toEqual([100, 1000, 1]);
    expect(stepOf({ value: 0.25, text: '0.25' })).toBe(0.01);
  });
});

describe('(a) compa-ratio x market midpoint, on main', () => {
  it('gives back the unrounded P50 of all / mid / LatAm (n = 5): one employee’s BRL 309,000', () => {
    const { all, roster } = load('sample');
    const findings = compaRatioAttack(all, roster);
    // pay.json: 0.9426178861788618 x 61,500 = 57,971.0, where the site shows 58,000; emp-000144 earns
    // BRL 309,000 = $57,971 at the pipeline's rate.
    expect(recovering(findings, 'pay.json view all', 57971)).toEqual([['emp-000144']]);
    // the page prints the ratio with 4 decimals: 0.9426 x 61,500 = 57,969.9 (+-0.00005 x 61,500 = +-$3)
    expect(recovering(findings, 'pay-bands.html', 57970)).toEqual([['emp-000144']]);
    // 8 cells of the company view and 8 of the Engineering view (pay.json), 7 on the page
    expect(findings.filter((f) => f.source === 'pay.json view all')).toHaveLength(8);
    expect(findings.filter((f) => f.source === 'pay-bands.html')).toHaveLength(7);
  });
});

describe('(b) percentiles of small cells, on main', () => {
  it('are the 2nd, 3rd and 4th salaries of all / entry / US (n = 5): 67,300 / 73,100 / 85,900', () => {
    const { all, roster } = load('sample');
    const findings = smallCellAttack(all, roster);
    // type-7 positions (5 - 1) x 0.25 = 1, x 0.5 = 2, x 0.75 = 3: order statistics; round salaries, so $100
    // rounding changes nothing
    expect(recovering(findings, 'pay.json view all', 67300)).toEqual([['emp-000197']]);
    expect(recovering(findings, 'pay.json view all', 73100)).toEqual([['emp-000121']]);
    expect(recovering(findings, 'pay.json view all', 85900)).toEqual([['emp-000094']]);
    // the export writes whole dollars: P50 of all / mid / LatAm is 57,971 itself
    expect(recovering(findings, 'export all', 57971)).toEqual([['emp-000144']]);
  });

  it('on the adversarial roster: ties and round salaries come out whole', () => {
    const { all, roster } = load('adversarial', ['Platform', 'Payments', 'Research']);
    const findings = smallCellAttack(all, roster);
    // staff / US n = 10: P50 at position 4.5 between two people on 165,000 -> both
    expect(recovering(findings, 'pay.json view all', 165000)).toContainEqual(['stus-05', 'stus-06']);
    // mid / EU n = 9: P25 at position 2 = 70,000, shared by three people
    expect(recovering(findings, 'pay.json view all', 70000)).toContainEqual(['meu-a-01', 'meu-a-02', 'meu-b-01']);
    // senior / EU n = 19: P50 at position 9 = the 10th salary, 113,000
    expect(recovering(findings, 'export all', 113000)).toEqual([['seu-a-09']]);
  });
});

describe('(c) differencing nested views, on main', () => {
  const { all, roster } = load('adversarial', ['Platform', 'Payments', 'Research']);
  const findings = differencingAttack(all, roster);

  it('company n = 6 minus Platform n = 5 isolates the lone Payments employee: 2 x 121,700 - 120,000 = 123,400', () => {
    // company senior / US: (120,000 + 123,400) / 2 = 121,700; Platform: 120,000 (3rd of 5)
    expect(recovering(findings, 'pay.json view all - pay.json view Platform', 123400)).toContainEqual(['sus-lone-01']);
    expect(recovering(findings, 'export all - export Platform', 123400)).toContainEqual(['sus-lone-01']);
    expect(findings.filter((f) => f.recovered === undefined && f.who?.join() === 'sus-lone-01').length).toBeGreaterThan(0);
  });

  it('role family vs all: senior / EU n = 19 minus engineering n = 16 isolates the 3 product managers', () => {
    const counts = findings.filter((f) => f.source === 'pay.json view all' && f.recovered === undefined).map((f) => f.who);
    expect(counts).toContainEqual(['seu-p-01', 'seu-p-02', 'seu-p-03']);
    // P25: 3 x 104,500 - 2 x 104,700 = 104,100, within $100 +-$50 steps of seu-p-01's 104,000
    expect(recovering(findings, 'pay.json view all', 104100)).toEqual([['seu-p-01']]);
  });

  it('a department of 19 inside a company cell of 20: 2 x 109,500 - 110,000 = 109,000, the lone designer', () => {
    const n1 = load('nineteen-plus-one', ['Research', 'Design', 'Sales', 'Marketing']);
    const pairs = differencingAttack(n1.all, n1.roster);
    // company mid / US n = 20: (s10 + s11) / 2 = (109,000 + 110,000) / 2 = 109,500; Research n = 19: s10 = 110,000
    expect(recovering(pairs, 'pay.json view all - pay.json view Research', 109000)).toContainEqual(['d-01']);
    expect(recovering(pairs, 'export all - export Research', 109000)).toContainEqual(['d-01']);
    // and within the company view, role family engineering (19) against all (20)
    expect(recovering(pairs, 'pay.json view all', 109000)).toEqual([['d-01']]);
  });

  it('offers: company mid / US (6 offers) minus Research (5) isolates the Platform offer', () => {
    // pay.json's company view and the page's offers table (4 decimals) both publish the 6-offer group
    expect(findings.filter((f) => f.evidence.startsWith('offers')).map((f) => [f.source, f.who])).toEqual([
      ['pay.json view all - pay.json view Research', ['ofr-006']],
      ['pay-bands.html - pay.json view Research', ['ofr-006']],
    ]);
  });
});

describe('(d) median penetration of small offer groups, on main', () => {
  it('gives one offer back to within $50', () => {
    const sample = load('sample');
    const findings = penetrationAttack(sample.all, sample.roster);
    // mid / APAC, 9 offers: 31,500 + 0.8224403361344536 x (50,300 - 31,500) = 46,961.9; the 5th offer is $46,942
    expect(recovering(findings, 'pay.json view all', 46962)).toEqual([['ofr-0000081']]);
    // the offers table on the page prints 4 decimals: 0.8224 x 18,800 + 31,500 = 46,961.1 (+-$51)
    expect(recovering(findings, 'pay-bands.html', 46961)).toEqual([['ofr-0000081']]);
    const adversarial = load('adversarial');
    // Research engineering mid / US, 5 offers: 97,900 + 0.6752049180327869 x (117,400 - 97,900) = 111,066.5;
    // the 3rd offer is 111,100 (the band's P10 and P90 were whole dollars in SQL, $100 on the site)
    expect(recovering(penetrationAttack(adversarial.all, adversarial.roster), 'pay.json view Research', 111066)).toEqual([['ofr-003']]);
  });
});

describe('(e) rows of amounts about 1 or 2 people', () => {
  it('main publishes none: cells under minCell carry no amount, and the 1-person cube rows carry no amount', () => {
    for (const set of ['sample', 'adversarial']) {
      expect(smallRowAttack(jsonObjects(JSON.parse(read(set, 'data-pay.json'))), 'pay.json')).toEqual([]);
      const offers = arrowRows(new Uint8Array(readFileSync(path.join(fixtures, set, 'data-offers.arrow'))));
      // the offer cube does count single people (issue 15: 92 of 95 rows) — but only counts
      expect(offers.some((row) => row.count === 1)).toBe(true);
      expect(smallRowAttack(offers, 'offers.arrow')).toEqual([]);
    }
  });

  it('finds a pay row of one person in an Arrow cube and in JSON (what a per-person pay cube would be)', () => {
    const bytes = cubeToIpc(
      { department: ['Payments', 'Platform'], level: ['senior', 'senior'], n: [1, 5], p50: [123400, 120000] },
      { department: 'category', level: 'category', n: 'int32', p50: 'int32' },
    );
    expect(smallRowAttack(arrowRows(bytes), 'pay.arrow')).toEqual([
      { attack: 'small-row', source: 'pay.arrow', evidence: 'a row counting n=1 publishes p50=123400' },
    ]);
    // and such a cube's cells join the pay attacks: Payments senior has no region column, so none is read
    expect(readPayRows(arrowRows(bytes), 'pay.arrow').pay).toEqual([]);
    const withRegion = cubeToIpc({ department: ['Payments'], level: ['senior'], region: ['US'], n: [1], p50: [123400] }, {
      department: 'category', level: 'category', region: 'category', n: 'int32', p50: 'int32',
    });
    expect(readPayRows(arrowRows(withRegion), 'pay.arrow').pay.map((c) => [c.department, c.level, c.region, c.n, c.percentiles.p50?.value])).toEqual([
      ['Payments', 'senior', 'US', 1, 123400],
    ]);
    const json = { views: [{ department: 'Payments', payBands: [{ level: 'senior', n: 2, medianPenetration: 0.41 }] }] };
    expect(smallRowAttack(jsonObjects(json), 'pay.json').map((f) => f.evidence)).toEqual(['a row counting n=2 publishes medianPenetration=0.41']);
  });
});

describe('(f) contact details in free text, on main', () => {
  it('the referrer’s e-mail, phone and profile URL typed into source reach the sources and offers cubes', () => {
    for (const cube of ['data-sources.arrow', 'data-offers.arrow']) {
      const rows = arrowRows(new Uint8Array(readFileSync(path.join(fixtures, 'adversarial', cube))));
      const strings = [...new Set(rows.flatMap((row) => Object.values(row).filter((v) => typeof v === 'string')))].join('\n');
      expect(contactAttack(strings, cube).map((f) => f.evidence)).toEqual([
        'e-mail "jane.roe@example.com"',
        'phone "+1 415 555 0134"',
        'handle URL "https://www.linkedin.com/in/jane-roe-4821"',
      ]);
    }
  });

  it('does not mistake code or numbers for contacts', () => {
    const code = 't.memoizedState=t.meta.url;x=+1.9161415;n=1234567890;d="2026-06-30";u="https://react.dev/errors/"';
    expect(contactAttack(code, 'bundle.js')).toEqual([]);
    expect(contactAttack('call (415) 555-0134 or 415.555.0134, x.com/janeroe', 'page').map((f) => f.evidence)).toEqual([
      'phone "(415) 555-0134"',
      'phone "415.555.0134"',
      'handle URL "x.com/janeroe"',
    ]);
  });
});

describe('the attacks claim nothing a coarse grid hides', () => {
  it('a $1,000 grid, a two-decimal ratio and a two-decimal penetration recover no one, even where a round figure equals a round salary', () => {
    const { roster } = load('adversarial');
    // Platform senior / US holds 110,000 / 115,500 / 120,000 / 126,300 / 131,000: a P50 of 120,000 on a
    // $1,000 grid equals sus-03's pay by coincidence of round numbers, +-$500 is no recovery.
    const pay = {
      minCell: 5,
      views: [
        {
          department: 'Platform',
          payBands: [{ roleFamily: 'all', level: 'senior', region: 'US', n: 5, p25: 116000, p50: 120000, p75: 126000, market: { midpoint: 165000 }, compaRatio: 0.73 }],
          offersVsBands: { cells: [] },
        },
        {
          department: 'Research',
          payBands: [{ roleFamily: 'engineering', level: 'mid', region: 'US', n: 15, p10: 98000, p25: 101000, p50: 108000, p75: 113000, p90: 117000 }],
          offersVsBands: { cells: [{ roleFamily: 'engineering', level: 'mid', region: 'US', offers: 5, medianPenetration: 0.68 }] },
        },
      ],
    };
    const published = readPayJson(pay, 'defended pay.json');
    // 0.73 x 165,000 = 120,450 (+-0.005 x 165,000 = +-$825): no claim; 98,000 + 0.68 x 19,000 = 110,920 (+-$595)
    expect([...compaRatioAttack(published, roster), ...smallCellAttack(published, roster), ...penetrationAttack(published, roster)]).toEqual([]);
  });

  it.each(['sample', 'adversarial', 'nineteen-plus-one'] as const)(
    'main’s %s pay.json put through a stand-in for the defences (grid by size, ratios of rounded figures to 2 decimals, secondary suppression) yields nothing',
    (set) => {
      // Not the defences (branch `disclosure`): the crudest version of their rules, only to show that the
      // attacks fire on what the rules leave exposed and on nothing else. Order statistics are kept (no
      // Harrell-Davis): even an observed salary rounded to $1,000 is not a claim.
      type Band = Record<string, unknown> & { roleFamily: string; level: string; region: string; n: number | null; market: { midpoint: number } | null };
      type Group = Record<string, unknown> & { roleFamily: string; level: string; region: string; offers: number; medianPenetration: number | null };
      const doc = JSON.parse(read(set, 'data-pay.json')) as { views: { department: string | null; payBands: Band[]; offersVsBands: { cells: Group[] } }[] };
      const key = (department: string | null, c: { roleFamily: string; level: string; region: string }) => `${department}|${c.roleFamily}|${c.level}|${c.region}`;
      const people = new Map<string, number>();
      const offers = new Map<string, number>();
      for (const v of doc.views) {
        for (const b of v.payBands) if (b.n !== null) people.set(key(v.department, b), b.n);
        for (const g of v.offersVsBands.cells) if (g.medianPenetration !== null) offers.set(key(v.department, g), g.offers);
      }
      const isolates = (counts: Map<string, number>, department: string | null, c: { roleFamily: string; level: string; region: string }, n: number) =>
        [key(null, c), key(department, { ...c, roleFamily: 'all' }), key(null, { ...c, roleFamily: 'all' })]
          .filter((k) => k !== key(department, c))
          .some((k) => counts.has(k) && counts.get(k)! - n >= 1 && counts.get(k)! - n < 5);
      for (const v of doc.views) {
        for (const b of v.payBands) {
          if (b.n === null) continue;
          if (isolates(people, v.department, b, b.n)) {
            Object.assign(b, { suppressed: true, n: null, p10: null, p25: null, p50: null, p75: null, p90: null, compaRatio: null });
            continue;
          }
          const step = b.n < 20 ? 1000 : 100;
          for (const f of ['p10', 'p25', 'p50', 'p75', 'p90']) if (typeof b[f] === 'number') b[f] = Math.round((b[f] as number) / step) * step;
          if (b.market && typeof b.p50 === 'number') b.compaRatio = Math.round((b.p50 / b.market.midpoint) * 100) / 100;
        }
        for (const g of v.offersVsBands.cells) {
          if (g.medianPenetration === null) continue;
          g.medianPenetration = isolates(offers, v.department, g, g.offers) ? null : Math.round(g.medianPenetration * 100) / 100;
        }
      }
      const roster = rosterFromCsv(read(set, 'roster.csv'));
      const published = readPayJson(doc, 'stand-in pay.json');
      expect([...compaRatioAttack(published, roster), ...smallCellAttack(published, roster), ...differencingAttack(published, roster), ...penetrationAttack(published, roster)]).toEqual([]);
    },
  );
});
