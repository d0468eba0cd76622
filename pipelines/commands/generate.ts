/** `hirescope generate`: deterministic, realistic sample data. */
import type { Output } from '../lib/output.ts';
import { UsageError } from '../lib/output.ts';
import { MAX_SCALE } from '../lib/config.ts';

interface GenerateArgs {
  seed: string;
  scale: string;
  out?: string | undefined;
  end: string;
  format: string;
}

export async function generateCommand(args: GenerateArgs, out: Output): Promise<number> {
  const seed = Number(args.seed);
  // Number('') is 0 and Number(' 2 ') is 2: only a plain decimal number is a scale.
  const scale = /^\s*[+]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(args.scale) ? Number(args.scale) : NaN;
  if (!Number.isInteger(seed)) throw new UsageError('--seed must be a whole number');
  if (!(scale > 0)) throw new UsageError(`--scale must be a number greater than 0 and at most ${MAX_SCALE}, got "${args.scale}"`);
  // Memory and disk grow with the scale: the largest allowed is named, so a typo (1e9) is not a crash.
  if (scale > MAX_SCALE) throw new UsageError(`--scale ${args.scale} is too large: the largest allowed is ${MAX_SCALE} (the bench uses 500)`);
  if (!args.out) throw new UsageError('--out DIR is required');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(args.end)) throw new UsageError('--end must be a date YYYY-MM-DD');
  // Loaded on demand: the generator is only needed by this command.
  const { vendorFormats, generateFormat } = await import('../generate/formats/index.ts');
  const format = vendorFormats.find((f) => f === args.format);
  if (args.format !== 'canonical' && !format) {
    throw new UsageError(`--format must be canonical or one of ${vendorFormats.join(', ')}`);
  }
  const { generate } = await import('../generate/index.ts');
  const options = { seed, scale, outDir: args.out, end: args.end };
  const result = format ? await generateFormat(format, options) : await generate(options);
  if (out.isJson) out.json({ outDir: args.out, seed, scale, end: args.end, format: args.format, files: result.files });
  else {
    for (const [name, rows] of Object.entries(result.files)) out.info(`${name.padEnd(20)} ${rows} rows`);
    out.info(`sample written to ${args.out}`);
  }
  return 0;
}
