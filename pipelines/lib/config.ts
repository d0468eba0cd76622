/** `hirescope.config.json` (optional), checked with zod. */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { disclosureRules } from '../contract/disclosure.ts';
import { levelKeys, regionKeys } from '../contract/dimensions.ts';
import { stageKeys } from '../contract/stages.ts';
import { maybeCadenceError } from '../digest/cadence.ts';
import { defaultRateLines } from '../contract/status.ts';
import { rateCellSchema } from '../contract/tiles.ts';

/**
 * The last day of the bundled sample (data/sample, `npm run sample`): the generator's default --end, and
 * the as-of of a refresh that publishes the sample.
 */
export const DEFAULT_END = '2026-09-30';

/**
 * The largest `generate --scale`: twice the bench's 500. The generator's memory grows with the scale
 * (planned jobs, repeat candidates) and so does a refresh of what it writes; figures in BENCHMARKS.md
 * ("Figures behind the code").
 */
export const MAX_SCALE = 1000;

const stageKey = z.enum(stageKeys);
const levelKey = z.enum(levelKeys);
const regionKey = z.enum(regionKeys);
const alertLevel = z.enum(['watch', 'alarm']);

/** Alert rules (DESIGN §3, issue "metrics"): each is an SQL file in pipelines/sql/alerts returning breach rows. */
export const alertRuleSchema = z.discriminatedUnion('rule', [
  z.object({ rule: z.literal('offer-acceptance'), enabled: z.boolean().default(true) }).strict(),
  z.object({ rule: z.literal('region-time-to-fill'), enabled: z.boolean().default(true), level: alertLevel.default('watch') }).strict(),
  z
    .object({
      rule: z.literal('opening-age'),
      enabled: z.boolean().default(true),
      level: alertLevel.default('watch'),
      maxDays: z.number().int().positive().default(90),
    })
    .strict(),
  z
    .object({
      rule: z.literal('stage-pass-through-drop'),
      enabled: z.boolean().default(true),
      level: alertLevel.default('watch'),
      maxDropPoints: z.number().positive().default(15),
      periodDays: z.number().int().positive().default(90),
    })
    .strict(),
]);
export type AlertRule = z.infer<typeof alertRuleSchema>;

export const defaultAlertRules: AlertRule[] = [
  { rule: 'offer-acceptance', enabled: true },
  { rule: 'region-time-to-fill', enabled: true, level: 'watch' },
  { rule: 'opening-age', enabled: true, level: 'watch', maxDays: 90 },
  { rule: 'stage-pass-through-drop', enabled: true, level: 'watch', maxDropPoints: 15, periodDays: 90 },
];

export const configSchema = z
  .object({
    /** Organisation time zone: days are counted as calendar days here; naive timestamps are read here. */
    timeZone: z.string().default('UTC'),
    /**
     * Days after which the data counts as stale: the CLI warns and the site says so when the newest event
     * (the default as-of, pipelines/metrics/asOf.ts) is older than this.
     */
    staleAfterDays: z.number().int().nonnegative().default(14),
    /** Folder the scheduled refresh reads exports from. */
    inbox: z.string().default('data/inbox'),
    /**
     * Largest file `ingest` and the refresh read, in bytes (default 10 GiB): a bigger one is refused,
     * named with its size, before it is read or archived.
     */
    maxFileBytes: z.number().int().positive().default(10 * 1024 ** 3),
    /** Offer acceptance status lines (DESIGN §3): healthy at or above, alarm below, insufficient under minOffers. */
    offerAcceptance: z
      .object({
        healthy: z.number().min(0).max(1).default(defaultRateLines.healthy),
        alarm: z.number().min(0).max(1).default(defaultRateLines.alarm),
        minOffers: z.number().int().nonnegative().default(defaultRateLines.minOffers),
        /** Lines per department and/or region (README "Compared with what"): the most specific matching cell wins. */
        cells: z.array(rateCellSchema).optional(),
      })
      .strict()
      .refine((t) => t.alarm <= t.healthy, 'alarm must not be above healthy')
      .default({ ...defaultRateLines }),
    /** The planner (README "Planner"): pass-through rates and stage durations of the last `months` months. */
    planner: z.object({ months: z.number().int().min(1).max(60).default(6) }).strict().default({ months: 6 }),
    /** Extra or overriding stage-name mappings: vendor name -> canonical stage key. */
    stageMap: z.record(z.string(), stageKey).default({}),
    /**
     * Stage names that end an application (stage logs without a status column): the stage sets the
     * application's outcome when no status says otherwise. Over the defaults Hired, Rejected, Withdrawn.
     */
    terminalStages: z.record(z.string(), z.enum(['hired', 'rejected', 'withdrew'])).default({}),
    /**
     * Canonical files that are whole exports of their entity (true: every entity; or a list such as
     * ["jobs", "openings"]): a newer file removes the rows it no longer holds. Vendor tables always are.
     */
    fullExports: z
      .union([z.boolean(), z.array(z.enum(['jobs', 'openings', 'applications', 'stage_history', 'offers', 'compensation', 'benchmarks', 'fx_rates']))])
      .default(false),
    /** Extra or overriding level aliases: alias -> canonical level. */
    levelAliases: z.record(z.string(), levelKey).default({}),
    /** Country (ISO alpha-2 code or English name) -> region overrides. */
    countryRegions: z.record(z.string(), regionKey).default({}),
    /** Time-to-fill benchmark ranges in days per region, overriding the seed article's. */
    regionBenchmarks: z.partialRecord(regionKey, z.tuple([z.number().nonnegative(), z.number().nonnegative()])).default({}),
    /** The overall time-to-fill benchmark in days (SHRM: 62). */
    timeToFillBenchmarkDays: z.number().positive().optional(),
    alerts: z.array(alertRuleSchema).default(defaultAlertRules),
    /**
     * Issue 18: a job's recruiter and hiring manager are staff in their work role and are shown on the site
     * ("show"); "hide" leaves them out of the snapshot and the site (read through ownersVisible, lib/privacy.ts).
     */
    privacy: z
      .object({ owners: z.enum(['show', 'hide']).default('show') })
      .strict()
      .default({ owners: 'show' }),
    /**
     * What a refresh keeps on disk (README "Disk"): `generations` published generations (the current one
     * and the previous complete ones, each a warehouse, snapshot and site), and the archived exports of
     * the last `archiveRuns` runs plus whatever `rebuild` needs to give the same warehouse.
     */
    retention: z
      .object({
        generations: z.number().int().min(1, 'retention.generations may not be below 1 (the current one)').default(3),
        archiveRuns: z.number().int().min(1, 'retention.archiveRuns may not be below 1').default(30),
      })
      .strict()
      .default({ generations: 3, archiveRuns: 30 }),
    /** Webhook (Slack-compatible) for failed refreshes and new alarms; HIRESCOPE_WEBHOOK_URL overrides. */
    notify: z.object({ webhookUrl: z.url().optional() }).strict().default({}),
    /**
     * The digest (README "Weekly digest"): after a successful refresh, when due by `every` (weekly,
     * daily or a cron expression; the state folder remembers the last one), the KPI tiles over the last
     * `periodDays` days compared as the site's tiles, new and resolved alerts, the oldest open
     * openings and a link to `siteUrl`: POSTed to `webhookUrl` (else notify.webhookUrl /
     * HIRESCOPE_WEBHOOK_URL) and written as an HTML e-mail body to `htmlFile`.
     */
    digest: z
      .object({
        enabled: z.boolean().default(false),
        every: z.string().default('weekly').superRefine((every, context) => {
          const error = maybeCadenceError(every);
          if (error) context.addIssue({ code: 'custom', message: error });
        }),
        periodDays: z.number().int().positive().default(90),
        webhookUrl: z.url().optional(),
        htmlFile: z.string().optional(),
        siteUrl: z.url({ protocol: /^https?$/ }).optional(),
      })
      .strict()
      .default({ enabled: false, every: 'weekly', periodDays: 90 }),
    /**
     * The refresh lock (README "Scheduled refreshes"): a lock taken on another host (a shared folder) is
     * stale after this many hours; on this host a lock is stale as soon as its process is gone.
     */
    lock: z.object({ staleAfterHours: z.number().positive().default(24) }).strict().default({ staleAfterHours: 24 }),
    /** Vendor exports (docs/importing.md): what the adapters leave out, and what they cannot read from the export. */
    vendors: z
      .object({
        /** Greenhouse prospects (not yet applicants) count as applications. */
        includeProspects: z.boolean().default(false),
        /** Candidates migrated into the ATS from an earlier system count as applications. */
        includeMigrated: z.boolean().default(false),
        /** Office name or id -> country (ISO code or English name), when the office's location text does not say. */
        officeCountries: z.record(z.string(), z.string()).default({}),
        /** A custom column mapping file (docs/importing.md) used by ingest and refresh when --mapping is not given. */
        mapping: z.string().optional(),
        /** Rejection or archive reason text -> rejection type, over the shipped defaults. */
        rejectionTypes: z.record(z.string(), z.enum(['rejected', 'withdrew', 'other'])).default({}),
        /**
         * The job custom field that holds the level in a warehouse sync (`custom_employee_level_designation`);
         * default: the first custom level column the adapter reads that has a value (docs/importing.md).
         */
        levelField: z.string().regex(/^[a-z0-9_]+$/, 'vendors.levelField is a column name: lower-case letters, digits and _').optional(),
      })
      .strict()
      .default({ includeProspects: false, includeMigrated: false, officeCountries: {}, rejectionTypes: {} }),
    /**
     * Pay confidentiality (DESIGN §4, issue 15; the rules: pipelines/disclosure/rules.ts): cells with fewer
     * employees than minCell are suppressed (never below 3); cells under exactFrom publish Harrell-Davis
     * percentiles on a coarser grid.
     */
    pay: z
      .object({
        minCell: z.number().int().min(3, 'pay.minCell may not be below 3').default(disclosureRules.minCell),
        exactFrom: z
          .number()
          .int()
          .min(2, 'pay.exactFrom may not be below 2')
          .max(200, 'pay.exactFrom may not be above 200')
          .default(disclosureRules.exactFrom),
      })
      .strict()
      .default({ minCell: disclosureRules.minCell, exactFrom: disclosureRules.exactFrom }),
    /**
     * The pay-gap report (issue 19, docs/pay-equity.md): report currency, hours of a full-time week (hours
     * from fte x standardHours), and the fewest women and men behind any published figure (never below 3).
     */
    payGap: z
      .object({
        currency: z.string().regex(/^[A-Za-z]{3}$/, 'payGap.currency is a three-letter code').transform((c) => c.toUpperCase()).default('EUR'),
        standardHours: z.number().positive().max(168).default(40),
        minCell: z.number().int().min(3, 'payGap.minCell may not be below 3').default(disclosureRules.minCell),
      })
      .strict()
      .default({ currency: 'EUR', standardHours: 40, minCell: disclosureRules.minCell }),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;

/** Read a JSON file checked by `schema`; errors name the file and the key at fault. */
export function readJsonFile<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`${file}: ${issues}`);
  }
  return parsed.data;
}

/** Load a config file; a missing default file gives the defaults, a missing explicit file is an error. */
export function loadConfig(file: string | undefined): Config {
  const chosen = file ?? 'hirescope.config.json';
  if (!existsSync(chosen)) {
    if (file) throw new Error(`config file ${file} not found`);
    return configSchema.parse({});
  }
  const config = readJsonFile(chosen, configSchema);
  try {
    new Intl.DateTimeFormat('en', { timeZone: config.timeZone });
  } catch {
    throw new Error(`${chosen}: timeZone: unknown time zone "${config.timeZone}"`);
  }
  return config;
}
