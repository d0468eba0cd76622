/**
 * Issue 19 Deliver 2-3 through the real CLI process: `report pay-gap` (--json checked by the zod schema,
 * --csv one section per Article 9 letter, formula-safe) and `report pay-request` (Article 7), on the
 * hand-sized roster of hand.test.ts (figures worked out there).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payGapReportSchema, payRequestSchema } from '../../pipelines/contract/payGap.ts';
import { repoRoot, runCli, tempDir, writeFiles } from '../helpers/tmp.ts';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'paygap');

describe('hirescope report', () => {
  const tmp = tempDir();
  const db = path.join(tmp.dir, 'w.duckdb');
  const report = (...args: string[]) => runCli(['report', ...args, '--db', db, '--as-of', '2026-06-30']);

  beforeAll(() => {
    expect(runCli(['ingest', fixtures, '--db', db, '--json']).status).toBe(0);
  });
  afterAll(() => tmp.cleanup());

  it('pay-gap --json prints the document of the zod schema', () => {
    const run = report('pay-gap', '--json');
    expect(run.status, run.stderr).toBe(0);
    const doc = payGapReportSchema.parse(JSON.parse(run.stdout));
    expect(doc.asOf).toBe('2026-06-30');
    expect(doc.currency).toBe('EUR');
    expect(doc.workers).toEqual({ women: 7, men: 8, other: 1, undisclosed: 1 });
    expect(doc.hourly.meanGap).toBeCloseTo(28.5 / 220.5, 12); // hand.test.ts (a)
    expect(doc.costToClose).toBeCloseTo(61880, 6); // hand.test.ts (g)
  });

  it('pay-gap --csv has one section per Article 9 letter, then the adjusted gap and cost to close', () => {
    const run = report('pay-gap', '--csv');
    expect(run.status, run.stderr).toBe(0);
    const sections = run.stdout.trimEnd().split('\n\n');
    const titles = sections.map((s) => s.split('\n')[0]!.replaceAll('"', ''));
    expect(titles).toEqual([
      'pay gap report (Directive (EU) 2023/970, Article 9)',
      '(a) mean pay gap, basic pay',
      '(b) mean pay gap, variable pay (among receivers)',
      '(c) median pay gap, basic pay',
      '(d) median pay gap, variable pay (among receivers)',
      '(e) share receiving variable pay',
      '(f) quartile pay bands (hourly total pay)',
      '(g) categories of workers',
      'adjusted gap (OLS of ln hourly basic pay; 95% interval)',
      'cost to close (annual)',
    ]);
    // (f) band 2 holds a05 and a08 of the three tied at 30/h: 2 women, 2 men
    expect(sections[6]!.split('\n')[3]).toBe('2,2,2,0.5,0.5');
    // (g) the suppressed category: counts "<5", no value
    expect(sections[7]!.split('\n')[3]).toBe('sales x senior,<5,<5,true,,,,,false');
    expect(sections[9]!.split('\n')[2]).toBe('EUR,61880');
  });

  it('pay-request answers with the average hourly and annual pay by sex, or suppressed', () => {
    const run = report('pay-request', '--category', 'Engineer II', '--json');
    expect(run.status, run.stderr).toBe(0);
    const answer = payRequestSchema.parse(JSON.parse(run.stdout));
    // women 24/h, 224640/5 = 44928 a year; men 29/h, 361920/6 = 60320
    expect(answer.women.count).toBe(5);
    expect(answer.women.meanHourly).toBeCloseTo(24, 9);
    expect(answer.men.meanAnnual).toBeCloseTo(60320, 6);
    const human = report('pay-request', '--category', 'engineer ii');
    expect(human.stdout).toContain('women  5        24.00           44,928');
    expect(human.stdout).toContain('men    6        29.00           60,320');
    const suppressed = report('pay-request', '--category', 'sales x senior');
    expect(suppressed.status).toBe(0);
    expect(suppressed.stdout).toContain('suppressed: fewer than 5 women or fewer than 5 men');
    expect(suppressed.stdout).not.toMatch(/\d{2},\d{3}/);
  });

  it('prints the table for a person, with "<5" for a suppressed category', () => {
    const run = report('pay-gap', '--department', 'eng');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('(department=Eng)');
    expect(run.stdout).toContain('(a)  mean, hourly basic pay            17.2%'); // 5/29
    const all = report('pay-gap');
    expect(all.stdout).toMatch(/sales x senior +<5 +<5 +suppressed/);
    expect(all.stdout).toContain('cost to close (annual raise bringing each category\'s mean annual gap to 5%): EUR 61,880');
  });

  it('exits 2 on usage errors, naming what is wrong', () => {
    const cases: Array<[string[], string]> = [
      [['pay-gap', '--json', '--csv'], '--csv and --json are exclusive'],
      [['pay-request'], 'report pay-request needs --category C'],
      [['pay-request', '--category', 'nope'], 'unknown category "nope"'],
      [['pay-gap', '--currency', 'XYZ'], 'no exchange rate for XYZ'],
      [['pay-gap', '--region', 'Mars'], 'unknown region "Mars"'],
      [['salaries'], 'report takes one of: pay-gap, pay-request'],
      [['pay-request', '--category', 'Engineer II', '--csv'], '--csv is an option of report pay-gap'],
    ];
    for (const [args, message] of cases) {
      const run = report(...args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toContain(message);
    }
    expect(runCli(['report', '--help']).stdout).toContain('usage: hirescope report pay-gap');
  });

  it('writes formula-safe category names in the CSV', () => {
    const dir = path.join(tmp.dir, 'formula');
    const header = 'employee_id,level,country,base_salary,currency,gender,category';
    const rows = Array.from({ length: 10 }, (_, i) => `f${i},Mid,DE,${50000 + i * 1000},EUR,${i % 2 ? 'male' : 'female'},=HYPERLINK("x")`);
    writeFiles(dir, { 'compensation.csv': [header, ...rows].join('\n') + '\n' });
    const fdb = path.join(dir, 'w.duckdb');
    expect(runCli(['ingest', path.join(dir, 'compensation.csv'), '--db', fdb]).status).toBe(0);
    const run = runCli(['report', 'pay-gap', '--csv', '--db', fdb, '--as-of', '2026-06-30']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`"'=HYPERLINK(""x"")",5,5,false`);
  });
});
