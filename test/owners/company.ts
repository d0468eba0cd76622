/**
 * The tiny company of test/helpers/company.ts with owners on its jobs (issue 18), plus a fifth job whose
 * recruiter has too few events for a rate:
 *   job-1 Engineering (43 accepted / 7 declined)  recruiter Rita Recruiter  hiring manager Hank Manager
 *   job-2 Sales       (16 / 4)                    Rita Recruiter            Mona Manager
 *   job-3 Marketing   (14 / 6)                    Sam Sourcer               Mona Manager
 *   job-4 Design      (3 / 2)                     (none: Unassigned)        (none: Unassigned)
 *   job-5 Research    (1 / 1)                     Tess Tiny                 Hank Manager
 * Every job has 2 openings still open at the as-of (job-5: 1); every accepted offer filled an opening.
 */
import { fixtureCompany } from '../helpers/company.ts';

const owners: Record<string, [string, string]> = {
  'job-1': ['Rita Recruiter', 'Hank Manager'],
  'job-2': ['Rita Recruiter', 'Mona Manager'],
  'job-3': ['Sam Sourcer', 'Mona Manager'],
  'job-4': ['', ''],
};

export function ownedCompany(): Record<string, string> {
  const { files } = fixtureCompany();
  const add = (name: string, lines: string[]) => (files[name] = files[name]! + lines.map((l) => `${l}\n`).join(''));
  const [header, ...jobs] = files['jobs.csv']!.trim().split('\n');
  files['jobs.csv'] = [`${header},recruiter,hiring_manager`, ...jobs.map((line) => `${line},${owners[line.split(',')[0]!]!.join(',')}`)].join('\n') + '\n';
  add('jobs.csv', ['job-5,Research Lead,Research,research,Senior,Office 5,US,open,2026-01-01,,Tess Tiny,Hank Manager']);
  add('applications.csv', [
    'app-901,job-5,2026-03-02T09:00:00Z,cand-901,Zq901name Tiny,t901@example-private.org,Referral,inbound,hired,,,,2026-03-20T09:00:00Z',
    'app-902,job-5,2026-03-03T09:00:00Z,cand-902,Zq902name Tiny,t902@example-private.org,Referral,inbound,rejected,2026-03-22T09:00:00Z,withdrew,Accepted another offer,',
  ]);
  add('stage_history.csv', ['app-901,Application Review,2026-03-02T09:00:00Z,2026-03-05T09:00:00Z', 'app-902,Application Review,2026-03-03T09:00:00Z,2026-03-05T09:00:00Z']);
  add('offers.csv', [
    'ofr-901,app-901,accepted,1,2026-03-10T09:00:00Z,2026-03-10T09:00:00Z,2026-03-20T09:00:00Z,,150000,USD',
    'ofr-902,app-902,declined,1,2026-03-10T09:00:00Z,2026-03-10T09:00:00Z,2026-03-22T09:00:00Z,,150000,USD',
  ]);
  add('openings.csv', ['opn-901,job-5,2026-02-01,2026-03-21,Hired,app-901', 'opn-902,job-5,2026-04-01,,,']);
  return files;
}
