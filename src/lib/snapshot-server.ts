/**
 * Build-time access to the snapshot (server only: reads files). Every JSON file is checked against its
 * shared schema; cubes are decoded from Arrow. The browser loads the same files over HTTP.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  alertsSnapshotSchema,
  cubes as cubeSpecs,
  manifestSchema,
  metaSchema,
  paySnapshotSchema,
  qualitySnapshotSchema,
  type CubeName,
} from '../../pipelines/contract/snapshot.ts';
import { plannerSnapshotSchema } from '../../pipelines/contract/planSchema.ts';
import { requisitionsFromColumns, requisitionsReportSchema, requisitionsSnapshotSchema } from '../../pipelines/contract/requisitions.ts';
import { payGapSnapshotSchema } from '../../pipelines/contract/payGapSnapshot.ts';
import { cubeFromIpc, type Cube } from './cube.ts';

/** Where the snapshot is read at build time (the refresh command sets it; default data/snapshot). */
export const snapshotDir = path.resolve(process.env.HIRESCOPE_SNAPSHOT_DIR ?? path.join(process.cwd(), 'data', 'snapshot'));

const json = (name: string) => JSON.parse(readFileSync(path.join(snapshotDir, name), 'utf8')) as unknown;

let cache: ReturnType<typeof load> | undefined;

function load() {
  const cubes = {} as Record<CubeName, Cube>;
  for (const [name, spec] of Object.entries(cubeSpecs) as [CubeName, (typeof cubeSpecs)[CubeName]][]) {
    cubes[name] = cubeFromIpc(new Uint8Array(readFileSync(path.join(snapshotDir, spec.file))));
  }
  return {
    manifest: manifestSchema.parse(json('manifest.json')),
    meta: metaSchema.parse(json('meta.json')),
    pay: paySnapshotSchema.parse(json('pay.json')),
    payGap: payGapSnapshotSchema.parse(json('pay_gap.json')),
    alerts: alertsSnapshotSchema.parse(json('alerts.json')),
    quality: qualitySnapshotSchema.parse(json('quality.json')),
    planner: plannerSnapshotSchema.parse(json('planner.json')),
    requisitions: readRequisitions(),
    cubes,
  };
}

/** requisitions.json and the rows of requisitions.arrow, checked as one document. */
function readRequisitions() {
  const { rows, ...meta } = requisitionsSnapshotSchema.parse(json('requisitions.json'));
  const cube = cubeFromIpc(new Uint8Array(readFileSync(path.join(snapshotDir, 'requisitions.arrow'))));
  if (cube.length !== rows) throw new Error(`requisitions.arrow holds ${cube.length} rows, requisitions.json says ${rows}`);
  return requisitionsReportSchema.parse({ ...meta, requisitions: requisitionsFromColumns(cube.columns, cube.length) });
}

/** The whole snapshot, read once per build. */
export function readSnapshot() {
  cache ??= load();
  return cache;
}
export type ServerSnapshot = ReturnType<typeof readSnapshot>;
