/**
 * The 95% Wilson score interval of a proportion (Wilson 1927). The SQL of the metrics uses the macros
 * hs_wilson_low / hs_wilson_high (pipelines/sql/staging/contract.sql), installed with `wilsonZ` from here;
 * test/metrics/contract.test.ts checks they equal `wilson` on many (k, n).
 */
/** The two-sided 95% normal quantile. */
export const wilsonZ = 1.959963984540054;

export function wilson(successes: number, n: number): [number, number] | null {
  if (n === 0) return null;
  const z = wilsonZ;
  const p = successes / n;
  const denominator = 1 + (z * z) / n;
  const centre = p + (z * z) / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [(centre - half) / denominator, (centre + half) / denominator];
}
