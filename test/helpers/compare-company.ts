/**
 * A tiny hand-made company for the period comparisons and the planner (issue 18, Deliver 5 and 6), as of
 * 2026-06-30. Every figure the tests assert is worked out from the rows below.
 *
 * Sales (US): offers and hires in three periods, and openings filled or open across them.
 * - Apr-Jun 2026: 18 accepted, 2 declined (OAR 90%); Jan-Mar 2026: 8 accepted, 12 declined (40%);
 *   Apr-Jun 2025: 15 accepted, 5 declined (75%). Each accepted application is hired on its offer's day.
 * - Filled openings (days to fill): F1 2026-03-02 -> 04-01 (30), F2 04-01 -> 05-11 (40), F3 05-01 -> 06-20
 *   (50); F4 2026-01-05 -> 02-24 (50); F5 2025-03-01 -> 04-30 (60), F6 2025-04-01 -> 06-10 (70).
 * - Not filled: O1 opened 2025-05-01, cancelled 2026-02-15; O2 opened 2026-01-10 and O3 2026-05-01, open.
 *
 * Support (DE, region EU): a funnel with round pass-through, every stay the same length, applied in April 2026:
 * 40 stop at Application Review (3 days), 20 at Screen (4 days), 10 at Onsite (7 days), 10 reach an
 * offer (Offer stage 5 days): 8 accepted and hired, 2 declined (OAR 80%, resolved 2026-04-25). Two more
 * applications are active in Application Review (applied 2026-06-25, no decision yet).
 */
import path from 'node:path';
import { ingest } from '../../pipelines/ingest/index.ts';
import { openWarehouse } from '../../pipelines/lib/duckdb.ts';
import { tempDir, writeFiles } from './tmp.ts';

export const compareAsOf = '2026-06-30';

export function compareCompany(): Record<string, string> {
  const jobs = [
    'job_id,title,department,role_family,level,office,country,status,opened_at,closed_at',
    'job-sales,Account Executive,Sales,sales,Senior,New York,US,open,2025-01-01,',
    'job-support,Support Engineer,Support,support,Senior,Berlin,DE,open,2026-01-01,',
  ];
  const applications = ['application_id,job_id,applied_at,status,rejected_at,rejection_type,hired_at'];
  const offers = ['offer_id,application_id,status,version,created_at,sent_at,resolved_at'];
  const stages = ['application_id,stage,entered_at,exited_at'];

  // Sales offers: [year, first month, accepted, declined]; offers spread over the period's three months.
  const salesPeriods = [
    [2026, 4, 18, 2],
    [2026, 1, 8, 12],
    [2025, 4, 15, 5],
  ] as const;
  let n = 0;
  for (const [year, firstMonth, accepted, declined] of salesPeriods) {
    for (let i = 0; i < accepted + declined; i++) {
      n += 1;
      const month = String(firstMonth + (i % 3)).padStart(2, '0');
      const app = `sales-${n}`;
      const ok = i < accepted;
      const resolved = `${year}-${month}-15T12:00:00Z`;
      applications.push(`${app},job-sales,${year}-${month}-02T09:00:00Z,${ok ? 'hired' : 'rejected'},${ok ? '' : resolved},${ok ? '' : 'withdrew'},${ok ? resolved : ''}`);
      offers.push(`ofr-${app},${app},${ok ? 'accepted' : 'declined'},1,${year}-${month}-10T09:00:00Z,${year}-${month}-10T09:00:00Z,${resolved}`);
    }
  }

  // Support: [how many, furthest stage, status]
  const support = [
    [40, 'applied', 'rejected'],
    [20, 'screen', 'rejected'],
    [10, 'onsite', 'rejected'],
    [8, 'offer-accepted', 'hired'],
    [2, 'offer-declined', 'rejected'],
  ] as const;
  let s = 0;
  for (const [count, furthest, status] of support) {
    for (let i = 0; i < count; i++) {
      s += 1;
      const app = `support-${s}`;
      const hired = status === 'hired';
      applications.push(
        `${app},job-support,2026-04-06T09:00:00Z,${status},${hired ? '' : '2026-04-25T12:00:00Z'},${hired ? '' : furthest === 'offer-declined' ? 'withdrew' : 'rejected'},${hired ? '2026-04-25T12:00:00Z' : ''}`,
      );
      stages.push(`${app},Application Review,2026-04-06T09:00:00Z,2026-04-09T09:00:00Z`);
      if (furthest === 'applied') continue;
      stages.push(`${app},Recruiter Screen,2026-04-09T09:00:00Z,2026-04-13T09:00:00Z`);
      if (furthest === 'screen') continue;
      stages.push(`${app},Onsite,2026-04-13T09:00:00Z,2026-04-20T09:00:00Z`);
      if (furthest === 'onsite') continue;
      stages.push(`${app},Offer,2026-04-20T09:00:00Z,2026-04-25T09:00:00Z`);
      offers.push(`ofr-${app},${app},${hired ? 'accepted' : 'declined'},1,2026-04-20T09:00:00Z,2026-04-20T09:00:00Z,2026-04-25T12:00:00Z`);
    }
  }
  for (const app of ['support-active-1', 'support-active-2']) {
    applications.push(`${app},job-support,2026-06-25T09:00:00Z,active,,,`);
    stages.push(`${app},Application Review,2026-06-25T09:00:00Z,`);
  }

  const openings = [
    'opening_id,job_id,opened_at,closed_at,close_reason,hired_application_id',
    'F1,job-sales,2026-03-02,2026-04-01,Hired,fill-1',
    'F2,job-sales,2026-04-01,2026-05-11,Hired,fill-2',
    'F3,job-sales,2026-05-01,2026-06-20,Hired,fill-3',
    'F4,job-sales,2026-01-05,2026-02-24,Hired,fill-4',
    'F5,job-sales,2025-03-01,2025-04-30,Hired,fill-5',
    'F6,job-sales,2025-04-01,2025-06-10,Hired,fill-6',
    'O1,job-sales,2025-05-01,2026-02-15,Cancelled,',
    'O2,job-sales,2026-01-10,,,',
    'O3,job-sales,2026-05-01,,,',
  ];
  const csv = (lines: string[]) => lines.join('\n') + '\n';
  return {
    'jobs.csv': csv(jobs),
    'applications.csv': csv(applications),
    'stage_history.csv': csv(stages),
    'offers.csv': csv(offers),
    'openings.csv': csv(openings),
  };
}

/** The company ingested into a warehouse file (for CLI runs in a child process); removed after `work`. */
export async function withCompareWarehouseFile<T>(work: (db: string) => Promise<T> | T): Promise<T> {
  const tmp = tempDir('hs-compare-db-');
  try {
    const db = path.join(tmp.dir, 'w.duckdb');
    writeFiles(path.join(tmp.dir, 'in'), compareCompany());
    const warehouse = await openWarehouse(db);
    await ingest(warehouse, [path.join(tmp.dir, 'in')]);
    warehouse.close();
    return await work(db);
  } finally {
    tmp.cleanup();
  }
}
