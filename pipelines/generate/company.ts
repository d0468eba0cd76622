/**
 * The synthetic company behind the sample data: departments, offices, levels, sources and the pay and
 * timeline assumptions. Numbers come from the seed article (../../shared/seed/): regional time-to-fill
 * ranges (US 40-55 days, EU 35-50, LatAm 25-35, APAC 20-35) and the backend pay table by seniority x
 * region (mid/senior/staff); entry, principal and executive rows are our own extrapolation.
 */
import { levelKeys, type LevelKey } from '../contract/dimensions.ts';

export type { LevelKey };
export type Region = 'US' | 'EU' | 'LatAm' | 'APAC';
export type SourceType = 'referral' | 'sourced' | 'job_board' | 'inbound' | 'agency' | 'university';

export const LEVELS: readonly LevelKey[] = levelKeys;
export const REGIONS: readonly Region[] = ['US', 'EU', 'LatAm', 'APAC'];

export interface Office {
  city: string;
  country: string;
  region: Region;
  currency: string;
  /** Share of jobs and employees. */
  weight: number;
  /** Local pay relative to the region's band (location-based pay). */
  payFactor: number;
}

export const OFFICES: readonly Office[] = [
  { city: 'New York', country: 'US', region: 'US', currency: 'USD', weight: 14, payFactor: 1.04 },
  { city: 'San Francisco', country: 'US', region: 'US', currency: 'USD', weight: 12, payFactor: 1.08 },
  { city: 'Austin', country: 'US', region: 'US', currency: 'USD', weight: 6, payFactor: 0.92 },
  { city: 'Berlin', country: 'DE', region: 'EU', currency: 'EUR', weight: 12, payFactor: 1.0 },
  { city: 'London', country: 'GB', region: 'EU', currency: 'GBP', weight: 10, payFactor: 1.06 },
  { city: 'Amsterdam', country: 'NL', region: 'EU', currency: 'EUR', weight: 6, payFactor: 1.02 },
  { city: 'Warsaw', country: 'PL', region: 'EU', currency: 'PLN', weight: 6, payFactor: 0.74 },
  { city: 'Zurich', country: 'CH', region: 'EU', currency: 'CHF', weight: 3, payFactor: 1.35 },
  { city: 'São Paulo', country: 'BR', region: 'LatAm', currency: 'BRL', weight: 7, payFactor: 1.0 },
  { city: 'Mexico City', country: 'MX', region: 'LatAm', currency: 'MXN', weight: 5, payFactor: 0.96 },
  { city: 'Bogotá', country: 'CO', region: 'LatAm', currency: 'COP', weight: 4, payFactor: 0.88 },
  { city: 'Bangalore', country: 'IN', region: 'APAC', currency: 'INR', weight: 9, payFactor: 0.88 },
  { city: 'Singapore', country: 'SG', region: 'APAC', currency: 'SGD', weight: 4, payFactor: 1.25 },
  { city: 'Sydney', country: 'AU', region: 'APAC', currency: 'AUD', weight: 3, payFactor: 1.3 },
];

export type StageGroup = 'screen' | 'technical' | 'onsite';

export interface Department {
  name: string;
  family: string;
  weight: number;
  /** Pay relative to engineering. */
  payFactor: number;
  titles: readonly string[];
  /** Alternative interview plans per stage group (a job picks one of each). */
  plans: Readonly<Record<StageGroup, readonly (readonly string[])[]>>;
}

const SCREENS = [['Recruiter Screen'], ['Preliminary Phone Screen', 'Recruiter Screen'], ['Preliminary Phone Screen', 'Recruiter Screen']] as const;
const BUSINESS_ONSITES = [
  ['Face to Face', 'Final Interview'],
  ['Onsite', 'Final Interview'],
  ['Face to Face', 'Onsite', 'Final Interview'],
] as const;

export const DEPARTMENTS: readonly Department[] = [
  {
    name: 'Engineering',
    family: 'engineering',
    weight: 40,
    payFactor: 1,
    titles: [
      'Software Engineer, Backend',
      'Software Engineer, Frontend',
      'Platform Engineer',
      'Site Reliability Engineer',
      'Mobile Engineer',
      'Machine Learning Engineer',
      'Security Engineer',
    ],
    plans: {
      screen: SCREENS,
      technical: [['Coding Interview'], ['Take Home Test', 'Coding Interview']],
      onsite: [
        ['System Design', 'Onsite', 'Final Interview'],
        ['Onsite', 'Final Interview'],
        ['Face to Face', 'System Design', 'Final Interview'],
      ],
    },
  },
  {
    name: 'Product',
    family: 'product',
    weight: 7,
    payFactor: 1,
    titles: ['Product Manager', 'Technical Product Manager'],
    plans: {
      screen: SCREENS,
      technical: [['Take Home Test']],
      onsite: [['Onsite', 'Final Interview'], ['Face to Face', 'Onsite', 'Final Interview']],
    },
  },
  {
    name: 'Design',
    family: 'design',
    weight: 5,
    payFactor: 0.9,
    titles: ['Product Designer', 'UX Researcher'],
    plans: {
      screen: SCREENS,
      technical: [['Take Home Test']],
      onsite: [['Onsite', 'Final Interview'], ['Face to Face', 'Onsite', 'Final Interview']],
    },
  },
  {
    name: 'Data',
    family: 'data',
    weight: 8,
    payFactor: 0.98,
    titles: ['Data Engineer', 'Data Scientist', 'Analytics Engineer'],
    plans: {
      screen: SCREENS,
      technical: [['Take Home Test'], ['Take Home Test', 'Coding Interview']],
      onsite: [['Onsite', 'Final Interview'], ['Face to Face', 'Final Interview']],
    },
  },
  {
    name: 'Sales',
    family: 'sales',
    weight: 15,
    payFactor: 0.85,
    titles: ['Account Executive', 'Account Executive, Enterprise', 'Sales Development Representative', 'Solutions Engineer'],
    plans: { screen: SCREENS, technical: [[], ['Take Home Test']], onsite: BUSINESS_ONSITES },
  },
  {
    name: 'Marketing',
    family: 'marketing',
    weight: 7,
    payFactor: 0.86,
    titles: ['Product Marketing Manager', 'Growth Marketing Manager', 'Content Marketing Manager'],
    plans: { screen: SCREENS, technical: [[], ['Take Home Test']], onsite: BUSINESS_ONSITES },
  },
  {
    name: 'Customer Success',
    family: 'support',
    weight: 9,
    payFactor: 0.74,
    titles: ['Customer Success Manager', 'Support Engineer', 'Implementation Manager'],
    plans: { screen: SCREENS, technical: [[], ['Take Home Test']], onsite: BUSINESS_ONSITES },
  },
  {
    name: 'People',
    family: 'people',
    weight: 4,
    payFactor: 0.8,
    titles: ['Recruiter', 'People Partner', 'Talent Sourcer'],
    plans: { screen: SCREENS, technical: [[]], onsite: BUSINESS_ONSITES },
  },
  {
    name: 'Finance',
    family: 'finance',
    weight: 5,
    payFactor: 0.88,
    titles: ['Financial Analyst', 'Accountant', 'FP&A Manager'],
    plans: { screen: SCREENS, technical: [[], ['Take Home Test']], onsite: BUSINESS_ONSITES },
  },
];

export interface LevelProfile {
  key: LevelKey;
  /** Share of jobs and of employees. */
  jobWeight: number;
  employeeWeight: number;
  /** Vendor-ish spellings with weights; all resolve through the default aliases (pipelines/reference/levels.ts). */
  spellings: readonly (readonly [string, number])[];
  /** Title prefixes (executive roles get their own titles). */
  titlePrefixes: readonly string[];
  /** Time-to-fill multiplier: senior roles take longer. */
  fillFactor: number;
}

export const LEVEL_PROFILES: Readonly<Record<LevelKey, LevelProfile>> = {
  entry: {
    key: 'entry', jobWeight: 12, employeeWeight: 14,
    spellings: [['Junior', 6], ['Entry', 2], ['L3', 2]],
    titlePrefixes: ['Junior '], fillFactor: 0.85,
  },
  mid: {
    key: 'mid', jobWeight: 35, employeeWeight: 34,
    spellings: [['Mid-Level', 6], ['Mid', 2], ['L4', 2]],
    titlePrefixes: [''], fillFactor: 0.95,
  },
  senior: {
    key: 'senior', jobWeight: 33, employeeWeight: 30,
    spellings: [['Senior', 6], ['Sr.', 2], ['L5', 2]],
    titlePrefixes: ['Senior ', 'Senior ', 'Sr. '], fillFactor: 1.05,
  },
  staff: {
    key: 'staff', jobWeight: 12, employeeWeight: 12,
    spellings: [['Staff', 7], ['L6', 3]],
    titlePrefixes: ['Staff '], fillFactor: 1.25,
  },
  principal: {
    key: 'principal', jobWeight: 5, employeeWeight: 6,
    spellings: [['Principal', 7], ['L7', 3]],
    titlePrefixes: ['Principal '], fillFactor: 1.35,
  },
  executive: {
    key: 'executive', jobWeight: 3, employeeWeight: 4,
    spellings: [['Director', 5], ['VP', 3], ['Executive', 2]],
    titlePrefixes: ['Director, ', 'VP, ', 'Head of '], fillFactor: 1.5,
  },
};

/**
 * Annual base pay bands in USD [low, high] by level and region. mid/senior/staff are the seed article's
 * table ("Ranges based on Levels.fyi and Glassdoor data for backend-focused roles"); the other rows are
 * extrapolated for the synthetic company.
 */
export const PAY_BANDS_USD: Readonly<Record<LevelKey, Readonly<Record<Region, readonly [number, number]>>>> = {
  entry: { US: [75_000, 100_000], EU: [50_000, 70_000], LatAm: [32_000, 50_000], APAC: [18_000, 32_000] },
  mid: { US: [100_000, 135_000], EU: [70_000, 95_000], LatAm: [50_000, 75_000], APAC: [30_000, 55_000] },
  senior: { US: [150_000, 180_000], EU: [95_000, 130_000], LatAm: [75_000, 100_000], APAC: [55_000, 85_000] },
  staff: { US: [180_000, 220_000], EU: [130_000, 170_000], LatAm: [100_000, 130_000], APAC: [85_000, 120_000] },
  principal: { US: [210_000, 260_000], EU: [150_000, 195_000], LatAm: [115_000, 150_000], APAC: [100_000, 140_000] },
  executive: { US: [250_000, 320_000], EU: [180_000, 240_000], LatAm: [140_000, 190_000], APAC: [120_000, 170_000] },
};

/** Median days to fill by region before level factors, tuned so the observed medians sit in the seed's ranges. */
export const FILL_MEDIAN_DAYS: Readonly<Record<Region, number>> = { US: 45, EU: 40, LatAm: 28, APAC: 25 };

/** Base offer acceptance probability by region (OAR varies by region; overall near the 85% healthy line). */
export const ACCEPT_BASE: Readonly<Record<Region, number>> = { US: 0.89, EU: 0.9, LatAm: 0.87, APAC: 0.84 };

/** USD per unit, 2024-2026 levels; the generator adds a small seeded monthly drift. */
export const FX_USD_PER_UNIT: Readonly<Record<string, number>> = {
  USD: 1,
  EUR: 1.08,
  GBP: 1.27,
  CHF: 1.13,
  PLN: 0.25,
  BRL: 0.19,
  MXN: 0.055,
  COP: 0.00025,
  INR: 0.012,
  SGD: 0.74,
  AUD: 0.66,
};

export interface Source {
  name: string;
  type: SourceType;
  /** Share of applications. */
  weight: number;
  /** Candidate quality: scales stage pass-through (referrals convert clearly better than job boards). */
  quality: number;
  /** Relative chance that an offer goes to a candidate from this source, per application. */
  hireWeight: number;
  /** Offer acceptance adjustment. */
  acceptShift: number;
}

export const SOURCES: readonly Source[] = [
  { name: 'Referral', type: 'referral', weight: 10, quality: 1.35, hireWeight: 3.0, acceptShift: 0.05 },
  { name: 'LinkedIn', type: 'sourced', weight: 12, quality: 1.12, hireWeight: 1.5, acceptShift: 0.01 },
  { name: 'LinkedIn', type: 'job_board', weight: 18, quality: 0.95, hireWeight: 0.8, acceptShift: -0.02 },
  { name: 'Indeed', type: 'job_board', weight: 17, quality: 0.82, hireWeight: 0.45, acceptShift: -0.03 },
  { name: 'Careers Page', type: 'inbound', weight: 22, quality: 0.97, hireWeight: 0.95, acceptShift: 0 },
  { name: 'Agency', type: 'agency', weight: 6, quality: 1.1, hireWeight: 1.4, acceptShift: -0.06 },
  { name: 'GitHub', type: 'sourced', weight: 6, quality: 1.12, hireWeight: 1.5, acceptShift: 0.02 },
  { name: 'University', type: 'university', weight: 9, quality: 0.9, hireWeight: 0.8, acceptShift: 0.03 },
];

export const CANCEL_REASONS: readonly (readonly [string, number])[] = [
  ['Cancelled', 45],
  ['Budget freeze', 35],
  ['Role redefined', 20],
];

export const REJECT_REASONS: Readonly<Record<'applied' | StageGroup, readonly (readonly [string, number])[]>> = {
  applied: [['Not a fit', 5], ['Insufficient experience', 3], ['Location or work authorization', 1]],
  screen: [['Not a fit', 4], ['Compensation expectations', 2], ['Insufficient experience', 2]],
  technical: [['Failed technical assessment', 4], ['Not a fit', 2]],
  onsite: [['Not a fit', 4], ['Another candidate selected', 2]],
};

export const WITHDRAW_REASONS: readonly (readonly [string, number])[] = [
  ['Accepted another offer', 4],
  ['Compensation expectations', 2],
  ['No longer interested', 3],
  ['Process too slow', 1],
  ['Relocation', 1],
];

export const DECLINE_REASONS: readonly (readonly [string, number])[] = [
  ['Accepted another offer', 45],
  ['Compensation expectations', 35],
  ['Counter-offer from current employer', 10],
  ['Personal reasons', 10],
];

/** Round to three significant digits, the way offer letters and payroll show salaries. */
export function roundSalary(value: number): number {
  if (value <= 0) return 0;
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(value)) - 2);
  return Math.round(value / unit) * unit;
}
