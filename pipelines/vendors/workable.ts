/**
 * Workable: the candidates of the API (`GET /spi/v3/candidates`, one candidate per person and job) flattened
 * to CSV, plus optionally its jobs (`GET /spi/v3/jobs`) and disqualification reasons
 * (`GET /spi/v3/disqualification_reasons`). Column names are the API's keys; nested keys flattened with a
 * dot, a slash or an underscore (`job.shortcode`, `job__shortcode`: headers ignore underscores).
 *
 * The export is lossy, and the adapter says so rather than guessing (docs/importing.md): one row per
 * candidate with the CURRENT stage only — no stage history, no openings, no offers. Derived: jobs,
 * applications (hired / disqualified / active) and one open stay per application at its current stage,
 * which carries the funnel's furthest stage. Time to fill, offer acceptance, offer speed and time in stage
 * cannot come from it.
 */
import { vendorTables, type Vendor } from './types.ts';

export const workable: Vendor = {
  name: 'workable',
  label: 'Workable',
  derives: ['jobs', 'applications', 'stage_history'],
  tables: vendorTables('workable', [
    {
      base: 'candidates',
      key: ['id'],
      signature: ['job_shortcode', 'stage', 'disqualified', 'created_at'],
      columns: [
        { name: 'id', type: 'id', required: true },
        // Talent-pool candidates have no job: kept in the raw table, left out of the applications.
        { name: 'job_shortcode', type: 'id', aliases: ['job.shortcode', 'job/shortcode'] },
        { name: 'job_title', type: 'text', aliases: ['job.title', 'job/title', 'job'] },
        // The stage's name, or its slug as the candidate list gives it (`phone-screen`).
        { name: 'stage', type: 'text', aliases: ['stage_name'] },
        { name: 'disqualified', type: 'boolean' },
        { name: 'disqualification_reason', type: 'text' },
        { name: 'disqualified_at', type: 'timestamp_utc' },
        { name: 'hired_at', type: 'timestamp_utc' },
        { name: 'sourced', type: 'boolean' },
        // Where the candidate came from: the referrer or job board (`domain`), or the UI's "Source".
        { name: 'domain', type: 'text', aliases: ['source'] },
        { name: 'created_at', type: 'timestamp_utc', required: true },
      ],
    },
    {
      base: 'jobs',
      key: ['shortcode'],
      signature: ['title', 'state'],
      columns: [
        { name: 'shortcode', type: 'id', required: true },
        { name: 'title', type: 'text' },
        { name: 'department', type: 'text' },
        { name: 'state', type: 'text' },
        { name: 'created_at', type: 'timestamp_utc' },
        { name: 'location_city', type: 'text', aliases: ['location.city', 'location/city', 'city'] },
        { name: 'location_country', type: 'text', aliases: ['location.country', 'location/country', 'country'] },
        {
          name: 'location_country_code',
          type: 'text',
          aliases: ['location.country_code', 'location/country_code', 'country_code'],
        },
        { name: 'location_str', type: 'text', aliases: ['location.location_str', 'location/location_str', 'location'] },
        // Job custom attributes flattened by the user (Workable has no level of its own).
        { name: 'level', type: 'text' },
        { name: 'role_family', type: 'text' },
      ],
    },
    {
      base: 'disqualification_reasons',
      key: ['description'],
      signature: ['candidate_withdrew'],
      hints: ['disqualification_reasons', 'reasons'],
      columns: [
        { name: 'description', type: 'text', required: true },
        { name: 'candidate_withdrew', type: 'boolean', required: true },
        { name: 'id', type: 'id' },
      ],
    },
  ]),
};
