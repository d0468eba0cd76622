/**
 * Greenhouse Data Lake / BI Connector tables exported as CSV (one file per table; column names as
 * Greenhouse documents them). Timestamps are UTC; a date-time without an offset is read as UTC.
 * Extra columns (custom fields flattened by the user: level, role_family, salary, currency, version)
 * are optional; see docs/importing.md.
 */
import { vendorTables, type Vendor } from './types.ts';

export const greenhouse: Vendor = {
  name: 'greenhouse',
  label: 'Greenhouse Data Lake',
  derives: ['jobs', 'openings', 'applications', 'stage_history', 'offers'],
  tables: vendorTables('greenhouse', [
    {
      base: 'applications',
      key: ['id'],
      signature: ['candidate_id', 'prospect', 'applied_at', 'status'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'candidate_id', type: 'id' },
        { name: 'stage_id', type: 'id' },
        { name: 'source_id', type: 'id' },
        { name: 'status', type: 'text' },
        { name: 'prospect', type: 'boolean' },
        { name: 'applied_at', type: 'timestamp_utc' },
        { name: 'rejected_at', type: 'timestamp_utc' },
        { name: 'rejection_reason_id', type: 'id' },
        { name: 'migrated', type: 'boolean' },
        { name: 'hired_at', type: 'timestamp_utc' },
        { name: 'job_id', type: 'id' },
      ],
    },
    {
      base: 'application_stages',
      key: ['application_id', 'stage_id'],
      // No key of its own, and Data Lake exports repeat rows: a newer export replaces all the stage rows
      // of each application it holds; exact duplicates are removed when the canonical table is derived.
      replaceBy: ['application_id'],
      allowDuplicates: true,
      signature: ['stage_id', 'entered_on', 'stage_name'],
      hints: ['application_stages', 'stages'],
      columns: [
        { name: 'application_id', type: 'id', required: true },
        { name: 'stage_id', type: 'id' },
        { name: 'entered_on', type: 'timestamp_utc' },
        { name: 'exited_on', type: 'timestamp_utc' },
        { name: 'stage_name', type: 'text' },
      ],
    },
    {
      base: 'offers',
      key: ['id'],
      signature: ['application_id', 'status', 'resolved_at'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'application_id', type: 'id', required: true },
        { name: 'status', type: 'enum', values: ['unresolved', 'accepted', 'rejected', 'deprecated'], required: true },
        { name: 'version', type: 'integer' },
        { name: 'created_at', type: 'timestamp_utc' },
        { name: 'sent_at', type: 'timestamp_utc' },
        { name: 'resolved_at', type: 'timestamp_utc' },
        { name: 'start_date', type: 'date' },
        { name: 'salary', type: 'money', aliases: ['base_salary'] },
        { name: 'currency', type: 'currency' },
        // Issue 18: an offer custom field naming why the candidate declined, flattened like salary.
        { name: 'decline_reason', type: 'text', aliases: ['custom_decline_reason'] },
      ],
    },
    {
      base: 'openings',
      key: ['id'],
      signature: ['opening_id', 'hired_application_id', 'opened_at'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'job_id', type: 'id', required: true },
        { name: 'opening_id', type: 'text' },
        { name: 'hired_application_id', type: 'id' },
        { name: 'opened_at', type: 'timestamp_utc' },
        { name: 'closed_at', type: 'timestamp_utc' },
        { name: 'close_reason', type: 'text' },
      ],
    },
    {
      base: 'jobs',
      key: ['id'],
      signature: ['requisition_id', 'name', 'status'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'requisition_id', type: 'text' },
        { name: 'department_id', type: 'id' },
        { name: 'name', type: 'text' },
        { name: 'status', type: 'text' },
        { name: 'opened_at', type: 'timestamp_utc' },
        { name: 'closed_at', type: 'timestamp_utc' },
        { name: 'level', type: 'text' },
        { name: 'role_family', type: 'text' },
      ],
    },
    {
      base: 'applications_jobs',
      key: ['application_id', 'job_id'],
      columns: [
        { name: 'application_id', type: 'id', required: true },
        { name: 'job_id', type: 'id', required: true },
      ],
    },
    {
      base: 'jobs_offices',
      key: ['job_id', 'office_id'],
      columns: [
        { name: 'job_id', type: 'id', required: true },
        { name: 'office_id', type: 'id', required: true },
      ],
    },
    {
      base: 'departments',
      key: ['id'],
      signature: ['name'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'name', type: 'text' },
        { name: 'parent_id', type: 'id' },
      ],
    },
    {
      base: 'offices',
      key: ['id'],
      signature: ['name', 'location'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'name', type: 'text' },
        { name: 'location', type: 'text', aliases: ['location_name'] },
        { name: 'parent_id', type: 'id' },
      ],
    },
    {
      base: 'sources',
      key: ['id'],
      signature: ['name', 'type'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'name', type: 'text' },
        { name: 'type', type: 'text', aliases: ['source_type'] },
      ],
    },
    {
      base: 'rejection_reasons',
      key: ['id'],
      signature: ['name', 'type'],
      hints: ['rejection_reasons', 'rejection'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'name', type: 'text' },
        { name: 'type', type: 'text', aliases: ['rejection_type'] },
      ],
    },
  ]),
};
