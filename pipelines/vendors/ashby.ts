/**
 * Ashby: the objects of Ashby's public API (application.list, application.listHistory, offer.list,
 * job.list, opening.list, department.list, location.list, interviewStage.list, closeReason.list), one CSV
 * per list. Nested objects are flattened with `_` between the keys (`archiveReason.reasonType` ->
 * `archiveReason_reasonType`, `latestVersion.salary.value` -> `latestVersion_salary_value`), and the
 * raw columns keep those names, so a quarantined value is reported under the column the export has
 * (header matching ignores case, spaces and underscores). Timestamps are ISO 8601 in UTC
 * (`2025-04-08T16:19:00.000Z`). See docs/importing.md for the export recipe and the known gaps.
 */
import { vendorTables, type Vendor } from './types.ts';

export const ashby: Vendor = {
  name: 'ashby',
  label: 'Ashby',
  // Openings last: the hire of an opening is the application whose accepted offer names it (the offer
  // version's openingId) — Ashby's opening object has no hired application of its own.
  derives: ['jobs', 'applications', 'stage_history', 'offers', 'openings'],
  tables: vendorTables('ashby', [
    {
      // application.list: status Active / Archived / Hired / Lead, source and archiveReason flattened.
      base: 'applications',
      key: ['id'],
      signature: ['candidate_id', 'status', 'createdAt', 'archivedAt'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'createdAt', type: 'timestamp_utc' },
        { name: 'status', type: 'enum', values: ['active', 'archived', 'hired', 'lead'], required: true },
        { name: 'candidate_id', type: 'id' },
        { name: 'job_id', type: 'id', required: true },
        { name: 'source_title', type: 'text' },
        { name: 'source_sourceType_title', type: 'text' },
        { name: 'archiveReason_text', type: 'text' },
        { name: 'archiveReason_reasonType', type: 'text' },
        { name: 'archivedAt', type: 'timestamp_utc' },
      ],
    },
    {
      // application.listHistory (or application.info's applicationHistory), one row per history event with
      // the application's id; stageNumber orders the events (0 first). A newer export replaces all the
      // events of each application it holds.
      base: 'application_history',
      key: ['applicationId', 'stageNumber'],
      replaceBy: ['applicationId'],
      signature: ['stageId', 'title', 'enteredStageAt'],
      hints: ['application_history', 'history'],
      columns: [
        { name: 'id', type: 'id' },
        { name: 'applicationId', type: 'id', required: true },
        { name: 'stageId', type: 'id' },
        { name: 'title', type: 'text' },
        { name: 'enteredStageAt', type: 'timestamp_utc' },
        { name: 'leftStageAt', type: 'timestamp_utc' },
        { name: 'stageNumber', type: 'integer', required: true },
      ],
    },
    {
      // offer.list: one row per offer with its latest version (older versions are not exported).
      base: 'offers',
      key: ['id'],
      signature: ['acceptanceStatus'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'applicationId', type: 'id', required: true },
        {
          name: 'acceptanceStatus',
          type: 'enum',
          values: ['accepted', 'declined', 'pending', 'created', 'cancelled', 'waitingonresponse'],
        },
        {
          name: 'offerStatus',
          type: 'enum',
          values: [
            'waitingonapprovalstart',
            'waitingonofferapproval',
            'waitingonapprovaldefinition',
            'waitingoncandidateresponse',
            'candidaterejected',
            'candidateaccepted',
            'offercancelled',
          ],
        },
        { name: 'decidedAt', type: 'timestamp_utc' },
        { name: 'latestVersion_id', type: 'id' },
        { name: 'latestVersion_createdAt', type: 'timestamp_utc' },
        { name: 'latestVersion_startDate', type: 'date' },
        { name: 'latestVersion_salary_value', type: 'money' },
        { name: 'latestVersion_salary_currencyCode', type: 'currency' },
        { name: 'latestVersion_openingId', type: 'id' },
        // Not in offer.list: when the offer went out (the e-signature request's `sent` event). Optional.
        { name: 'sentAt', type: 'timestamp_utc', aliases: ['latestVersion_sentAt'] },
      ],
    },
    {
      // job.list; level and role family are job custom fields flattened by title (customFields_Level).
      base: 'jobs',
      key: ['id'],
      signature: ['title', 'status', 'locationId', 'departmentId'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'title', type: 'text' },
        { name: 'status', type: 'text' },
        { name: 'employmentType', type: 'text' },
        { name: 'departmentId', type: 'id' },
        { name: 'locationId', type: 'id' },
        { name: 'openedAt', type: 'timestamp_utc' },
        { name: 'closedAt', type: 'timestamp_utc' },
        { name: 'customFields_Level', type: 'text', aliases: ['level'] },
        { name: 'customFields_RoleFamily', type: 'text', aliases: ['role_family'] },
        // Issue 18: the job's hiring team, JSON text [{userId, firstName, lastName, role}] (role Recruiter,
        // Hiring Manager, Coordinator, Sourcer); only the names of the recruiter and hiring manager are used.
        { name: 'hiringTeam', type: 'text' },
      ],
    },
    {
      // opening.list; the opening's job(s) are in latestVersion.jobIds.
      base: 'openings',
      key: ['id'],
      signature: ['openingState', 'latestVersion_jobIds', 'openedAt'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'openedAt', type: 'timestamp_utc' },
        { name: 'closedAt', type: 'timestamp_utc' },
        { name: 'isArchived', type: 'boolean' },
        { name: 'closeReasonId', type: 'id' },
        { name: 'openingState', type: 'text' },
        { name: 'latestVersion_identifier', type: 'text' },
        { name: 'latestVersion_jobIds', type: 'text' },
      ],
    },
    {
      base: 'departments',
      key: ['id'],
      // isArchived sets it apart from Greenhouse's departments (id, name, parent_id).
      signature: ['name', 'isArchived'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'name', type: 'text' },
        { name: 'isArchived', type: 'boolean' },
        { name: 'parentId', type: 'id' },
      ],
    },
    {
      base: 'locations',
      key: ['id'],
      signature: ['name', 'isArchived', 'address_postalAddress_addressCountry'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'name', type: 'text' },
        { name: 'isArchived', type: 'boolean' },
        { name: 'address_postalAddress_addressCountry', type: 'text' },
        { name: 'address_postalAddress_addressLocality', type: 'text' },
        { name: 'parentLocationId', type: 'id' },
      ],
    },
    {
      // interviewStage.list: the type tells interview stages from the Lead, Hired and Archived states.
      base: 'interview_stages',
      key: ['id'],
      signature: ['title', 'type', 'orderInInterviewPlan'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'title', type: 'text' },
        { name: 'type', type: 'text' },
        { name: 'orderInInterviewPlan', type: 'integer' },
        { name: 'interviewStageGroupId', type: 'id' },
        { name: 'interviewPlanId', type: 'id' },
      ],
    },
    {
      base: 'close_reasons',
      key: ['id'],
      signature: ['reasonText'],
      columns: [
        { name: 'id', type: 'id', required: true },
        { name: 'reasonText', type: 'text' },
        { name: 'isArchived', type: 'boolean' },
      ],
    },
  ]),
};
