/** Owner views' rules, shared by the CLI and the site (no zod here: the browser imports it). */
/** A rate (offer acceptance, a stage's pass-through) on fewer events than this is shown as "too few". */
export const minRateEvents = 5;
export const tooFewText = 'too few';
/** The owner of a job without a recruiter or hiring manager. */
export const unassignedOwner = 'Unassigned';
