/**
 * Free-text screening at ingest (issue 15): a dimension value that looks like an e-mail, a phone number
 * or a profile URL / handle is stored as "Other (redacted)" and counted on the Data quality page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSnapshot } from '../../pipelines/snapshot/index.ts';
import { csv, withLoadedWarehouse } from '../helpers/warehouse.ts';
import { tempDir } from '../helpers/tmp.ts';

const sources = [
  'jane.doe@example.com', // e-mail
  'Referred by J. Doe <jdoe@mail.example.org>', // e-mail inside text
  '+1 (555) 123-4567', // phone
  '555.123.4567', // phone with dots
  'https://www.linkedin.com/in/jane-doe-123', // profile URL
  'github.com/janedoe', // profile without scheme
  '@janedoe', // handle
  'LinkedIn', // kept: a channel
  'https://jobs.example.com/careers', // kept: a job board, no person
  'Career fair 2026-03-04', // kept: a date is not a phone number
  'Referral',
];

describe('free-text screening', () => {
  it('redacts e-mails, phones and profile URLs in dimension columns and counts them on the Data quality page', async () => {
    const files = {
      'jobs.csv': csv('job_id,department,office,level,country', ['j1,hr@example.com,Berlin,Senior,DE', 'j2,Engineering,call +49 30 1234567,Senior,DE']),
      // A role family holding an e-mail on 5 people would be a published pay cell's name (session-4 review).
      'compensation.csv': csv(
        'employee_id,level,country,base_salary,currency,role_family',
        [1, 2, 3, 4, 5].map((i) => `e${i},Senior,DE,${80000 + i * 1000},EUR,jane.roe@example.com`),
      ),
      'applications.csv': csv('application_id,job_id,applied_at,source,rejection_reason', sources.map((s, i) => `a${i},j1,2026-04-01,"${s.replaceAll('"', '""')}",${i === 0 ? 'see linkedin.com/in/someone' : ''}`)),
    };
    await withLoadedWarehouse(files, async (warehouse, config) => {
      const stored = await warehouse.all<{ source: string }>(`SELECT source FROM applications ORDER BY application_id[2:]::INTEGER`);
      const R = 'Other (redacted)';
      expect(stored.map((r) => r.source)).toEqual([R, R, R, R, R, R, R, 'LinkedIn', 'https://jobs.example.com/careers', 'Career fair 2026-03-04', 'Referral']);
      const jobs = await warehouse.all<{ department: string; office: string }>(`SELECT department, office FROM jobs ORDER BY job_id`);
      expect(jobs).toEqual([{ department: R, office: 'Berlin' }, { department: 'Engineering', office: R }]);
      const tmp = tempDir('hs-screen-');
      try {
        const outDir = path.join(tmp.dir, 'data');
        await writeSnapshot(warehouse, config, { asOf: '2026-06-30', outDir, refreshedAt: '2026-06-30T00:00:00Z' });
        const quality = JSON.parse(readFileSync(path.join(outDir, 'quality.json'), 'utf8'));
        // 7 sources, 1 rejection reason, 5 role families, 1 department, 1 office
        expect(quality.redacted).toEqual([
          { table: 'applications', column: 'rejection_reason', rows: 1 },
          { table: 'applications', column: 'source', rows: 7 },
          { table: 'compensation', column: 'role_family', rows: 5 },
          { table: 'jobs', column: 'department', rows: 1 },
          { table: 'jobs', column: 'office', rows: 1 },
        ]);
        // nothing that looks like an e-mail or phone number anywhere in the snapshot
        for (const file of ['sources.arrow', 'offers.arrow', 'funnel.arrow', 'meta.json', 'pay.json', 'quality.json']) {
          const text = readFileSync(path.join(outDir, file)).toString('latin1');
          expect(text, file).not.toMatch(/@example|\d{3}.\d{3}.\d{4}|linkedin\.com\/in/);
        }
      } finally {
        tmp.cleanup();
      }
    });
  }, 60_000);
});
