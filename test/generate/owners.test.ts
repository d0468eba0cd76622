/**
 * Issue 18 Deliver 1 (generator): recruiter and hiring manager on every job, a decline reason on every
 * declined offer, drawn from new labelled streams — so every column the generator wrote before them is
 * unchanged. The digests below are of data/sample at main c17ba18 (seed 5, scale 1), taken per column of
 * jobs.csv and offers.csv (sha256 of the column's values joined by "\n", first 16 hex digits) and per whole
 * file for the hiring files that did not change.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFER_DECLINE_REASONS } from '../../pipelines/generate/owners.ts';
import { field, generateInto, readCsv, removeGenerated, sha256, type Row } from './helpers.ts';

const digest = (values: readonly string[]) => createHash('sha256').update(values.join('\n')).digest('hex').slice(0, 16);

const before = {
  'jobs.csv': {
    job_id: '7e9bf6081c29b970', title: '019db614de9ea969', department: 'fc81a3734bb944b4', role_family: 'a9ea266b9b803b60',
    level: '5fdc9f3f5ca598fd', office: '4f74e453e504109a', country: '0c01a6103f8ecf2b', status: '69447d105bcf8f77',
    opened_at: 'bbf60da744a6ce35', closed_at: '8b9060423b16fc7b',
  },
  'offers.csv': {
    offer_id: 'fbc7f72ead902d1c', application_id: 'cc4757f6347b67ce', status: '3583d9531f08b321', version: '0d2e188f0f2af3ab',
    created_at: '47ca653d8c246c91', sent_at: '04094b43e23bee7c', resolved_at: '58e147da7f5c9004', start_date: 'e7e5d7612097f1bd',
    base_salary: '120947570d106dab', currency: 'a88e84e101e605d7',
  },
} as const;
const unchangedFiles = { 'openings.csv': 'aa8c75cf835fb118', 'applications.csv': '19ef7a3c3db5eea7', 'stage_history.csv': '87615af76a0f4257' };

let dir = '';
beforeAll(async () => {
  ({ dir } = await generateInto(5, 1));
}, 120_000);
afterAll(() => removeGenerated());

describe('owners and decline reasons in generated data (seed 5, scale 1)', () => {
  it('keeps every column that existed before byte-identical, and appends the new ones', () => {
    for (const [file, columns] of Object.entries(before)) {
      const { header, rows } = readCsv(path.join(dir, file));
      const old = Object.keys(columns);
      expect(header, file).toEqual([...old, ...(file === 'jobs.csv' ? ['recruiter', 'hiring_manager'] : ['decline_reason'])]);
      const now = Object.fromEntries(old.map((c) => [c, digest(rows.map((r) => field(r, c)))]));
      expect(now, file).toEqual(columns);
    }
    for (const [file, hash] of Object.entries(unchangedFiles)) expect(sha256(path.join(dir, file)).slice(0, 16), file).toBe(hash);
  });

  it('gives every job a recruiter and a hiring manager from its department pools', () => {
    const jobs = readCsv(path.join(dir, 'jobs.csv')).rows;
    expect(jobs).toHaveLength(60);
    for (const job of jobs) {
      expect(field(job, 'recruiter')).toMatch(/^[A-Z][a-z]+ [A-Z][A-Za-z]+$/);
      expect(field(job, 'hiring_manager')).toMatch(/^[A-Z][a-z]+ [A-Z][A-Za-z]+$/);
    }
    // The recruiting teams: one recruiter for People and Finance, two for go-to-market, four for tech.
    const recruitersOf = (departments: string[]) =>
      [...new Set(jobs.filter((j) => departments.includes(field(j, 'department'))).map((j) => field(j, 'recruiter')))].sort();
    expect(recruitersOf(['People', 'Finance'])).toEqual(['Emma Johansson']);
    expect(recruitersOf(['Sales', 'Marketing', 'Customer Success'])).toEqual(['Carlos Mendoza', 'Hannah Schmidt']);
    expect(recruitersOf(['Engineering', 'Data', 'Product', 'Design'])).toEqual(['Daniel Okafor', 'Lukas Weber', 'Maya Chen', 'Sofia Rossi']);
    // A hiring manager manages in one department only.
    const departmentsOf = new Map<string, Set<string>>();
    for (const j of jobs) departmentsOf.set(field(j, 'hiring_manager'), (departmentsOf.get(field(j, 'hiring_manager')) ?? new Set()).add(field(j, 'department')));
    for (const [manager, departments] of departmentsOf) expect({ manager, n: departments.size }).toEqual({ manager, n: 1 });
    // job-00001 (Marketing) and job-00002 (Engineering), as written (first two lines of jobs.csv).
    expect(jobs.slice(0, 2).map((j) => [field(j, 'recruiter'), field(j, 'hiring_manager')])).toEqual([
      ['Hannah Schmidt', 'Chloe Martin'],
      ['Daniel Okafor', 'Aisha Bello'],
    ]);
  });

  it('puts a decline reason on exactly the declined offers, consistent with the application reason', () => {
    const offers = readCsv(path.join(dir, 'offers.csv')).rows;
    const apps = new Map<string, Row>(readCsv(path.join(dir, 'applications.csv')).rows.map((a) => [field(a, 'application_id'), a]));
    const declined = offers.filter((o) => field(o, 'status') === 'declined');
    for (const o of offers) expect(field(o, 'decline_reason') !== '', field(o, 'offer_id')).toBe(field(o, 'status') === 'declined');
    const counts: Record<string, number> = {};
    for (const o of declined) {
      const reason = field(o, 'decline_reason');
      expect(OFFER_DECLINE_REASONS).toContain(reason);
      counts[reason] = (counts[reason] ?? 0) + 1;
      const app = apps.get(field(o, 'application_id'))!;
      // The candidate withdrew with the offer; the offer's category follows the application's reason.
      expect(field(app, 'rejection_type')).toBe('withdrew');
      const expected = { 'Compensation expectations': 'Compensation', 'Accepted another offer': 'Competing offer', 'Counter-offer from current employer': 'Counter-offer' }[
        field(app, 'rejection_reason')
      ];
      if (expected) expect(reason).toBe(expected);
      else expect(['Role or level', 'Location or remote work', 'Timing', 'Personal reasons']).toContain(reason);
    }
    // 15 declined offers at seed 5: 7 + 6 + 1 + 1 = 15 (counted in the generated offers.csv).
    expect(counts).toEqual({ Compensation: 7, 'Competing offer': 6, 'Counter-offer': 1, Timing: 1 });
  });
});
