/** `hirescope generate`: deterministic, realistic sample data. */
import type { Output } from '../lib/output.ts';
import { UsageError } from '../lib/output.ts';

interface GenerateArgs {
  seed: string;
  scale: string;
  out?: string | undefined;
  end: string;
  format: string;
}

export async function generateCommand(args: GenerateArgs, out: Output): Promise<number> {
  const seed = Number(args.seed);
  const scale = Number(args.scale);
  if (!Number.isInteger(seed)) throw new UsageError('--seed must be a whole number');
  if (!(scale > 0)) throw new UsageError('--scale must be a number greater than 0');
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
