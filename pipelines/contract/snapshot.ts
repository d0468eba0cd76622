/**
 * The site snapshot (DESIGN §1, §6): filterable cubes as Arrow IPC files and small JSON files, each with
 * its schema. Shared by the snapshot writer and the site; no DuckDB here. Every cube holds counts over
 * months and categories — never a row that describes one person.
 */
import { z } from 'zod';
import { alertsReportSchema } from './alerts.ts';
import { dataQualitySchema, offersVsBandsSchema, payBandSchema, regionSchema } from './metrics.ts';
import { rateCellSchema } from './tiles.ts';

export { cubes, type CubeColumnType, type CubeName, type CubeSpec } from './cubes.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * What a warehouse holds: the bundled synthetic `sample`, `real` exports, or nothing (`empty`, after
 * `hirescope reset`). The two never share a warehouse: the first refresh that finds real exports on a
 * sample warehouse starts a clean one.
 */
export const dataOrigins = ['sample', 'real', 'empty'] as const;
export type DataOrigin = (typeof dataOrigins)[number];

/** When and why the warehouse was last started empty (sample replaced by exports, `reset`, `--fresh`). */
export const cleanStartSchema = z.object({ runId: z.string(), at: z.string(), reason: z.string() });
export type CleanStart = z.infer<typeof cleanStartSchema>;

export const manifestSchema = z.object({
  version: z.literal(1),
  asOf: isoDate,
  refreshedAt: z.string(),
  timeZone: z.string(),
  /** The site shows a "Sample data" banner on every page while this is `sample`. */
  data: z.enum(dataOrigins),
  cleanStart: cleanStartSchema.nullable(),
  rows: z.record(z.string(), z.number().int().nonnegative()),
  files: z.array(
    z.object({
      name: z.string(),
      kind: z.string().nullable(),
      sha256: z.string(),
      rowsRead: z.number().int(),
      rowsLoaded: z.number().int(),
      rowsRejected: z.number().int(),
      status: z.string(),
    }),
  ),
  cubes: z.record(z.string(), z.object({ file: z.string(), rows: z.number().int(), bytes: z.number().int() })),
});
export type Manifest = z.infer<typeof manifestSchema>;

export const metaSchema = z.object({
  asOf: isoDate,
  months: z.array(z.string().regex(/^\d{4}-\d{2}$/)),
  departments: z.array(z.string()),
  regions: z.array(z.string()),
  levels: z.array(z.string()),
  /** The job's owners the filters offer (issue 18); empty, and ownersHidden true, under privacy.owners "hide". */
  recruiters: z.array(z.string()),
  hiringManagers: z.array(z.string()),
  ownersHidden: z.boolean(),
  /** Config offerAcceptance: the default lines and the cells per department / region (contract/thresholds.ts). */
  thresholds: z.object({ healthy: z.number(), alarm: z.number(), minOffers: z.number().int(), cells: z.array(rateCellSchema).optional() }),
  timeToFillBenchmark: z.object({ days: z.number(), source: z.string() }),
  regionBenchmarks: z.array(z.object({ region: z.string(), low: z.number(), high: z.number(), source: z.string() })),
  minCell: z.number().int(),
  /**
   * How fresh the data was when the site was built (pipelines/metrics/asOf.ts freshnessOf, against the
   * refresh time, the CLI's rule): the newest event's day, its age in days and the configured staleAfterDays.
   */
  freshness: z.object({
    newestEvent: isoDate.nullable(),
    staleDays: z.number().int().nonnegative().nullable(),
    staleAfterDays: z.number().int().nonnegative(),
    stale: z.boolean(),
  }),
});
export type Meta = z.infer<typeof metaSchema>;

/**
 * The disclosure rules the pay views were published with (pipelines/disclosure/rules.ts; README "What is
 * published"): minCell, exactFrom, the grid below and from exactFrom, digits of ratios, people for P10/P90.
 */
export const disclosureSchema = z.object({
  minCell: z.number().int(),
  exactFrom: z.number().int(),
  gridBelowExactFrom: z.number().int(),
  gridFromExactFrom: z.number().int(),
  ratioDigits: z.number().int(),
  tailsFrom: z.number().int(),
});

export const payViewSchema = z.object({
  department: z.string().nullable(),
  payBands: z.array(payBandSchema),
  offersVsBands: offersVsBandsSchema,
});
export const paySnapshotSchema = z.object({
  asOf: isoDate,
  minCell: z.number().int(),
  /** The finest grid of published pay (cells of exactFrom people or more); smaller cells: disclosure.gridBelowExactFrom. */
  roundedTo: z.number().int(),
  disclosure: disclosureSchema,
  views: z.array(payViewSchema),
});
export type PaySnapshot = z.infer<typeof paySnapshotSchema>;

export const qualitySnapshotSchema = z.object({
  asOf: isoDate,
  files: z.array(
    z.object({
      name: z.string(),
      kind: z.string().nullable(),
      status: z.string(),
      rowsRead: z.number().int(),
      rowsLoaded: z.number().int(),
      rowsRejected: z.number().int(),
      message: z.string().nullable(),
      ingestedAt: z.string(),
    }),
  ),
  /** Quarantined rows grouped by file, column and reason: counts and a few line numbers, never values. */
  rejects: z.array(
    z.object({ file: z.string(), column: z.string().nullable(), reason: z.string(), count: z.number().int(), lines: z.array(z.number().int()) }),
  ),
  /** Canonical rows derived from vendor exports, and vendor rows left out by rule, per entity (counts only). */
  derived: z.array(
    z.object({
      vendor: z.string(),
      entity: z.string(),
      rows: z.number().int(),
      leftOut: z.array(z.object({ reason: z.string(), rows: z.number().int() })),
    }),
  ),
  totals: dataQualitySchema,
  /** Values of dimension columns replaced by "Other (redacted)" at ingest (an e-mail, phone or profile URL), per table and column. */
  redacted: z.array(z.object({ table: z.string(), column: z.string(), rows: z.number().int() })),
  lastRun: z
    .object({ runId: z.number().int(), command: z.string(), startedAt: z.string(), status: z.string(), error: z.string().nullable() })
    .nullable(),
  /** The refresh run id (the run history's) or, for a run the warehouse recorded, its number as text. */
  lastFailedRun: z
    .object({ runId: z.string().min(1), command: z.string(), startedAt: z.string(), error: z.string().nullable() })
    .nullable(),
  latestDataAt: z.string().nullable(),
  /** Stage names no mapping covers, with the number of stage-history rows under each (counts only). */
  unmappedStageRows: z.array(z.object({ name: z.string(), rows: z.number().int().nonnegative() })),
});
export type QualitySnapshot = z.infer<typeof qualitySnapshotSchema>;

export const alertsSnapshotSchema = alertsReportSchema;
export { regionSchema };
