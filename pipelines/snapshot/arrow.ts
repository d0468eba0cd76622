/** Cubes as Arrow IPC files with explicit column types (never inferred from values). */
import { constants, zstdCompressSync, zstdDecompressSync } from 'node:zlib';
import { CompressionType, Dictionary, Int16, Int32, Int8, Table, Utf8, compressionRegistry, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import type { CubeColumnType } from '../contract/snapshot.ts';

// Cube bodies are Zstandard-compressed (Arrow IPC body compression): sorted dictionary indexes and small
// counts shrink several times. Node's zlib encodes; the site decodes with fzstd (src/lib/cube.ts). Level 9,
// not the default 3: with the owner dimensions on every hiring cube, the bench-scale cubes measured 1,310 KB
// at level 3, 1,155 KB at 9, 1,058 KB at 15 (+2.7 s of encoding) and 989 KB at 19 (+5 s).
const level = { params: { [constants.ZSTD_c_compressionLevel]: 9 } };
compressionRegistry.set(CompressionType.ZSTD, {
  encode: (data) => new Uint8Array(zstdCompressSync(data, level)),
  decode: (data) => new Uint8Array(zstdDecompressSync(data)),
});

function vectorOf(values: unknown[], type: CubeColumnType): Vector {
  switch (type) {
    case 'category': {
      // The narrowest index type that fits the distinct values: most cubes have a few dozen categories.
      const texts = values.map((v) => (v === null || v === undefined ? null : String(v)));
      const distinct = new Set(texts).size;
      const index = distinct < 127 ? new Int8() : distinct < 32_767 ? new Int16() : new Int32();
      return vectorFromArray(texts, new Dictionary(new Utf8(), index));
    }
    case 'int8':
      return vectorFromArray(values.map((v) => (v === null ? null : Number(v))), new Int8());
    case 'int32': {
      // Declared 32-bit; stored in 16 bits when every value fits (counts and day numbers mostly do).
      const numbers = values.map((v) => (v === null ? null : Number(v)));
      const fits16 = numbers.every((v) => v === null || (v >= -32_768 && v <= 32_767));
      return vectorFromArray(numbers, fits16 ? new Int16() : new Int32());
    }
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
  return tableToIPC(new Table(vectors), 'file', CompressionType.ZSTD);
}
