/**
 * Lever synced by Fivetran into a warehouse, each table exported to CSV (`COPY (SELECT * FROM
 * lever.opportunity) TO 'opportunity.csv' (HEADER)`): the layout of Fivetran's Lever connector as
 * fivetran/dbt_lever_source reads it (macros/get_*_columns.sql, integration_tests/seeds/). Table names
 * are singular, columns snake_case (`archived_reason_id`, `posting_id`, `requisition_for_hire_id`),
 * arrays of the API are child tables (`opportunity_stage_history`, `opportunity_source`,
 * `requisition_posting`), timestamps are warehouse timestamps without an offset (UTC).
 *
 * Every table Fivetran writes carries `_fivetran_synced`, and it is in every signature here: the plain
 * Lever API export (vendor `lever`, camelCase columns that normalise to the same names: `createdAt` ~
 * `created_at`) never has it, so the two layouts cannot be taken for each other. Soft deletes
 * (`_fivetran_deleted`, and `is_deleted` / `deleted_at` when a table has them) leave the row out of the
 * derivation, and the rows of a deleted parent with it (pipelines/sql/vendors/fivetran-lever/).
 *
 * Tables Fivetran syncs that hirescope does not use (users, interviews, feedback, tags, contact data,
 * resumes) are declared `unused`: recognised by their identifying columns and reported as ignored.
 * See docs/importing.md for the export recipe and what the layout cannot carry (offer send and
 * acceptance times, offer salary, the closing time of a requisition).
 */
import type { ColumnSpec } from '../ingest/entities.ts';
import { offerStatuses } from './lever.ts';
import { vendorTables, type Vendor } from './types.ts';

const synced: ColumnSpec = { name: '_fivetran_synced', type: 'timestamp_utc' };

/** Fivetran's bookkeeping columns: the sync time, and the soft-delete flags a table may carry. */
const fivetran: readonly ColumnSpec[] = [
  synced,
  { name: '_fivetran_deleted', type: 'boolean' },
  { name: 'is_deleted', type: 'boolean' },
  { name: 'deleted_at', type: 'timestamp_utc' },
];

/** An id column, not required. */
const id = (name: string): ColumnSpec => ({ name, type: 'id' });
const at = (name: string): ColumnSpec => ({ name, type: 'timestamp_utc' });

/** A table hirescope does not use: only the columns that identify it (never loaded, never derived). */
const unused = (base: string, identifying: readonly string[], hints?: readonly string[]) => ({
  base,
  key: [identifying[0]!],
  unused: true,
  signature: [...identifying, '_fivetran_synced'],
  columns: [...identifying.map(id), synced],
  ...(hints ? { hints } : {}),
});

export const fivetranLever: Vendor = {
  name: 'fivetran-lever',
  label: 'Lever synced by Fivetran',
  // Openings after applications: an opening's hire is the hired opportunity whose application names the
  // requisition (`requisition_for_hire_id`). Stage history and offers follow the opportunities kept.
  derives: ['jobs', 'applications', 'openings', 'stage_history', 'offers'],
  tables: vendorTables('fivetran-lever', [
    {
      // A candidate's pipeline for one job; `stage_id` is only its current stage (the history is below).
      base: 'opportunity',
      key: ['id'],
      signature: ['contact', 'created_at', 'origin', '_fivetran_synced'],
      columns: [
        { name: 'id', type: 'id', required: true },
        id('contact'),
        at('created_at'),
        { name: 'origin', type: 'text' },
        at('archived_at'),
        id('archived_reason_id'),
        ...fivetran,
      ],
    },
    {
      // One row per stage change: the stage entered and when, no exit time.
      base: 'opportunity_stage_history',
      key: ['opportunity_id', 'stage_id', 'updated_at'],
      // A newer sync replaces all the stage rows of each opportunity it holds.
      replaceBy: ['opportunity_id'],
      signature: ['_fivetran_synced'],
      hints: ['opportunity_stage_history', 'stage_history'],
      columns: [
        { name: 'opportunity_id', type: 'id', required: true },
        { name: 'stage_id', type: 'id', required: true },
        { name: 'updated_at', type: 'timestamp_utc', required: true },
        ...fivetran,
      ],
    },
    {
      // The API's `sources` array of an opportunity, one row per source.
      base: 'opportunity_source',
      key: ['opportunity_id', 'source'],
      replaceBy: ['opportunity_id'],
      signature: ['_fivetran_synced'],
      columns: [
        { name: 'opportunity_id', type: 'id', required: true },
        { name: 'source', type: 'id', required: true },
        ...fivetran,
      ],
    },
    {
      base: 'application',
      key: ['id'],
      signature: ['opportunity_id', 'posting_id', '_fivetran_synced'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'opportunity_id', type: 'id', required: true },
        id('posting_id'),
        at('created_at'),
        at('archived_at'),
        id('archived_reason_id'),
        id('requisition_for_hire_id'),
        ...fivetran,
      ],
    },
    {
      // Keyed by opportunity_id, else candidate_id (older offers: a candidate id is its opportunity's id).
      base: 'offer',
      key: ['id'],
      signature: ['candidate_id', 'opportunity_id', 'status', '_fivetran_synced'],
      columns: [
        { name: 'id', type: 'id', required: true },
        id('opportunity_id'),
        id('candidate_id'),
        { name: 'status', type: 'enum', values: offerStatuses, required: true },
        at('created_at'),
        ...fivetran,
      ],
    },
    {
      base: 'posting',
      key: ['id'],
      signature: ['text', 'state', '_fivetran_synced'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'text', type: 'text' },
        { name: 'state', type: 'text' },
        at('created_at'),
        at('updated_at'),
        { name: 'categories_department', type: 'text' },
        { name: 'categories_team', type: 'text' },
        { name: 'categories_location', type: 'text' },
        { name: 'categories_level', type: 'text' },
        // Issue 18: the posting owner (the recruiter) and, when the sync has it, its hiring manager (user ids).
        id('owner_id'),
        id('hiring_manager_id'),
        ...fivetran,
      ],
    },
    {
      base: 'requisition',
      key: ['id'],
      signature: ['requisition_code', 'headcount_total', '_fivetran_synced'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'requisition_code', type: 'text' },
        { name: 'status', type: 'text' },
        { name: 'headcount_total', type: 'text' },
        at('created_at'),
        // Issue 18: the requisition's hiring manager (a user id), the job's when its posting names none.
        id('hiring_manager_id'),
        ...fivetran,
      ],
    },
    {
      // The bridge between requisitions and postings (the API's `postings` array of a requisition).
      base: 'requisition_posting',
      key: ['requisition_id', 'posting_id'],
      signature: ['_fivetran_synced'],
      columns: [
        { name: 'requisition_id', type: 'id', required: true },
        { name: 'posting_id', type: 'id', required: true },
        ...fivetran,
      ],
    },
    {
      // No `type` (hired / non-hired) in Fivetran's table: the reason's text says it (see applications.sql).
      base: 'archive_reason',
      key: ['id'],
      signature: ['text', '_fivetran_synced'],
      hints: ['archive_reason', 'archive_reasons'],
      columns: [{ name: 'id', type: 'id', required: true }, { name: 'text', type: 'text' }, ...fivetran],
    },
    {
      // The same shape as archive_reason: the file name tells them apart.
      base: 'stage',
      key: ['id'],
      signature: ['text', '_fivetran_synced'],
      hints: ['stage', 'stages'],
      columns: [{ name: 'id', type: 'id', required: true }, { name: 'text', type: 'text' }, ...fivetran],
    },
    // Synced, not used (the seeds' other tables): users, interviews and feedback, tags, contact data, resumes.
    {
      // Issue 18: Lever users (staff), for the names of posting owners and hiring managers. Only id and name
      // are stored (email, photo and username are never read).
      base: 'user',
      key: ['id'],
      signature: ['id', 'access_role', 'external_directory_id', 'deactivated_at', '_fivetran_synced'],
      hints: ['user', 'users'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'name', type: 'text' },
        { name: 'access_role', type: 'text' },
        { name: 'external_directory_id', type: 'text' },
        at('deactivated_at'),
        ...fivetran,
      ],
    },
    unused('interview', ['id', 'panel_id', 'feedback_reminder', 'gcal_event_url']),
    unused('interviewer_user', ['interview_id', 'user_id'], ['interviewer_user', 'interview_user']),
    unused('interview_feedback', ['feedback_form_id', 'interview_id']),
    unused('posting_interview', ['interview_id', 'posting_id']),
    unused('feedback_form', ['id', 'interview_id', 'score_system_value', 'template_id']),
    unused('feedback_form_field', ['feedback_form_id', 'field_index', 'value_index']),
    unused('opportunity_tag', ['opportunity_id', 'tag']),
    unused('posting_tag', ['posting_id', 'tag']),
    unused('requisition_offer', ['offer_id', 'requisition_id']),
    unused('contact_email', ['contact_id', 'email']),
    unused('contact_link', ['contact_id', 'link']),
    unused('contact_phone', ['contact_id', 'index', 'value']),
    unused('resume', ['id', 'file_ext', 'file_uploaded_at', 'opportunity_id']),
  ]),
};
