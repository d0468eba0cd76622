/** `hirescope.config.json` (optional), checked with zod. Later sections add their own keys here. */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';

export const configSchema = z
  .object({
    /** Organisation time zone: days are counted as calendar days here; naive timestamps are read here. */
    timeZone: z.string().default('UTC'),
    /** Folder the scheduled refresh reads exports from. */
    inbox: z.string().default('data/inbox'),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;

/** Load a config file; a missing default file gives the defaults, a missing explicit file is an error. */
export function loadConfig(file: string | undefined): Config {
  const chosen = file ?? 'hirescope.config.json';
  if (!existsSync(chosen)) {
    if (file) throw new Error(`config file ${file} not found`);
    return configSchema.parse({});
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(chosen, 'utf8'));
  } catch (error) {
    throw new Error(`${chosen}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`${chosen}: ${issues}`);
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone: parsed.data.timeZone });
  } catch {
    throw new Error(`${chosen}: timeZone: unknown time zone "${parsed.data.timeZone}"`);
  }
  return parsed.data;
}
