/**
 * Greenhouse synced by Fivetran into a warehouse, each table exported to CSV (one file per table; the
 * table names are Fivetran's, singular: application, job, job_opening...). Column names and layouts are
 * those of fivetran/dbt_greenhouse_source (macros/get_*_columns.sql, integration_tests/seeds); offer,
 * rejection_reason and close_reason are not in those seeds and follow Fivetran's Greenhouse schema (the
 * Harvest objects flattened). Timestamps are UTC without an offset.
 *
 * Every table carries Fivetran's `_fivetran_synced`, and it is part of each signature: a Greenhouse Data
 * Lake or Harvest file is never read as a Fivetran one, and a Fivetran file matches more columns than any
 * Data Lake or Harvest look-alike. Soft deletes (`_fivetran_deleted`, Greenhouse's `is_deleted`) are kept
 * in the raw tables and left out by the derivation, with the rows of a deleted parent.
 *
 * Custom fields: Fivetran writes each job custom field as a column `custom_<field key>`. Only columns
 * declared here are ever stored (the allow-list), so the level is read from the custom level columns
 * named below (`levelFields`); `vendors.levelField` in the config picks one of them, otherwise the first
 * of them (in that order) that has a value. See docs/importing.md.
 */
import type { ColumnSpec } from '../ingest/entities.ts';
import type { Config } from '../lib/config.ts';
import { vendorTables, type Vendor } from './types.ts';

/** The job custom level columns hirescope reads, in the order the default takes them. */
export const levelFields = [
  'custom_employee_level_designation',
  'custom_level',
  'custom_job_level',
  'custom_employee_level',
  'custom_level_designation',
  'custom_career_level',
  'custom_seniority_level',
] as const;

const synced = { name: '_fivetran_synced', type: 'timestamp_utc' } as const;
const deleted = { name: '_fivetran_deleted', type: 'boolean' } as const;

/** A table hirescope does not use: recognised by these columns (never personal data), then ignored. */
const unused = (base: string, key: string[], others: string[], hints?: string[]) => ({
  base,
  key,
  unused: true,
  signature: [...key, ...others, '_fivetran_synced'],
  columns: [...[...key, ...others].map((name): ColumnSpec => ({ name, type: 'text' })), synced],
  ...(hints ? { hints } : {}),
});

export const fivetranGreenhouse: Vendor = {
  name: 'fivetran-greenhouse',
  label: 'Greenhouse synced by Fivetran',
  derives: ['jobs', 'openings', 'applications', 'stage_history', 'offers'],
  params: (config: Config) => {
    const field = config.vendors.levelField ?? '';
    if (field !== '' && !(levelFields as readonly string[]).includes(field)) {
      throw new Error(
        `config vendors.levelField "${field}" is not a job column hirescope reads from a Fivetran Greenhouse sync; it reads ${levelFields.join(', ')} (rename the column in the export, or use --mapping)`,
      );
    }
    return { level_field: field };
  },
  tables: vendorTables('fivetran-greenhouse', [
    {
      base: 'application',
      key: ['id'],
      signature: ['_fivetran_synced', 'candidate_id', 'applied_at', 'prospect', 'rejected_reason_id'],
      columns: [
        { name: 'id', type: 'id', required: true },
        deleted,
        synced,
        { name: 'is_deleted', type: 'boolean' },
        { name: 'candidate_id', type: 'id' },
        { name: 'applied_at', type: 'timestamp_utc' },
        { name: 'current_stage_id', type: 'id' },
        { name: 'prospect', type: 'boolean' },
        { name: 'rejected_at', type: 'timestamp_utc' },
        { name: 'rejected_reason_id', type: 'id' },
        { name: 'source_id', type: 'id' },
        // active, rejected, hired, converted (a prospect turned candidate).
        { name: 'status', type: 'text' },
        { name: 'last_activity_at', type: 'timestamp_utc' },
        // Not a Greenhouse field: read when an export adds it, as in the Data Lake adapter.
        { name: 'migrated', type: 'boolean' },
      ],
    },
    {
      // The job of each application (Greenhouse's applications.jobs[]).
      base: 'job_application',
      key: ['application_id', 'job_id'],
      signature: ['_fivetran_synced'],
      columns: [{ name: 'application_id', type: 'id', required: true }, { name: 'job_id', type: 'id', required: true }, synced],
    },
    {
      // Events, no exit times: a stage change (new_stage_id) or a status change (new_status: hired...).
      base: 'application_history',
      key: ['application_id', 'updated_at'],
      signature: ['_fivetran_synced', 'new_stage_id', 'new_status'],
      columns: [
        { name: 'application_id', type: 'id', required: true },
        { name: 'updated_at', type: 'timestamp_utc', required: true },
        synced,
        { name: 'new_stage_id', type: 'id' },
        { name: 'new_status', type: 'text' },
      ],
    },
    {
      // Stage ids are per job: the same stage name has an id in each job's plan.
      base: 'job_stage',
      key: ['id'],
      signature: ['_fivetran_synced', 'job_id', 'name'],
      hints: ['job_stage', 'job_stages'],
      columns: [
        { name: 'id', type: 'id', required: true },
        deleted,
        synced,
        { name: 'job_id', type: 'id' },
        { name: 'name', type: 'text' },
        { name: 'created_at', type: 'timestamp_utc' },
        { name: 'updated_at', type: 'timestamp_utc' },
      ],
    },
    {
      base: 'offer',
      key: ['id'],
      signature: ['_fivetran_synced', 'application_id', 'status', 'starts_at'],
      columns: [
        { name: 'id', type: 'id', required: true },
        deleted,
        synced,
        { name: 'application_id', type: 'id', required: true },
        { name: 'status', type: 'enum', values: ['unresolved', 'accepted', 'rejected', 'deprecated'], required: true },
        { name: 'version', type: 'integer' },
        { name: 'created_at', type: 'timestamp_utc' },
        // sent_at and starts_at are dates (LocalDate) in Fivetran's schema.
        { name: 'sent_at', type: 'date' },
        { name: 'resolved_at', type: 'timestamp_utc' },
        { name: 'starts_at', type: 'date' },
        { name: 'updated_at', type: 'timestamp_utc' },
        // Offer custom fields, when the account has them (custom_<field key>).
        { name: 'salary', type: 'money', aliases: ['custom_salary', 'custom_base_salary'] },
        { name: 'currency', type: 'currency', aliases: ['custom_currency', 'custom_salary_currency'] },
        // Issue 18: an offer custom field naming why the candidate declined, when the account has one.
        { name: 'decline_reason', type: 'text', aliases: ['custom_decline_reason', 'custom_offer_decline_reason'] },
      ],
    },
    {
      base: 'job_opening',
      key: ['id'],
      signature: ['_fivetran_synced', 'opening_id', 'application_id', 'opened_at'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'job_id', type: 'id', required: true },
        synced,
        // The application hired into the opening.
        { name: 'application_id', type: 'id' },
        { name: 'close_reason_id', type: 'id' },
        { name: 'closed_at', type: 'timestamp_utc' },
        { name: 'opened_at', type: 'timestamp_utc' },
        { name: 'opening_id', type: 'text' },
        { name: 'status', type: 'text' },
      ],
    },
    {
      base: 'job',
      key: ['id'],
      signature: ['_fivetran_synced', 'name', 'status', 'requisition_id'],
      columns: [
        { name: 'id', type: 'id', required: true },
        deleted,
        synced,
        { name: 'name', type: 'text' },
        { name: 'requisition_id', type: 'text' },
        { name: 'status', type: 'text' },
        { name: 'created_at', type: 'timestamp_utc' },
        // Added by Fivetran in March 2024; older syncs only have created_at.
        { name: 'opened_at', type: 'timestamp_utc' },
        { name: 'closed_at', type: 'timestamp_utc' },
        { name: 'updated_at', type: 'timestamp_utc' },
        { name: 'confidential', type: 'boolean' },
        ...levelFields.map((name) => ({ name, type: 'text' as const })),
        { name: 'custom_role_family', type: 'text', aliases: ['custom_job_family'] },
      ],
    },
    {
      base: 'job_department',
      key: ['job_id', 'department_id'],
      signature: ['_fivetran_synced'],
      columns: [{ name: 'department_id', type: 'id', required: true }, { name: 'job_id', type: 'id', required: true }, synced],
    },
    {
      base: 'job_office',
      key: ['job_id', 'office_id'],
      signature: ['_fivetran_synced'],
      columns: [{ name: 'job_id', type: 'id', required: true }, { name: 'office_id', type: 'id', required: true }, synced],
    },
    {
      base: 'department',
      key: ['id'],
      signature: ['_fivetran_synced', 'name', 'parent_id', 'external_id'],
      columns: [
        { name: 'id', type: 'id', required: true },
        deleted,
        synced,
        { name: 'name', type: 'text' },
        { name: 'parent_id', type: 'id' },
        { name: 'external_id', type: 'text' },
      ],
    },
    {
      base: 'office',
      key: ['id'],
      signature: ['_fivetran_synced', 'name', 'location_name'],
      columns: [
        { name: 'id', type: 'id', required: true },
        deleted,
        synced,
        { name: 'name', type: 'text' },
        { name: 'location_name', type: 'text' },
        { name: 'parent_id', type: 'id' },
        { name: 'external_id', type: 'text' },
      ],
    },
    {
      base: 'source',
      key: ['id'],
      signature: ['_fivetran_synced', 'name', 'source_type_name'],
      columns: [
        { name: 'id', type: 'id', required: true },
        deleted,
        synced,
        { name: 'name', type: 'text' },
        { name: 'source_type_id', type: 'id' },
        { name: 'source_type_name', type: 'text' },
      ],
    },
    {
      base: 'rejection_reason',
      key: ['id'],
      signature: ['_fivetran_synced', 'name', 'type_name'],
      hints: ['rejection_reason', 'rejection_reasons'],
      columns: [
        { name: 'id', type: 'id', required: true },
        deleted,
        synced,
        { name: 'name', type: 'text' },
        { name: 'type_id', type: 'id' },
        // We rejected them, They rejected us, None specified.
        { name: 'type_name', type: 'text' },
      ],
    },
    {
      base: 'close_reason',
      key: ['id'],
      signature: ['_fivetran_synced', 'name'],
      hints: ['close_reason', 'close_reasons'],
      columns: [{ name: 'id', type: 'id', required: true }, deleted, synced, { name: 'name', type: 'text' }],
    },
    {
      // Issue 18: a job's hiring team (role hiring_managers, recruiters, coordinators, sourcers) -> its owners.
      base: 'hiring_team',
      key: ['job_id', 'role', 'user_id'],
      signature: ['job_id', 'user_id', 'role', '_fivetran_synced'],
      columns: [
        { name: 'job_id', type: 'id', required: true },
        { name: 'role', type: 'text', required: true },
        { name: 'user_id', type: 'id', required: true },
        synced,
      ],
    },
    {
      // Greenhouse users (staff): the names of the hiring team. Only id and the name columns are stored.
      base: 'users',
      key: ['id'],
      signature: ['id', 'site_admin', 'disabled', 'employee_id', '_fivetran_synced'],
      hints: ['users', 'user'],
      columns: [
        { name: 'id', type: 'id', required: true },
        synced,
        { name: 'first_name', type: 'text' },
        { name: 'last_name', type: 'text' },
        { name: 'site_admin', type: 'boolean' },
        { name: 'disabled', type: 'boolean' },
        { name: 'employee_id', type: 'text' },
        { name: 'created_at', type: 'timestamp_utc' },
        { name: 'updated_at', type: 'timestamp_utc' },
      ],
    },
    // Synced tables hirescope does not use: recognised and reported as ignored. Columns are the ones that
    // identify each (personal data such as names, emails and phone numbers is never listed).
    unused('job_post', ['id'], ['job_id', 'live', 'internal', 'external', 'location_name']),
    unused('tags', ['id'], ['name', '_fivetran_deleted'], ['tags', 'tag']),
    unused('user_email', ['user_id'], [], ['user_email']),
    unused('interview', ['id'], ['job_stage_id', 'name']),
    unused('scheduled_interview', ['id'], ['application_id', 'interview_id', 'organizer_id', 'status']),
    unused('scheduled_interviewer', ['scheduled_interview_id', 'interviewer_id'], ['scorecard_id']),
    unused('scorecard', ['id'], ['application_id', 'overall_recommendation', 'submitted_by_user_id']),
    unused('scorecard_attribute', ['scorecard_id', 'index'], ['rating']),
    unused('eeoc', ['application_id'], ['submitted_at']),
    unused('candidate', ['id'], ['is_private', 'new_candidate_id', 'recruiter_id', 'coordinator_id']),
    unused('candidate_tag', ['candidate_id', 'tag_id'], []),
    // email_address, phone_number and attachment share their non-personal columns: the file name decides.
    unused('email_address', ['candidate_id', 'index'], ['type'], ['email_address']),
    unused('phone_number', ['candidate_id', 'index'], ['type'], ['phone_number']),
    unused('attachment', ['candidate_id', 'index'], ['type'], ['attachment']),
    unused('social_media_address', ['candidate_id', 'index'], []),
    unused('activity', ['id', 'candidate_id'], ['user_id', 'created_at']),
    unused('prospect_pool', ['id'], ['name', 'active', '_fivetran_deleted']),
    unused('prospect_stage', ['id'], ['prospect_pool_id', 'name', '_fivetran_deleted']),
  ]),
};
