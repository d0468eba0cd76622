/**
 * Airbyte's Greenhouse source (airbyte/source-greenhouse): Harvest API v1/v2 objects, one JSON-lines file
 * per stream (applications, jobs, offers, sources, rejection_reasons). A record arrives bare or in an Airbyte wrapper
 * (`{"stream", "data", "emitted_at"}` or `{"_airbyte_data", "_airbyte_ab_id", "_airbyte_emitted_at"}`;
 * see sniffJsonLines). The loader flattens a nested object one level (`current_stage.name` ->
 * `current_stage_name`); arrays and deeper objects arrive as JSON text and the derivation reads them:
 * `jobs` (an application's job: the first), `departments`, `offices`, `openings` (a job's), and
 * `rejection_reason_type`. An object that is null in every record of the file's first megabyte arrives
 * whole as JSON text under its own name (`rejection_reason`), so both spellings are declared. Values
 * inside JSON text are not quarantined one by one: an unreadable one is left empty.
 *
 * Harvest v1/v2 has no stage history (only the current stage) and no hire date: see docs/importing.md.
 *
 * Signatures hold what only v1/v2 objects have: an application's `jobs` array (Data Lake and v3 have a
 * job_id), a job's `openings`, `departments` and `offices` arrays, an offer's `starts_at` and
 * `candidate_id` (Data Lake: start_date; v3: starts_on). A sources record is the v3 one: see below.
 */
import { vendorTables, type Vendor } from './types.ts';

/**
 * The wrapper's fields (its stream or record id, its emission time): read only so that a wrapped file is
 * recognised as Airbyte's, never checked or used.
 */
const wrapper = [
  { name: 'airbyte_record', type: 'text', aliases: ['stream', '_airbyte_ab_id', '_airbyte_raw_id'] },
  { name: 'emitted_at', type: 'text', aliases: ['_airbyte_emitted_at', '_airbyte_extracted_at'] },
] as const;

export const airbyteGreenhouse: Vendor = {
  name: 'airbyte-greenhouse',
  label: 'Airbyte Greenhouse source (Harvest v1/v2)',
  derives: ['jobs', 'openings', 'applications', 'offers'],
  tables: vendorTables('airbyte-greenhouse', [
    {
      base: 'applications',
      key: ['id'],
      signature: ['candidate_id', 'prospect', 'applied_at', 'jobs'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'candidate_id', type: 'id' },
        { name: 'prospect', type: 'boolean' },
        // active, rejected, hired, converted.
        { name: 'status', type: 'text' },
        { name: 'applied_at', type: 'timestamp_utc' },
        { name: 'rejected_at', type: 'timestamp_utc' },
        { name: 'last_activity_at', type: 'timestamp_utc' },
        // [{id, name}]: a candidate's application has one job; a prospect none or several.
        { name: 'jobs', type: 'text' },
        { name: 'current_stage_id', type: 'id' },
        { name: 'current_stage_name', type: 'text' },
        { name: 'source_id', type: 'id' },
        { name: 'source_public_name', type: 'text' },
        // {id, name, type: {id, name}}: flattened (type as JSON text), or whole when null in the head.
        { name: 'rejection_reason_id', type: 'id' },
        { name: 'rejection_reason_name', type: 'text' },
        { name: 'rejection_reason_type', type: 'text' },
        { name: 'rejection_reason', type: 'text' },
        ...wrapper,
      ],
    },
    {
      base: 'jobs',
      key: ['id'],
      signature: ['name', 'status', 'openings', 'departments', 'offices'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'name', type: 'text' },
        { name: 'requisition_id', type: 'text' },
        // open, closed, draft.
        { name: 'status', type: 'text' },
        { name: 'is_template', type: 'boolean' },
        { name: 'created_at', type: 'timestamp_utc' },
        { name: 'opened_at', type: 'timestamp_utc' },
        { name: 'closed_at', type: 'timestamp_utc' },
        // Arrays of Harvest objects, as JSON text.
        { name: 'departments', type: 'text' },
        { name: 'offices', type: 'text' },
        { name: 'openings', type: 'text' },
        // Job custom fields by name_key (`custom_fields.level`), flattened.
        { name: 'level', type: 'text', aliases: ['custom_fields_level', 'custom_fields_job_level'] },
        { name: 'role_family', type: 'text', aliases: ['custom_fields_role_family', 'custom_fields_job_family'] },
        // Issue 18: the job's hiring team (hiring_team.recruiters / .hiring_managers: arrays of users as JSON text).
        { name: 'hiring_team_recruiters', type: 'text' },
        { name: 'hiring_team_hiring_managers', type: 'text' },
        ...wrapper,
      ],
    },
    {
      base: 'offers',
      key: ['id'],
      signature: ['application_id', 'status', 'starts_at', 'candidate_id'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'application_id', type: 'id', required: true },
        { name: 'status', type: 'enum', values: ['unresolved', 'accepted', 'rejected', 'deprecated'], required: true },
        { name: 'version', type: 'integer' },
        { name: 'candidate_id', type: 'id' },
        { name: 'job_id', type: 'id' },
        { name: 'created_at', type: 'timestamp_utc' },
        // A date in Harvest (`2020-12-04`); a date-time is kept to its day.
        { name: 'sent_at', type: 'date' },
        { name: 'resolved_at', type: 'timestamp_utc' },
        { name: 'starts_at', type: 'date' },
        // An offer custom field of type currency by name_key: {amount, unit} as JSON text, or a number.
        { name: 'salary', type: 'text', aliases: ['custom_fields_salary', 'custom_fields_base_salary'] },
        // Issue 18: an offer custom field naming why the candidate declined (name_key decline_reason).
        { name: 'decline_reason', type: 'text', aliases: ['custom_fields_decline_reason'] },
        ...wrapper,
      ],
    },
    {
      base: 'sources',
      key: ['id'],
      signature: ['name', 'type_name'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'name', type: 'text' },
        // The sourcing strategy (`type: {id, name}`), flattened. type_id is not declared: a bare record has
        // the columns of Harvest v3's sources, and the v3 shape must win on a CSV (one more column matched);
        // a wrapped record wins by its wrapper's fields, a bare one beside other Airbyte files by preference.
        { name: 'type_name', type: 'text' },
        ...wrapper,
      ],
    },
    {
      // The same shape as sources ({id, name, type: {id, name}}): the file name settles which it is.
      base: 'rejection_reasons',
      key: ['id'],
      signature: ['name', 'type_name'],
      hints: ['rejection_reasons', 'reasons'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'name', type: 'text' },
        // We rejected them, They rejected us, None specified.
        { name: 'type_name', type: 'text' },
        ...wrapper,
      ],
    },
  ]),
};
