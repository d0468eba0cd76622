/**
 * A small hand-made company for the site tests: four departments whose offer acceptance is 86%, 80%,
 * 70% and "too few offers", candidates with names and emails (which must never be published), and
 * employees with distinctive, non-round salaries (which must never be published one by one).
 */

export const fixtureAsOf = '2026-06-30';

/** Offers per department: [department, accepted, declined, country of its job]. */
export const departmentOffers = [
  ['Engineering', 43, 7, 'US'], // 43 / 50 = 86% -> healthy
  ['Sales', 16, 4, 'DE'], // 16 / 20 = 80% -> watch
  ['Marketing', 14, 6, 'BR'], // 14 / 20 = 70% -> alarm
  ['Design', 3, 2, 'IN'], // 5 resolved < 10 -> insufficient-data
] as const;
// Whole company: 76 / 95 = 80% -> watch.

export interface FixtureCompany {
  readonly files: Record<string, string>;
  readonly names: string[];
  readonly emails: string[];
  readonly salaries: number[];
}

export function fixtureCompany(): FixtureCompany {
  const jobs = ['job_id,title,department,role_family,level,office,country,status,opened_at,closed_at'];
  const openings = ['opening_id,job_id,opened_at,closed_at,close_reason,hired_application_id'];
  const applications = ['application_id,job_id,applied_at,candidate_id,Candidate Name,Email,source,source_type,status,rejected_at,rejection_type,rejection_reason,hired_at'];
  const stages = ['application_id,stage,entered_at,exited_at'];
  const offers = ['offer_id,application_id,status,version,created_at,sent_at,resolved_at,start_date,base_salary,currency'];
  const names: string[] = [];
  const emails: string[] = [];
  const sources = ['Referral', 'LinkedIn', 'Indeed'];
  let n = 0;
  departmentOffers.forEach(([department, accepted, declined, country], d) => {
    const job = `job-${d + 1}`;
    jobs.push(`${job},${department} Lead,${department},${department.toLowerCase()},Senior,Office ${d + 1},${country},open,2026-01-01,`);
    for (let i = 0; i < accepted + declined; i++) {
      n += 1;
      const app = `app-${String(n).padStart(3, '0')}`;
      const month = String(1 + (i % 6)).padStart(2, '0');
      const ok = i < accepted;
      const name = `Zq${n}name Xylophonic-${department}`;
      const email = `candidate.${n}.zq@example-private.org`;
      names.push(name);
      emails.push(email);
      const opening = `opn-${String(n).padStart(3, '0')}`;
      applications.push(
        `${app},${job},2026-${month}-02T09:00:00Z,cand-${n},${name},${email},${sources[i % 3]},inbound,${ok ? 'hired' : 'rejected'},${ok ? '' : `2026-${month}-20T09:00:00Z`},${ok ? '' : 'withdrew'},${ok ? '' : 'Accepted another offer'},${ok ? `2026-${month}-20T09:00:00Z` : ''}`,
      );
      stages.push(`${app},Application Review,2026-${month}-02T09:00:00Z,2026-${month}-04T09:00:00Z`);
      stages.push(`${app},Recruiter Screen,2026-${month}-04T09:00:00Z,2026-${month}-08T09:00:00Z`);
      stages.push(`${app},Onsite,2026-${month}-08T09:00:00Z,2026-${month}-12T17:00:00Z`);
      offers.push(
        `ofr-${n},${app},${ok ? 'accepted' : 'declined'},1,2026-${month}-13T09:00:00Z,2026-${month}-${i % 2 ? '13' : '18'}T09:00:00Z,2026-${month}-20T09:00:00Z,,${154321 + n * 17},USD`,
      );
      if (ok) openings.push(`${opening},${job},2025-12-${String(1 + (i % 28)).padStart(2, '0')},2026-${month}-21,Hired,${app}`);
    }
    for (let k = 0; k < 2; k++) openings.push(`opn-open-${d}-${k},${job},2026-0${2 + k}-01,,,`);
  });

  const compensation = ['employee_id,level,country,base_salary,currency,role_family,department,effective_date'];
  const salaries: number[] = [];
  const cells = [
    ['Senior', 'US', 12, 150000],
    ['Mid-Level', 'DE', 7, 70000],
    ['Staff', 'BR', 3, 110000],
    ['Senior', 'IN', 6, 60000],
  ] as const;
  let e = 0;
  for (const [level, country, count, base] of cells) {
    for (let i = 0; i < count; i++) {
      e += 1;
      const salary = base + i * 3137 + 41; // never a multiple of 100
      salaries.push(salary);
      compensation.push(`emp-${e},${level},${country},${salary},USD,engineering,Engineering,2026-01-01`);
    }
  }
  const csv = (lines: string[]) => lines.join('\n') + '\n';
  return {
    files: {
      'jobs.csv': csv(jobs),
      'openings.csv': csv(openings),
      'applications.csv': csv(applications),
      'stage_history.csv': csv(stages),
      'offers.csv': csv(offers),
      'compensation.csv': csv(compensation),
    },
    names,
    emails,
    salaries,
  };
}
