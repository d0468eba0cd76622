/** What the config lets the site show about people who are staff (issue 18: job owners). */
import type { Config } from './config.ts';

/**
 * Whether a job's recruiter and hiring manager may reach the snapshot and the site (`privacy.owners`,
 * default "show"). Candidate names never do, whatever this says.
 */
export function ownersVisible(config: Pick<Config, 'privacy'>): boolean {
  return config.privacy.owners === 'show';
}
