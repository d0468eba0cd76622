/**
 * A tiny company for the digest tests, every figure countable by hand (as of 2026-06-30, periods of 30
 * days: June 1-30 against May 2-31, as of May 31).
 *
 * Offers (one per application), resolved at noon UTC:
 *   June: accepted 06-10, 06-15, 06-20, 06-25; declined 06-12       -> 4 / 5 = 80%
 *   May:  accepted 05-10, 05-15, 05-20; declined 05-12, 05-18        -> 3 / 5 = 60%
 * Filled openings (days = fill day - opened day; fill day = the accepted offer's resolution):
 *   June: f-a1 05-21 -> 06-10 = 20, f-a2 05-06 -> 06-15 = 40, f-a3 05-01 -> 06-20 = 50, f-a4 04-16 -> 06-25 = 70
 *   May:  f-b1 04-10 -> 05-10 = 30, f-b2 03-26 -> 05-15 = 50, f-b3 03-11 -> 05-20 = 70
 * Open openings at 06-30 (days open): o-1 01-01 (180), o-2 02-15 (135), o-3 03-01 (121), o-4 04-01 (90),
 *   o-5 05-15 (46), o-6 06-20 (10); c-1 opened 01-10 and closed without a hire on 06-05.
 */
import { csv } from '../helpers/warehouse.ts';

export const digestAsOf = '2026-06-30';

/** Recruiters (jobs.recruiter): job-1 has none (blank), job-2 R. Jones, job-3 A. Lee. */
const jobs = [
  'job-1,Backend Engineer,Engineering,engineering,Senior,Office 1,US,open,2026-01-01,,',
  'job-2,<script>alert(1)</script>,Sales,sales,Mid-Level,Office 2,DE,open,2026-01-01,,R. Jones',
  'job-3,Designer & Illustrator,Design,design,Senior,Office 3,BR,open,2026-01-01,,A. Lee',
];

/** [application, job, offer status, resolution day, filled opening id and its opened day (accepted only)] */
const offers = [
  ['a1', 'job-1', 'accepted', '2026-06-10', 'f-a1', '2026-05-21'],
  ['a2', 'job-1', 'accepted', '2026-06-15', 'f-a2', '2026-05-06'],
  ['a3', 'job-2', 'accepted', '2026-06-20', 'f-a3', '2026-05-01'],
  ['a4', 'job-3', 'accepted', '2026-06-25', 'f-a4', '2026-04-16'],
  ['d1', 'job-1', 'declined', '2026-06-12'],
  ['b1', 'job-1', 'accepted', '2026-05-10', 'f-b1', '2026-04-10'],
  ['b2', 'job-2', 'accepted', '2026-05-15', 'f-b2', '2026-03-26'],
  ['b3', 'job-3', 'accepted', '2026-05-20', 'f-b3', '2026-03-11'],
  ['d2', 'job-2', 'declined', '2026-05-12'],
  ['d3', 'job-3', 'declined', '2026-05-18'],
] as const;

const openOpenings = [
  'o-1,job-2,2026-01-01,,,',
  'o-2,job-1,2026-02-15,,,',
  'o-3,job-3,2026-03-01,,,',
  'o-4,job-1,2026-04-01,,,',
  'o-5,job-2,2026-05-15,,,',
  'o-6,job-3,2026-06-20,,,',
  'c-1,job-1,2026-01-10,2026-06-05,Cancelled,',
];

/** The company's canonical CSVs. */
export function digestCompany(): Record<string, string> {
  const day = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return {
    'jobs.csv': csv('job_id,title,department,role_family,level,office,country,status,opened_at,closed_at,recruiter', jobs),
    'openings.csv': csv('opening_id,job_id,opened_at,closed_at,close_reason,hired_application_id', [
      ...offers.flatMap((o) => (o[2] === 'accepted' ? [`${o[4]},${o[1]},${o[5]},${o[3]},Hired,app-${o[0]}`] : [])),
      ...openOpenings,
    ]),
    'applications.csv': csv(
      'application_id,job_id,applied_at,candidate_id,source,source_type,status,rejected_at,rejection_type,rejection_reason,hired_at',
      offers.map((o) =>
        o[2] === 'accepted'
          ? `app-${o[0]},${o[1]},${day(o[3], -30)}T09:00:00Z,cand-${o[0]},Referral,inbound,hired,,,,${o[3]}T12:00:00Z`
          : `app-${o[0]},${o[1]},${day(o[3], -30)}T09:00:00Z,cand-${o[0]},LinkedIn,inbound,rejected,${o[3]}T12:00:00Z,withdrew,Accepted another offer,`,
      ),
    ),
    'offers.csv': csv(
      'offer_id,application_id,status,version,created_at,sent_at,resolved_at,start_date,base_salary,currency',
      offers.map((o) => `ofr-${o[0]},app-${o[0]},${o[2]},1,${day(o[3], -5)}T09:00:00Z,${day(o[3], -5)}T09:00:00Z,${o[3]}T12:00:00Z,,150000,USD`),
    ),
  };
}

/**
 * The same company a week later in its data: o-2 closed on 06-28 (its age alert resolves) and o-7 opened
 * on 02-01 (149 days open at 06-30: a new age alert).
 */
export function digestCompanyLater(): Record<string, string> {
  const files = digestCompany();
  return {
    ...files,
    'openings.csv': files['openings.csv']!.replace('o-2,job-1,2026-02-15,,,', 'o-2,job-1,2026-02-15,2026-06-28,Cancelled,') + 'o-7,job-3,2026-02-01,,,\n',
  };
}

/** Config of the digest tests: 4 offers suffice for a status; alert rules: acceptance and openings open over 100 days. */
export const digestConfig = {
  offerAcceptance: { healthy: 0.85, alarm: 0.75, minOffers: 4 },
  alerts: [
    { rule: 'offer-acceptance', enabled: true },
    { rule: 'opening-age', enabled: true, level: 'watch', maxDays: 100 },
  ],
  digest: { enabled: true, every: 'weekly', periodDays: 30, siteUrl: 'https://hiring.example.com/dashboard/' },
} as const;
