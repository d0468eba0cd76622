/** Alert rules: each an SQL query returning breach rows; `alerts --fail-on` exits 3 from a scheduler. */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateAlerts, breachesAtOrAbove } from '../../pipelines/alerts/index.ts';
import { csv, withLoadedWarehouse } from '../helpers/warehouse.ts';
import { runCli, tempDir, writeFiles } from '../helpers/tmp.ts';

const offersHeader = 'offer_id,application_id,status,version,created_at,sent_at,resolved_at';
/** n offers resolved on 2026-05-10, `accepted` of them accepted. */
const offers = (total: number, accepted: number) =>
  csv(offersHeader, Array.from({ length: total }, (_, i) => `o${i},a${i},${i < accepted ? 'accepted' : 'declined'},1,2026-05-01,2026-05-02,2026-05-10`));

describe('offer acceptance alert', () => {
  it('is alarm below 75%, watch below 85%, silent at 85% and under minOffers', async () => {
    const level = async (total: number, accepted: number) =>
      withLoadedWarehouse({ 'offers.csv': offers(total, accepted) }, async (w, config) => {
        const report = await evaluateAlerts(w, config, { asOf: '2026-06-30' });
        return report.alerts.filter((a) => a.rule === 'offer-acceptance').map((a) => a.level);
      });
    expect(await level(20, 14)).toEqual(['alarm']); // 14/20 = 70% < 75%
    expect(await level(20, 15)).toEqual(['watch']); // 75% exactly: not alarm, below 85%
    expect(await level(20, 17)).toEqual([]); // 85% exactly: healthy
    expect(await level(9, 0)).toEqual([]); // 9 resolved offers < minOffers 10: insufficient data
  });
});

describe('opening age, region and pass-through alerts', () => {
  const jobs = csv('job_id,department,country', ['j-us,Engineering,US', 'j-de,Design,DE']);
  const openings = csv('opening_id,job_id,opened_at,closed_at,close_reason,hired_application_id', [
    'o-old,j-de,2026-02-01,,,', // open 149 days at Jun 30 (> 90)
    'o-new,j-de,2026-06-01,,,', // open 29 days
    'o-us1,j-us,2026-01-01,2026-03-12,Hired,h1', // 70 days
    'o-us2,j-us,2026-01-01,2026-03-02,Hired,h2', // 60 days: US median 65 > 55 -> above
  ]);
  // Screen pass-through: April-June (current, 91 days ending Jun 30) vs the 91 days before.
  // previous: 20 reached screen, 15 went on (75%); current: 20 reached screen, 10 went on (50%): -25 points.
  const apps: string[] = [];
  const stays: string[] = [];
  for (let i = 0; i < 40; i++) {
    const current = i >= 20;
    const day = current ? '2026-05-01' : '2026-02-01';
    apps.push(`p${i},j-us,${day},LinkedIn,active`);
    stays.push(`p${i},Recruiter Screen,${day},${day}`);
    const advances = current ? i - 20 < 10 : i < 15;
    if (advances) stays.push(`p${i},Coding Interview,${day},`);
  }
  const files = {
    'jobs.csv': jobs,
    'openings.csv': openings,
    'applications.csv': csv('application_id,job_id,applied_at,source,status', apps),
    'stage_history.csv': csv('application_id,stage,entered_at,exited_at', stays),
  };

  it('flags old openings, a region above its range and a stage that lost more than 15 points', async () => {
    const alerts = await withLoadedWarehouse(files, async (w, config) => (await evaluateAlerts(w, config, { asOf: '2026-06-30' })).alerts);
    const byRule = (rule: string) => alerts.filter((a) => a.rule === rule).map((a) => [a.subject, a.level, a.value]);
    // Feb 1 -> Jun 30 = 27 + 31 + 30 + 31 + 30 = 149 days
    expect(byRule('opening-age')).toEqual([['o-old', 'watch', 149]]);
    // US median (60 + 70) / 2 = 65 > 55
    expect(byRule('region-time-to-fill')).toEqual([['US', 'watch', 65]]);
    // screen: 75% -> 50% = 25 points; applied stays 100% -> 100%
    expect(byRule('stage-pass-through-drop')).toEqual([['screen', 'watch', 25]]);
  });

  it('follows the rules of the config: disabled, other thresholds', async () => {
    const alerts = await withLoadedWarehouse(
      files,
      async (w, config) => (await evaluateAlerts(w, config, { asOf: '2026-06-30' })).alerts,
      {
        alerts: [
          { rule: 'opening-age', enabled: true, level: 'alarm', maxDays: 20 },
          { rule: 'stage-pass-through-drop', enabled: true, level: 'watch', maxDropPoints: 30, periodDays: 91 },
          { rule: 'region-time-to-fill', enabled: false, level: 'watch' },
        ],
      },
    );
    // both openings are older than 20 days; the 25-point drop is under 30; the region rule is off
    expect(alerts.map((a) => [a.rule, a.subject, a.level])).toEqual([
      ['opening-age', 'o-old', 'alarm'],
      ['opening-age', 'o-new', 'alarm'],
    ]);
    expect(breachesAtOrAbove({ asOf: '2026-06-30', alerts, highest: 'alarm' }, 'alarm')).toBe(true);
  });
});

describe('hirescope alerts --fail-on', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('exits 3 when a breach at or above the level exists, 0 otherwise', () => {
    const db = path.join(tmp.dir, 'w.duckdb');
    writeFiles(path.join(tmp.dir, 'in'), { 'offers.csv': offers(20, 16) }); // 80%: watch
    expect(runCli(['ingest', path.join(tmp.dir, 'in'), '--db', db]).status).toBe(0);
    const watch = runCli(['alerts', '--db', db, '--as-of', '2026-06-30', '--fail-on', 'watch', '--json']);
    expect(watch.status).toBe(3);
    expect(JSON.parse(watch.stdout)).toMatchObject({ asOf: '2026-06-30', highest: 'watch', alerts: [{ rule: 'offer-acceptance', level: 'watch', value: 0.8 }] });
    expect(runCli(['alerts', '--db', db, '--as-of', '2026-06-30', '--fail-on', 'alarm']).status).toBe(0);
    expect(runCli(['alerts', '--db', db, '--fail-on', 'panic']).status).toBe(2);
  });
});
