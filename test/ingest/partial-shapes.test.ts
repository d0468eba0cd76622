/**
 * Issue 14, Done when: files of a partial or unknown shape ingested after a good export leave every
 * metric unchanged. The good export is a generated company in the canonical format; then, one ingest
 * each, every Fivetran Greenhouse seed table hirescope does not read (real layouts, test/fixtures/
 * fivetran-greenhouse, Apache-2.0) and hand-made partial files of the shapes that used to be mis-filed.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli, tempDir, writeFiles } from '../helpers/tmp.ts';

const tmp = tempDir('hs-partial-');
afterAll(() => tmp.cleanup());
const db = path.join(tmp.dir, 'w.duckdb');
const seeds = path.join(repoRoot, 'test', 'fixtures', 'fivetran-greenhouse');
const metrics = () => JSON.parse(runCli(['metrics', '--db', db, '--json', '--as-of', '2026-09-30']).stdout) as Record<string, unknown>;

// The Fivetran tables hirescope does not read (pipelines/vendors/fivetran-greenhouse.ts, `unused`); hiring_team
// and users are read since issue 18 (job owners).
const unusedSeeds = [
  'activity', 'attachment', 'candidate', 'candidate_tag', 'eeoc', 'email_address', 'interview', 'job_post',
  'phone_number', 'prospect_pool', 'prospect_stage', 'scheduled_interview', 'scheduled_interviewer', 'scorecard',
  'scorecard_attribute', 'social_media_address', 'tags', 'user_email',
];

// Partial shapes without a sync column: a hiring-team bridge (job_id is one shared column), a department
// bridge, a user list (id and name, like a departments lookup), an offers file without its status.
const partial = {
  'hiring_team.csv': 'job_id,role,user_id\njob-00001,recruiter,u-1\njob-00002,hiring_manager,u-2\n',
  'job_department.csv': 'job_id,department_id\njob-00001,77\n',
  'user.csv': 'id,name,email,created_at\n7,Ana Lima,ana@example.com,2026-01-01\n',
  'offers.csv': 'offer_id,application_id,salary\nofr-1,app-0000001,100000\n',
};

describe('partial and unknown shapes after a good export', () => {
  let before: Record<string, unknown>;
  beforeAll(() => {
    const company = path.join(tmp.dir, 'company');
    expect(runCli(['generate', '--seed', '5', '--scale', '0.3', '--out', company]).status).toBe(0);
    expect(runCli(['ingest', company, '--db', db]).status).toBe(0);
    before = metrics();
  });

  it('lists every Fivetran table hirescope does not read as ignored, naming vendor and table, and loads nothing', () => {
    expect(readdirSync(seeds).filter((f) => f.endsWith('.csv')).length).toBeGreaterThanOrEqual(unusedSeeds.length);
    for (const table of unusedSeeds) {
      const run = runCli(['ingest', path.join(seeds, `${table}.csv`), '--db', db, '--json']);
      expect(run.status, table).toBe(0);
      const [file] = JSON.parse(run.stdout).files;
      expect(file, table).toMatchObject({ kind: `fivetran-greenhouse:${table}`, status: 'ignored', rowsLoaded: 0 });
      expect(file.message, table).toBe(`not used: table ${table} of Greenhouse synced by Fivetran, which hirescope does not read; nothing loaded`);
    }
    expect(metrics()).toEqual(before);
  });

  it('refuses partial shapes without a sync column, and every metric stays as it was', () => {
    writeFiles(path.join(tmp.dir, 'partial'), partial);
    for (const name of Object.keys(partial)) {
      const run = runCli(['ingest', path.join(tmp.dir, 'partial', name), '--db', db, '--json']);
      expect(run.status, name).toBe(1);
      expect(JSON.parse(run.stdout).files[0], name).toMatchObject({ status: 'refused', rowsLoaded: 0 });
    }
    expect(metrics()).toEqual(before);
  });
});
