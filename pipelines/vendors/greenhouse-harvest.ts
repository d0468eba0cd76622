/**
 * Greenhouse Harvest API v3 objects flattened to CSV, one file per list endpoint (GET /v3/<object>).
 * Column names are the v3 field names; a nested object is flattened with `_` (`type.name` -> `type_name`,
 * `custom_fields.level.value` -> `custom_fields_level_value`), an array of ids is kept as one cell
 * (`office_ids` = `[12, 14]`). Timestamps are ISO 8601 UTC; a date-time without an offset is read as UTC.
 *
 * Every shape carries a column the Greenhouse Data Lake tables (greenhouse.ts) do not have, so either
 * export is recognised by its header: application_stages have entered_at/exited_at and
 * job_interview_stage_id (Data Lake: entered_on/exited_on, stage_name), offers have sent_on, openings
 * application_id (Data Lake: hired_application_id), and the lookups external_id, type_name or type_key.
 * See docs/importing.md.
 */
import { vendorTables, type Vendor } from './types.ts';

export const greenhouseHarvest: Vendor = {
  name: 'greenhouse-harvest',
  label: 'Greenhouse Harvest API v3',
  derives: ['jobs', 'openings', 'applications', 'stage_history', 'offers'],
  tables: vendorTables('greenhouse-harvest', [
    {
      base: 'applications',
      key: ['id'],
      signature: ['candidate_id', 'prospect', 'applied_at', 'job_interview_stage_id'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'candidate_id', type: 'id' },
        // null for a jobless prospect; a prospect on jobs lists them in prospective_job_ids.
        { name: 'job_id', type: 'id' },
        { name: 'prospective_job_ids', type: 'text' },
        { name: 'prospect', type: 'boolean' },
        // in_process (v3; `active` in v1), rejected, hired, converted.
        { name: 'status', type: 'text' },
        // v3 calls the application date created_at (v1: applied_at).
        { name: 'applied_at', type: 'timestamp_utc', aliases: ['created_at'] },
        { name: 'rejected_at', type: 'timestamp_utc' },
        { name: 'rejection_reason_id', type: 'id' },
        { name: 'source_id', type: 'id' },
        { name: 'stage_id', type: 'id' },
        { name: 'job_interview_stage_id', type: 'id' },
        // Not v3 fields: read when an export adds them (a hire date, a migration flag).
        { name: 'hired_at', type: 'timestamp_utc' },
        { name: 'migrated', type: 'boolean' },
      ],
    },
    {
      base: 'application_stages',
      key: ['id'],
      signature: ['application_id', 'job_interview_stage_id', 'entered_at'],
      hints: ['application_stages', 'stages'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'application_id', type: 'id', required: true },
        { name: 'job_interview_stage_id', type: 'id' },
        { name: 'entered_at', type: 'timestamp_utc' },
        { name: 'exited_at', type: 'timestamp_utc' },
        { name: 'current', type: 'boolean' },
      ],
    },
    {
      base: 'job_interview_stages',
      key: ['id'],
      signature: ['job_id', 'name', 'sort_order'],
      hints: ['job_interview_stages', 'job_stages'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'job_id', type: 'id' },
        { name: 'name', type: 'text' },
        { name: 'sort_order', type: 'integer' },
        { name: 'active', type: 'boolean' },
      ],
    },
    {
      base: 'offers',
      key: ['id'],
      signature: ['application_id', 'status', 'sent_on'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'application_id', type: 'id', required: true },
        // Created, Accepted, Rejected, Deprecated (read case-insensitively).
        { name: 'status', type: 'enum', values: ['created', 'accepted', 'rejected', 'deprecated'], required: true },
        { name: 'version', type: 'integer' },
        { name: 'job_id', type: 'id' },
        { name: 'opening_id', type: 'id' },
        { name: 'created_at', type: 'timestamp_utc' },
        { name: 'sent_on', type: 'date' },
        { name: 'resolved_at', type: 'timestamp_utc' },
        { name: 'starts_on', type: 'date' },
        // Offer custom fields (a currency field's value is {amount, unit}), under the field's name_key.
        {
          name: 'salary',
          type: 'money',
          aliases: ['base_salary', 'custom_fields_salary_value_amount', 'custom_fields_base_salary_value_amount'],
        },
        {
          name: 'currency',
          type: 'currency',
          aliases: ['custom_fields_salary_value_unit', 'custom_fields_base_salary_value_unit'],
        },
        // Issue 18: an offer custom field naming why the candidate declined (name_key decline_reason), flattened.
        { name: 'decline_reason', type: 'text', aliases: ['custom_fields_decline_reason', 'custom_fields_decline_reason_value'] },
      ],
    },
    {
      base: 'openings',
      key: ['id'],
      signature: ['job_id', 'opening_id', 'application_id', 'opened_at'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'job_id', type: 'id', required: true },
        { name: 'opening_id', type: 'text' },
        // The application hired into the opening (Data Lake: hired_application_id).
        { name: 'application_id', type: 'id' },
        { name: 'opened_at', type: 'timestamp_utc' },
        { name: 'closed_at', type: 'timestamp_utc' },
        { name: 'close_reason_id', type: 'id' },
        // The close reason expanded from GET /v3/close_reasons, flattened (`close_reason.name`).
        { name: 'close_reason_name', type: 'text' },
      ],
    },
    {
      base: 'jobs',
      key: ['id'],
      signature: ['name', 'status', 'office_ids'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'name', type: 'text' },
        { name: 'requisition_id', type: 'text' },
        { name: 'status', type: 'text' },
        { name: 'department_id', type: 'id' },
        // An array of office ids: `[12, 14]`, `12;14` or `12`.
        { name: 'office_ids', type: 'text' },
        { name: 'opened_at', type: 'timestamp_utc' },
        { name: 'closed_at', type: 'timestamp_utc' },
        { name: 'level', type: 'text', aliases: ['custom_fields_level_value', 'custom_fields_level'] },
        { name: 'role_family', type: 'text', aliases: ['custom_fields_role_family_value', 'custom_fields_role_family'] },
      ],
    },
    {
      base: 'departments',
      key: ['id'],
      signature: ['name', 'external_id'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'name', type: 'text' },
        { name: 'parent_id', type: 'id' },
        { name: 'external_id', type: 'text' },
      ],
    },
    {
      base: 'offices',
      key: ['id'],
      signature: ['name', 'location', 'external_id'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'name', type: 'text' },
        // A string in v3 ("Berlin, Germany"); v1's location object flattens to location_name.
        { name: 'location', type: 'text', aliases: ['location_name'] },
        { name: 'parent_id', type: 'id' },
        { name: 'external_id', type: 'text' },
      ],
    },
    {
      base: 'sources',
      key: ['id'],
      signature: ['name', 'type_name'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'name', type: 'text' },
        // The sourcing strategy (`type: {id, name}`).
        { name: 'type_id', type: 'id' },
        { name: 'type_name', type: 'text' },
      ],
    },
    {
      base: 'rejection_details',
      key: ['id'],
      signature: ['application_id', 'rejection_reason_id', 'rejected_at'],
      hints: ['rejection_details', 'rejections'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'application_id', type: 'id', required: true },
        { name: 'rejection_reason_id', type: 'id' },
        { name: 'rejected_at', type: 'timestamp_utc' },
        { name: 'rejected_by_id', type: 'id' },
        // The reason expanded from GET /v3/rejection_reasons, flattened (`rejection_reason.type.name`).
        { name: 'rejection_reason_name', type: 'text' },
        { name: 'rejection_reason_type_key', type: 'text' },
        { name: 'rejection_reason_type_name', type: 'text' },
      ],
    },
    {
      base: 'rejection_reasons',
      key: ['id'],
      signature: ['name', 'type_key'],
      hints: ['rejection_reasons', 'reasons'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'name', type: 'text' },
        { name: 'type_id', type: 'id' },
        // WE_REJECTED_THEM, THEY_REJECTED_US, NONE_SPECIFIED, SECURITY_CONCERN.
        { name: 'type_key', type: 'text' },
        { name: 'type_name', type: 'text' },
      ],
    },
  ]),
};
