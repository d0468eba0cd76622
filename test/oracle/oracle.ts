/**
 * Independent test oracle for the hiring metrics (DESIGN §2, §3, §5), written from the spec alone.
 * Plain JavaScript loops over the canonical CSVs of one folder: slow but simple, for small test data.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';

type Row = Record<string, string>;

export interface OracleFilters {
  from?: string;
  to?: string;
  department?: string;
  region?: string;
  level?: string;
  source?: string;
}

export interface OracleOptions {
  asOf: string;
  filters?: OracleFilters;
}

const STAGES = ['applied', 'screen', 'technical', 'onsite', 'offer', 'hired'] as const;
type Stage = (typeof STAGES)[number];
const STAGE_RANK: Record<string, number> = Object.fromEntries(STAGES.map((s, i) => [s, i]));
const BENCHMARK_ORDER = ['US', 'EU', 'LatAm', 'APAC'];
const Z95 = 1.959963984540054;
const DAY_MS = 86_400_000;

const referenceDir = path.resolve(import.meta.dirname, '..', '..', 'data', 'reference');

// ---------- CSV and values ----------

/** Header names matched case-insensitively, ignoring spaces and underscores. */
function normHeader(h: string): string {
  return h.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s_]+/g, '');
}

function readCsv(file: string): Row[] {
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Row>(text, { header: true, skipEmptyLines: true, transformHeader: normHeader });
  return parsed.data;
}

function val(row: Row, key: string): string | null {
  const v = row[key.replace(/_/g, '')];
  if (v === undefined) return null;
  const t = v.trim();
  return t === '' ? null : t;
}

/** Calendar day number (days since 1970-01-01) of a timestamp or date, in UTC. */
export function toDay(s: string | null): number | null {
  if (s === null) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / DAY_MS;
  if (/^-?\d+$/.test(s)) return Math.floor(Number(s) / DAY_MS);
  let iso = s;
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(iso)) iso = iso.replace(' ', 'T') + 'Z';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`oracle: unparseable timestamp ${s}`);
  return Math.floor(ms / DAY_MS);
}

function ts(s: string | null): number | null {
  if (s === null) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return Date.parse(s + 'T00:00:00Z');
  if (/^-?\d+$/.test(s)) return Number(s);
  let iso = s;
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(iso)) iso = iso.replace(' ', 'T') + 'Z';
  return Date.parse(iso);
}

/** DuckDB quantile_cont: linear interpolation between order statistics. */
export function quantileCont(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const v = [...values].sort((a, b) => a - b);
  const pos = q * (v.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = v[lo]!;
  const b = v[hi]!;
  return a + (b - a) * (pos - lo);
}

function mean(values: number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((s, x) => s + x, 0) / values.length;
}

// ---------- reference tables ----------

interface Reference {
  stageMap: Map<string, string>;
  levelMap: Map<string, string>;
  countryRegion: Map<string, string>;
  benchmarks: Map<string, [number, number]>;
}

function loadReference(): Reference {
  const key = (s: string) => s.trim().toLowerCase();
  const stageMap = new Map<string, string>();
  for (const r of readCsv(path.join(referenceDir, 'stage_map.csv'))) stageMap.set(key(r.name!), r.stage!.trim());
  // Each key and its display name map to themselves (DESIGN §2).
  for (const s of STAGES) if (!stageMap.has(s)) stageMap.set(s, s);
  const levelMap = new Map<string, string>();
  for (const r of readCsv(path.join(referenceDir, 'level_aliases.csv'))) levelMap.set(key(r.alias!), r.level!.trim());
  const countryRegion = new Map<string, string>();
  const codeRegion = new Map<string, string>();
  for (const r of readCsv(path.join(referenceDir, 'country_regions.csv'))) {
    codeRegion.set(key(r.code!), r.region!.trim());
    countryRegion.set(key(r.code!), r.region!.trim());
    countryRegion.set(key(r.name!), r.region!.trim());
  }
  for (const r of readCsv(path.join(referenceDir, 'country_aliases.csv'))) {
    const region = codeRegion.get(key(r.code!));
    if (region !== undefined && !countryRegion.has(key(r.alias!))) countryRegion.set(key(r.alias!), region);
  }
  const benchmarks = new Map<string, [number, number]>();
  for (const r of readCsv(path.join(referenceDir, 'region_benchmarks.csv'))) {
    benchmarks.set(r.region!.trim(), [Number(r.lowdays), Number(r.highdays)]);
  }
  return { stageMap, levelMap, countryRegion, benchmarks };
}

// ---------- the oracle ----------

interface Job {
  id: string;
  department: string | null;
  level: string | null;
  region: string;
}

interface Application {
  id: string;
  jobId: string;
  applied: number;
  source: string;
  status: string | null;
  rejectionType: string | null;
  hiredAt: number | null;
}

interface Offer {
  id: string;
  applicationId: string;
  status: string;
  version: number | null;
  createdTs: number | null;
  created: number | null;
  sent: number | null;
  resolved: number | null;
}

interface Stay {
  applicationId: string;
  stage: string | null;
  entered: number | null;
  exited: number | null;
  exitedTs: number | null;
}

interface Opening {
  id: string;
  jobId: string;
  opened: number;
  closed: number | null;
  hiredApplicationId: string | null;
}

export function computeOracle(dir: string, options: OracleOptions) {
  const ref = loadReference();
  const filters = options.filters ?? {};
  const asOf = toDay(options.asOf)!;
  const from = filters.from !== undefined ? toDay(filters.from)! : -Infinity;
  const to = filters.to !== undefined ? Math.min(toDay(filters.to)!, asOf) : asOf;
  const inPeriod = (d: number | null): boolean => d !== null && d >= from && d <= to;

  // --- load ---
  const jobs = new Map<string, Job>();
  for (const r of readCsv(path.join(dir, 'jobs.csv'))) {
    const id = val(r, 'job_id')!;
    const lvl = val(r, 'level');
    const country = val(r, 'country');
    jobs.set(id, {
      id,
      department: val(r, 'department'),
      level: lvl === null ? null : (ref.levelMap.get(lvl.toLowerCase()) ?? null),
      region: country === null ? 'Other' : (ref.countryRegion.get(country.toLowerCase()) ?? 'Other'),
    });
  }
  const apps = new Map<string, Application>();
  for (const r of readCsv(path.join(dir, 'applications.csv'))) {
    const id = val(r, 'application_id')!;
    apps.set(id, {
      id,
      jobId: val(r, 'job_id')!,
      applied: toDay(val(r, 'applied_at'))!,
      source: val(r, 'source') ?? 'Unknown',
      status: val(r, 'status')?.toLowerCase() ?? null,
      rejectionType: val(r, 'rejection_type')?.toLowerCase() ?? null,
      hiredAt: toDay(val(r, 'hired_at')),
    });
  }
  const offers: Offer[] = readCsv(path.join(dir, 'offers.csv')).map((r) => {
    const v = val(r, 'version');
    return {
      id: val(r, 'offer_id')!,
      applicationId: val(r, 'application_id')!,
      status: val(r, 'status')!.toLowerCase(),
      version: v === null ? null : Number(v),
      createdTs: ts(val(r, 'created_at')),
      created: toDay(val(r, 'created_at')),
      sent: toDay(val(r, 'sent_at')),
      resolved: toDay(val(r, 'resolved_at')),
    };
  });
  const stays: Stay[] = readCsv(path.join(dir, 'stage_history.csv')).map((r) => {
    const name = val(r, 'stage');
    return {
      applicationId: val(r, 'application_id')!,
      stage: name === null ? null : (ref.stageMap.get(name.toLowerCase()) ?? null),
      entered: toDay(val(r, 'entered_at')),
      exited: toDay(val(r, 'exited_at')),
      exitedTs: ts(val(r, 'exited_at')),
    };
  });
  const openings: Opening[] = readCsv(path.join(dir, 'openings.csv')).map((r) => ({
    id: val(r, 'opening_id')!,
    jobId: val(r, 'job_id')!,
    opened: toDay(val(r, 'opened_at'))!,
    closed: toDay(val(r, 'closed_at')),
    hiredApplicationId: val(r, 'hired_application_id'),
  }));

  // --- filters ---
  const wantLevel =
    filters.level !== undefined ? (ref.levelMap.get(filters.level.trim().toLowerCase()) ?? filters.level.trim().toLowerCase()) : undefined;
  const jobMatches = (jobId: string): boolean => {
    const job = jobs.get(jobId);
    if (filters.department === undefined && filters.region === undefined && wantLevel === undefined) return true;
    if (job === undefined) return false;
    if (filters.department !== undefined && (job.department ?? '').toLowerCase() !== filters.department.trim().toLowerCase()) return false;
    if (filters.region !== undefined && job.region.toLowerCase() !== filters.region.trim().toLowerCase()) return false;
    if (wantLevel !== undefined && job.level !== wantLevel) return false;
    return true;
  };
  const appMatches = (app: Application | undefined): boolean => {
    if (app === undefined) return false;
    if (!jobMatches(app.jobId)) return false;
    if (filters.source !== undefined && app.source !== filters.source) return false;
    return true;
  };

  // --- latest counting offer per application ---
  const latest = new Map<string, Offer>();
  const better = (a: Offer, b: Offer): boolean => {
    // true when a ranks before b
    if (a.version !== b.version) {
      if (a.version === null) return false;
      if (b.version === null) return true;
      return a.version > b.version;
    }
    if (a.createdTs !== b.createdTs) {
      if (a.createdTs === null) return false;
      if (b.createdTs === null) return true;
      return a.createdTs > b.createdTs;
    }
    return a.id > b.id;
  };
  const anyOffer = new Set<string>();
  for (const o of offers) {
    anyOffer.add(o.applicationId);
    if (o.status === 'deprecated') continue;
    const cur = latest.get(o.applicationId);
    if (cur === undefined || better(o, cur)) latest.set(o.applicationId, o);
  }

  // --- offer acceptance ---
  let accepted = 0;
  let declined = 0;
  let rescinded = 0;
  let pending = 0;
  for (const o of latest.values()) {
    if (!appMatches(apps.get(o.applicationId))) continue;
    const createdDay = o.created ?? o.sent;
    const resolvedKnown = o.resolved !== null && o.resolved <= asOf;
    if (o.status === 'pending' || ((o.status === 'accepted' || o.status === 'declined' || o.status === 'rescinded') && o.resolved !== null && !resolvedKnown)) {
      if (createdDay === null || createdDay <= asOf) pending++;
      continue;
    }
    if (!inPeriod(o.resolved)) continue;
    if (o.status === 'accepted') accepted++;
    else if (o.status === 'declined') declined++;
    else if (o.status === 'rescinded') rescinded++;
  }
  const n = accepted + declined;
  const rate = n === 0 ? null : accepted / n;
  let ci95: [number, number] | null = null;
  if (n > 0 && rate !== null) {
    const z2 = Z95 * Z95;
    const denom = 1 + z2 / n;
    const center = (rate + z2 / (2 * n)) / denom;
    const half = (Z95 * Math.sqrt((rate * (1 - rate)) / n + z2 / (4 * n * n))) / denom;
    ci95 = [center - half, center + half];
  }
  const status = n < 10 || rate === null ? 'insufficient-data' : rate >= 0.85 ? 'healthy' : rate >= 0.75 ? 'watch' : 'alarm';
  const offerAcceptance = { accepted, declined, pending, rescinded, rate, ci95, status };

  // --- time to fill ---
  const fillDay = (op: Opening): number | null => {
    if (op.hiredApplicationId === null) return null;
    const o = latest.get(op.hiredApplicationId);
    if (o !== undefined && o.status === 'accepted' && o.resolved !== null) return o.resolved;
    return op.closed;
  };
  const openingMatches = (op: Opening): boolean => {
    if (!jobMatches(op.jobId)) return false;
    if (filters.source !== undefined) {
      if (op.hiredApplicationId === null) return false;
      const app = apps.get(op.hiredApplicationId);
      if (app === undefined || app.source !== filters.source) return false;
    }
    return true;
  };
  const fillDays: number[] = [];
  const regionFill = new Map<string, number[]>();
  const aging = { '0-30': 0, '31-60': 0, '61-90': 0, '91-180': 0, '>180': 0 };
  let open = 0;
  const km: { t: number; event: boolean }[] = [];
  for (const op of openings) {
    if (!openingMatches(op)) continue;
    const filled = fillDay(op);
    if (inPeriod(filled)) {
      const d = filled! - op.opened;
      fillDays.push(d);
      const region = jobs.get(op.jobId)?.region ?? 'Other';
      if (!regionFill.has(region)) regionFill.set(region, []);
      regionFill.get(region)!.push(d);
    }
    const filledByAsOf = filled !== null && filled <= asOf;
    const closedByAsOf = op.closed !== null && op.closed <= asOf;
    if (op.opened <= asOf && !filledByAsOf && !closedByAsOf) {
      open++;
      const age = asOf - op.opened;
      if (age <= 30) aging['0-30']++;
      else if (age <= 60) aging['31-60']++;
      else if (age <= 90) aging['61-90']++;
      else if (age <= 180) aging['91-180']++;
      else aging['>180']++;
    }
    if (inPeriod(op.opened)) {
      if (filledByAsOf) km.push({ t: filled! - op.opened, event: true });
      else if (closedByAsOf) km.push({ t: op.closed! - op.opened, event: false });
      else km.push({ t: asOf - op.opened, event: false });
    }
  }
  const timeToFill = {
    filled: fillDays.length,
    medianDays: quantileCont(fillDays, 0.5),
    meanDays: mean(fillDays),
    p75Days: quantileCont(fillDays, 0.75),
    open,
    openAging: aging,
    kmMedianDays: kaplanMeierMedian(km),
  };

  // --- time to hire ---
  const hireDays: number[] = [];
  for (const app of apps.values()) {
    if (app.status !== 'hired' || !appMatches(app)) continue;
    const o = latest.get(app.id);
    const hire = o !== undefined && o.status === 'accepted' && o.resolved !== null ? o.resolved : app.hiredAt;
    if (!inPeriod(hire)) continue;
    hireDays.push(hire! - app.applied);
  }
  const timeToHire = { hires: hireDays.length, medianDays: quantileCont(hireDays, 0.5), meanDays: mean(hireDays) };

  // --- cohort ---
  const cohort = [...apps.values()].filter((a) => inPeriod(a.applied) && appMatches(a));
  const cohortIds = new Set(cohort.map((a) => a.id));
  const staysByApp = new Map<string, Stay[]>();
  for (const s of stays) {
    if (!cohortIds.has(s.applicationId)) continue;
    if (!staysByApp.has(s.applicationId)) staysByApp.set(s.applicationId, []);
    staysByApp.get(s.applicationId)!.push(s);
  }

  // --- funnel ---
  const furthestCount = STAGES.map(() => ({ n: 0, rejected: 0, withdrew: 0, other: 0, active: 0 }));
  for (const app of cohort) {
    let f = 0;
    for (const s of staysByApp.get(app.id) ?? []) if (s.stage !== null) f = Math.max(f, STAGE_RANK[s.stage]!);
    if (anyOffer.has(app.id)) f = Math.max(f, STAGE_RANK.offer!);
    if (app.status === 'hired') f = Math.max(f, STAGE_RANK.hired!);
    const c = furthestCount[f]!;
    c.n++;
    if (app.rejectionType === 'rejected') c.rejected++;
    else if (app.rejectionType === 'withdrew') c.withdrew++;
    else if (app.rejectionType === 'other') c.other++;
    if (app.status === 'active') c.active++;
  }
  const reached = STAGES.map((_, i) => furthestCount.slice(i).reduce((s, c) => s + c.n, 0));
  const funnel = STAGES.map((stage, i) => {
    const isLast = i === STAGES.length - 1;
    const advanced = isLast ? null : reached[i + 1]!;
    return {
      stage,
      reached: reached[i]!,
      advanced,
      passThrough: isLast || reached[i] === 0 ? null : advanced! / reached[i]!,
      rejected: furthestCount[i]!.rejected,
      withdrew: furthestCount[i]!.withdrew,
      other: furthestCount[i]!.other,
      active: furthestCount[i]!.active,
    };
  });

  // --- time in stage ---
  const stageDays = new Map<Stage, number[]>(STAGES.map((s) => [s, []]));
  for (const list of staysByApp.values()) {
    for (const s of list) {
      if (s.stage === null || s.exited === null || s.entered === null) continue;
      stageDays.get(s.stage as Stage)?.push(s.exited - s.entered);
    }
  }
  const timeInStage = STAGES.map((stage) => {
    const d = stageDays.get(stage)!;
    return { stage, stays: d.length, medianDays: quantileCont(d, 0.5) };
  });

  // --- sources ---
  const bySource = new Map<string, { applications: number; hires: number; offersAccepted: number; offersDeclined: number }>();
  for (const app of cohort) {
    if (!bySource.has(app.source)) bySource.set(app.source, { applications: 0, hires: 0, offersAccepted: 0, offersDeclined: 0 });
    const s = bySource.get(app.source)!;
    s.applications++;
    if (app.status === 'hired') s.hires++;
    const o = latest.get(app.id);
    if (o !== undefined && o.resolved !== null && o.resolved <= asOf) {
      if (o.status === 'accepted') s.offersAccepted++;
      else if (o.status === 'declined') s.offersDeclined++;
    }
  }
  const sources = [...bySource.entries()]
    .map(([source, s]) => ({ source, applications: s.applications, hires: s.hires, hireRate: s.hires / s.applications, offersAccepted: s.offersAccepted, offersDeclined: s.offersDeclined }))
    .sort((a, b) => b.applications - a.applications || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));

  // --- offer speed ---
  const onsiteEnd = new Map<string, number>();
  for (const s of stays) {
    if (s.stage !== 'onsite' || s.exitedTs === null) continue;
    const cur = onsiteEnd.get(s.applicationId);
    if (cur === undefined || s.exitedTs > cur) onsiteEnd.set(s.applicationId, s.exitedTs);
  }
  const offerSpeed = { within2Days: { accepted: 0, declined: 0 }, later: { accepted: 0, declined: 0 } };
  for (const o of latest.values()) {
    if (o.status !== 'accepted' && o.status !== 'declined') continue;
    if (!inPeriod(o.resolved) || o.sent === null) continue;
    if (!appMatches(apps.get(o.applicationId))) continue;
    const end = onsiteEnd.get(o.applicationId);
    if (end === undefined) continue;
    const days = o.sent - Math.floor(end / DAY_MS);
    const bucket = days <= 2 ? offerSpeed.within2Days : offerSpeed.later;
    if (o.status === 'accepted') bucket.accepted++;
    else bucket.declined++;
  }

  // --- regions ---
  const regionNames = [...BENCHMARK_ORDER.filter((r) => ref.benchmarks.has(r)), ...[...ref.benchmarks.keys()].filter((r) => !BENCHMARK_ORDER.includes(r))];
  const extra = [...regionFill.keys()].filter((r) => !regionNames.includes(r)).sort();
  // With a region filter only that region's row is listed (the product's reading: the filter applies to the
  // list's own dimension too; the other rows could only ever show 0 filled).
  const listed = [...regionNames, ...extra].filter(
    (r) => filters.region === undefined || r.toLowerCase() === filters.region.trim().toLowerCase(),
  );
  const regions = listed.map((region) => {
    const d = regionFill.get(region) ?? [];
    const bench = ref.benchmarks.get(region) ?? null;
    const median = quantileCont(d, 0.5);
    let st: string | null = null;
    if (median !== null && bench !== null) st = median < bench[0] ? 'below' : median > bench[1] ? 'above' : 'within';
    return { region, filled: d.length, medianTimeToFillDays: median, benchmarkDays: bench, status: st };
  });

  return { asOf: options.asOf, filters, offerAcceptance, timeToFill, timeToHire, funnel, timeInStage, sources, offerSpeed, regions };
}

/** Kaplan-Meier median: smallest event time with S(t) <= 0.5; events before censorings at equal times. */
export function kaplanMeierMedian(obs: { t: number; event: boolean }[]): number | null {
  const times = [...new Set(obs.filter((o) => o.event).map((o) => o.t))].sort((a, b) => a - b);
  let s = 1;
  for (const t of times) {
    const atRisk = obs.filter((o) => o.t >= t).length;
    const events = obs.filter((o) => o.event && o.t === t).length;
    s *= 1 - events / atRisk;
    if (s <= 0.5 + 1e-12) return t;
  }
  return null;
}
