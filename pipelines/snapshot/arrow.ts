/** Cubes as Arrow IPC files with explicit column types (never inferred from values). */
import { Dictionary, Int32, Int8, Table, Utf8, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import type { CubeColumnType } from '../schemas/snapshot.ts';

function vectorOf(values: unknown[], type: CubeColumnType): Vector {
  switch (type) {
    case 'category':
      return vectorFromArray(
        values.map((v) => (v === null || v === undefined ? null : String(v))),
        new Dictionary(new Utf8(), new Int32()),
      );
    case 'int8':
      return vectorFromArray(values.map((v) => (v === null ? null : Number(v))), new Int8());
    case 'int32':
      return vectorFromArray(values.map((v) => (v === null ? null : Number(v))), new Int32());
  }
}

/** Build the IPC bytes of a cube from its columns (every declared column must be present). */
export function cubeToIpc(columns: Record<string, unknown[]>, spec: Readonly<Record<string, CubeColumnType>>): Uint8Array {
  const vectors: Record<string, Vector> = {};
  for (const [name, type] of Object.entries(spec)) {
    const values = columns[name];
    if (!values) throw new Error(`cube column ${name} missing from the query`);
    vectors[name] = vectorOf(values, type);
  }
  return tableToIPC(new Table(vectors), 'file');
}
